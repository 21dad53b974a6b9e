/**
 * One MCP tool per workflow (issue 17 "arazzo mcp"): its name from the workflowId (the characters
 * MCP clients accept, at most 64, made unique across files), its description from the summary and
 * description, its input schema from the workflow's inputs minus the secret ones — those come from
 * the server's environment or --inputs file, never from the model.
 */
import { isObject } from '../document/model.js';
import type { WorkflowPlan } from '../plan/plan.js';
import { isSecretInput } from '../report/redact.js';

export interface WorkflowTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown> & { type: 'object' };
  /** Names the model may not give (secret inputs). */
  secretInputs: string[];
  file: string;
  /** Source description names of the tool's document and the documents it reads. */
  sources: readonly string[];
  /** Server URL variables its operations take (--server-variable is passed only for these). */
  serverVariables: readonly string[];
  workflowId: string;
}

const TOOL_NAME = /[^A-Za-z0-9_-]/g;

export function workflowTools(
  files: ReadonlyArray<{ file: string; sources: readonly string[]; workflows: readonly WorkflowPlan[] }>,
  variablesOf: (workflow: WorkflowPlan) => readonly string[] = () => [],
): WorkflowTool[] {
  const tools: WorkflowTool[] = [];
  const taken = new Set<string>();
  for (const { file, sources, workflows } of files) {
    for (const workflow of workflows) {
      const base = (workflow.workflowId.replace(TOOL_NAME, '_') || 'workflow').slice(0, 60);
      let name = base;
      for (let n = 2; taken.has(name); n += 1) name = `${base}_${n}`;
      taken.add(name);
      const { schema, secrets } = modelSchema(workflow.inputsSchema);
      tools.push({ name, description: describe(workflow, secrets), inputSchema: schema, secretInputs: secrets, file, sources, serverVariables: variablesOf(workflow), workflowId: workflow.workflowId });
    }
  }
  return tools;
}

function modelSchema(inputs: unknown): { schema: WorkflowTool['inputSchema']; secrets: string[] } {
  if (!isObject(inputs)) return { schema: { type: 'object' }, secrets: [] };
  const properties = isObject(inputs.properties) ? inputs.properties : {};
  const secrets = Object.keys(properties).filter((name) => isSecretInput(inputs, name));
  const kept = Object.fromEntries(Object.entries(properties).filter(([name]) => !secrets.includes(name)));
  const required = Array.isArray(inputs.required) ? inputs.required.filter((name) => typeof name === 'string' && !secrets.includes(name)) : undefined;
  const { properties: _p, required: _r, type: _t, ...rest } = inputs;
  return { schema: { ...rest, type: 'object', properties: kept, ...(required && required.length > 0 ? { required } : {}) }, secrets };
}

function describe(workflow: WorkflowPlan, secrets: readonly string[]): string {
  const text = [workflow.summary, workflow.description].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n\n') || `Runs the Arazzo workflow ${workflow.workflowId}.`;
  return secrets.length > 0 ? `${text}\n\n(Secret inputs ${secrets.join(', ')} are supplied by the server, not by the caller.)` : text;
}
