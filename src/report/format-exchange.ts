/** `--verbose` lines for a request and its response (or an AsyncAPI message): headers and a truncated body, all masked. */
import type { HttpRequest, HttpResponse } from '../engine/ports.js';
import type { StepMessage } from '../engine/run-result.js';
import type { Redactor } from './redact.js';

export const VERBOSE_BODY_LIMIT = 500;

export function truncateText(text: string, max: number = VERBOSE_BODY_LIMIT): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

export function requestBodyText(body: HttpRequest['body']): string | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : `(binary, ${body.byteLength} bytes)`;
}

export function formatRequestLines(request: HttpRequest, redactor: Redactor): string[] {
  const lines = [`→ ${request.method} ${redactor.text(request.url)}`];
  for (const [name, value] of request.headers) lines.push(`  ${name}: ${redactor.header(name, value)}`);
  const body = requestBodyText(request.body);
  if (body !== undefined) lines.push(...indentBody(truncateText(redactor.text(body))));
  return lines;
}

export function formatResponseLines(response: HttpResponse, redactor: Redactor): string[] {
  const lines = [`← ${response.status} in ${response.durationMs} ms`];
  for (const [name, value] of Object.entries(response.headers)) lines.push(`  ${name}: ${redactor.header(name, value)}`);
  if (response.bodyText) lines.push(...indentBody(truncateText(redactor.text(response.bodyText))));
  return lines;
}

/** An AsyncAPI step's message: `→ send` or `← received`, protocol and address, headers, payload. */
export function formatMessageLines(message: StepMessage, redactor: Redactor): string[] {
  const lines = [`${message.action === 'send' ? '→ send' : '← received'} ${message.protocol} ${redactor.text(message.address)}`];
  for (const [name, value] of Object.entries(message.headers)) lines.push(`  ${name}: ${redactor.header(name, value)}`);
  if (message.payload !== undefined) lines.push(...indentBody(truncateText(redactor.text(typeof message.payload === 'string' ? message.payload : JSON.stringify(message.payload)))));
  return lines;
}

const indentBody = (text: string): string[] => text.split(/\r?\n/).map((line) => `  ${line}`);
