/**
 * GitHub Actions (`GITHUB_ACTIONS=true`): `::error file=…,line=…::` workflow commands that put
 * the failure on the workflow file's line in the PR, and the Markdown for $GITHUB_STEP_SUMMARY.
 * The runner reads workflow commands from stderr too, which keeps stdout clean for --json.
 */
import type { RunResult } from '../engine/run-result.js';
import { endingText, failingStep, runFailureText } from './describe-failure.js';
import { responseText } from './response-excerpt.js';

export interface AnnotationPlace {
  /** Path relative to the repository root (GITHUB_WORKSPACE). */
  file?: string;
  line?: number;
  column?: number;
}

export type AnnotationKind = 'error' | 'warning' | 'notice';

/** Data escaping per the runner: % CR LF; properties also : and ,. */
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatAnnotation(kind: AnnotationKind, message: string, place: AnnotationPlace & { title?: string }): string {
  const props: string[] = [];
  if (place.file) props.push(`file=${escapeProperty(place.file)}`);
  if (place.line !== undefined) props.push(`line=${place.line}`);
  if (place.column !== undefined) props.push(`col=${place.column}`);
  if (place.title) props.push(`title=${escapeProperty(place.title)}`);
  return `::${kind}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}

/** The annotation for a failed run, at the failing step (or the workflow when no step is to blame). */
export function runFailureAnnotation(
  result: RunResult,
  locate: (workflowId: string, stepId?: string) => AnnotationPlace | undefined,
  interruptedBy?: string,
): string | undefined {
  if (result.status === 'succeeded') return undefined;
  const step = failingStep(result);
  const workflowId = result.error?.workflowId ?? step?.workflowId ?? result.workflowId;
  const stepId = result.error?.stepId ?? step?.stepId;
  const place = locate(workflowId, stepId) ?? locate(workflowId) ?? {};
  const title = `arazzo: workflow ${result.workflowId} failed${result.error ? ` (${result.error.code})` : ''}`;
  const said = step?.response ? `\nresponse: ${responseText(step.response)}` : '';
  return formatAnnotation('error', `${runFailureText(result, interruptedBy)}${said}`, { ...place, title });
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const ICONS: Record<string, string> = { succeeded: '✅', failed: '❌', skipped: '⏭️' };

export function stepSummaryMarkdown(result: RunResult, file: string, interruptedBy?: string): string {
  const icon = result.status === 'succeeded' ? '✅' : '❌';
  const lines = [
    `### ${icon} arazzo: \`${result.workflowId}\` ${result.status}`,
    '',
    `\`${file}\` · ${result.steps.length} step${result.steps.length === 1 ? '' : 's'} · ${formatDuration(result.durationMs)}`,
    '',
  ];
  const ending = endingText(result);
  if (ending) lines.push(`${ending[0]!.toUpperCase()}${cell(ending.slice(1))}.`, '');
  if (result.status === 'failed') lines.push(`**${result.error?.code ?? 'failed'}**: ${cell(runFailureText(result, interruptedBy))}`, '');
  const response = result.status === 'failed' ? failingStep(result)?.response : undefined;
  if (response) lines.push(`Response: \`${cell(responseText(response)).replace(/`/g, "'")}\``, '');
  lines.push('| Workflow | Step | Status | Runs | HTTP | Time | Note |', '|---|---|---|---:|---:|---:|---|');
  for (const step of result.steps) {
    const endedHere = result.endedBy?.stepId === step.stepId && step.workflowId === result.workflowId;
    const note = step.status === 'failed' ? step.reason ?? '' : endedHere ? `${result.transferredTo ? 'goto' : 'end'} action "${result.endedBy!.action}"` : '';
    lines.push(`| ${cell(step.workflowId)} | ${cell(step.stepId)} | ${ICONS[step.status] ?? ''} ${step.status} | ${step.executions} | ${step.lastStatusCode ?? ''} | ${formatDuration(step.durationMs)} | ${cell(note)} |`);
  }
  if (Object.keys(result.outputs).length > 0) {
    lines.push('', '<details><summary>Outputs</summary>', '', '```json', JSON.stringify(result.outputs, null, 2), '```', '', '</details>');
  }
  lines.push('', '');
  return lines.join('\n');
}
