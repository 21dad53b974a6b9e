/**
 * `arazzo describe`: what a user needs to run a document — each workflow's inputs (type,
 * required, secret, description, default), steps and outputs — as a JSON model and as text.
 */
import { requiredInputs } from '../inputs/required-inputs.js';
import { isObject, ownField } from '../document/model.js';
import type { StepPlan, WorkflowPlan } from '../plan/plan.js';
import { isSecretInput } from './redact.js';
import type { TextStyle } from './style-text.js';

export interface InputDescription {
  name: string;
  type: string;
  required: boolean;
  secret: boolean;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  format?: string;
}

export interface StepDescription {
  stepId: string;
  description?: string;
  /** "POST /snapshots (createSnapshot) on snapshotsApi", or "workflow other". */
  calls: string;
}

export interface WorkflowDescription {
  workflowId: string;
  summary?: string;
  description?: string;
  inputs: InputDescription[];
  steps: StepDescription[];
  outputs: string[];
  dependsOn: string[];
}

/** What the heading shows; a DocumentPlan is one, and so is what describe-raw-workflows reads. */
export interface DocumentHeader {
  arazzo: string;
  title?: string;
  sourceDescriptions: Readonly<Record<string, { url: string; type?: string }>>;
}

/** Reads a field of the raw document (descriptions the plan does not keep). */
export type ReadRaw = (pointer: string) => unknown;

export function describeWorkflow(workflow: WorkflowPlan, readRaw: ReadRaw): WorkflowDescription {
  return {
    workflowId: workflow.workflowId,
    ...(workflow.summary ? { summary: workflow.summary } : {}),
    ...(workflow.description ? { description: workflow.description } : {}),
    inputs: describeInputs(workflow.inputsSchema),
    steps: workflow.steps.map((step) => describeStep(step, readRaw)),
    outputs: workflow.outputs.map((o) => o.name),
    dependsOn: workflow.dependsOn.map((d) => d.workflowId),
  };
}

export function describeInputs(schema: unknown): InputDescription[] {
  if (!isObject(schema)) return [];
  const properties = ownField(schema, 'properties');
  const requiredNames = requiredInputs(schema);
  if (!isObject(properties)) return [];
  return Object.entries(properties).map(([name, property]) => {
    const p = isObject(property) ? property : {};
    const description = ownField(p, 'description');
    const format = ownField(p, 'format');
    const enumValues = ownField(p, 'enum');
    return {
      name,
      type: typeOf(p),
      required: requiredNames.includes(name),
      secret: isSecretInput(schema, name),
      ...(typeof description === 'string' ? { description } : {}),
      ...(Object.hasOwn(p, 'default') ? { default: ownField(p, 'default') } : {}),
      ...(Array.isArray(enumValues) ? { enum: enumValues } : {}),
      ...(typeof format === 'string' ? { format } : {}),
    };
  });
}

function typeOf(property: Record<string, unknown>): string {
  const type = ownField(property, 'type');
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.join(' | ');
  if (Array.isArray(ownField(property, 'enum'))) return 'enum';
  return 'any';
}

function describeStep(step: StepPlan, readRaw: ReadRaw): StepDescription {
  const description = readRaw(`${step.pointer}/description`);
  const calls = step.target.kind === 'workflow'
    ? `workflow ${step.target.workflow.workflowId}`
    : step.target.kind === 'asyncapi'
    ? `${step.target.action ?? 'asyncapi'} ${step.target.reference.text}`
    : `${step.target.operation.method} ${step.target.operation.path}${step.target.operation.operationId ? ` (${step.target.operation.operationId})` : ''} on ${step.target.source.name}`;
  return { stepId: step.stepId, calls, ...(typeof description === 'string' ? { description: oneLine(description) } : {}) };
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function formatDocumentDescription(file: string, document: DocumentHeader, workflows: readonly WorkflowDescription[], style: TextStyle): string {
  const lines = [`${style.bold(document.title ?? file)} ${style.dim(`(${file}, arazzo ${document.arazzo})`)}`];
  for (const [name, source] of Object.entries(document.sourceDescriptions)) lines.push(style.dim(`  source ${name}: ${source.url}${source.type ? ` (${source.type})` : ''}`));
  for (const workflow of workflows) lines.push('', ...formatWorkflow(file, workflow, style));
  return `${lines.join('\n')}\n`;
}

function formatWorkflow(file: string, workflow: WorkflowDescription, style: TextStyle): string[] {
  const lines = [`${style.bold(`workflow ${workflow.workflowId}`)}${workflow.summary ? ` — ${oneLine(workflow.summary)}` : ''}`];
  if (workflow.dependsOn.length > 0) lines.push(`  depends on: ${workflow.dependsOn.join(', ')}`);
  lines.push('  inputs:');
  if (workflow.inputs.length === 0) lines.push(style.dim('    (none)'));
  const width = Math.max(0, ...workflow.inputs.map((i) => i.name.length));
  for (const input of workflow.inputs) {
    const flags = [input.type, input.required ? style.yellow('required') : style.dim('optional'), ...(input.secret ? [style.cyan('secret')] : [])];
    if (input.default !== undefined) flags.push(`default ${JSON.stringify(input.default)}`);
    if (input.enum) flags.push(`one of ${input.enum.map((v) => JSON.stringify(v)).join(', ')}`);
    lines.push(`    ${input.name.padEnd(width)}  ${flags.join(', ')}${input.description ? style.dim(`  ${oneLine(input.description)}`) : ''}`);
  }
  lines.push('  steps:');
  workflow.steps.forEach((step, index) => lines.push(`    ${index + 1}. ${step.stepId}  ${style.dim(step.calls)}${step.description ? `\n       ${style.dim(step.description)}` : ''}`));
  lines.push(`  outputs: ${workflow.outputs.length > 0 ? workflow.outputs.join(', ') : style.dim('(none)')}`);
  const required = workflow.inputs.filter((i) => i.required).map((i) => ` --input ${i.name}=<${i.type}>`).join('');
  lines.push(style.dim(`  run: arazzo run ${file} --workflow ${workflow.workflowId}${required}`));
  return lines;
}
