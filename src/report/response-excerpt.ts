/**
 * Issue 12 item 9: a failed step shows what the server said. The journal keeps the last response
 * of each step whose last execution failed (one per step, so a long poll does not grow memory);
 * here it is masked whole, then squeezed to one line and cut — masking before cutting, so a cut
 * can never leave part of a secret behind.
 */
import type { HttpResponse } from '../engine/ports.js';
import type { ResponseExcerpt, RunResult } from '../engine/run-result.js';
import type { Redactor } from './redact.js';

/** Characters of the body shown; --verbose shows more. */
export const EXCERPT_LIMIT = 300;

export function excerptResponse(response: HttpResponse, redactor: Redactor): ResponseExcerpt {
  const masked = redactor.text(redactor.text(response.bodyText ?? '').replace(/\s+/g, ' ').trim());
  const truncated = masked.length > EXCERPT_LIMIT;
  const contentType = response.headers['content-type'];
  return {
    status: response.status,
    ...(contentType ? { contentType: redactor.text(contentType) } : {}),
    bodyExcerpt: truncated ? `${masked.slice(0, EXCERPT_LIMIT)}…` : masked,
    truncated,
  };
}

/** The result with `response` on each failed step the server answered. */
export function withResponseExcerpts(result: RunResult, lastFailed: ReadonlyMap<string, HttpResponse>, redactor: Redactor): RunResult {
  if (lastFailed.size === 0) return result;
  const steps = result.steps.map((step) => {
    const response = step.status === 'failed' ? lastFailed.get(`${step.workflowId}#${step.stepId}`) : undefined;
    return response ? { ...step, response: excerptResponse(response, redactor) } : step;
  });
  return { ...result, steps };
}

/** One line for people: `HTTP 401 application/json: {"message":"Invalid credentials"}`. */
export function responseText(excerpt: ResponseExcerpt): string {
  const body = excerpt.bodyExcerpt === '' ? '(empty body)' : excerpt.bodyExcerpt;
  return `HTTP ${excerpt.status}${excerpt.contentType ? ` ${excerpt.contentType}` : ''}: ${body}`;
}
