/**
 * A tool call runs the workflow through the CLI's own `run` path, in this process: the same
 * loading, input typing and validation, limits, masking and `--json` result as on a terminal.
 * The model's arguments arrive as an inputs document on the run's stdin (`--inputs -`, after the
 * server's own `--inputs` files, so the caller's values win), minus the secret inputs, which only
 * the server's environment and files supply. Each progress line the run prints becomes a progress
 * notification; cancelling the call stops the run as Ctrl-C would (no request after it).
 */
import type { CliIo } from '../cli/cli-io.js';
import type { WorkflowTool } from './workflow-tools.js';

export interface CallContext {
  /** Flags passed to a run of the tool: servers, limits, transport, the server's --inputs files. */
  runArgs: (tool: WorkflowTool) => readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  runCli: (argv: readonly string[], io: CliIo) => Promise<number>;
  /** The run's progress and problem lines, for the operator (the server's stderr). */
  log: (line: string) => void;
}

export interface CallHooks {
  signal: AbortSignal;
  progress?: (message: string) => void;
}

export interface ToolResult {
  content: Array<{ type: 'text'; text: string }>;
  structuredContent: { status: string; outputs: Record<string, unknown>; error?: Record<string, unknown> };
  isError: boolean;
}

export async function callWorkflow(tool: WorkflowTool, args: Record<string, unknown>, context: CallContext, hooks: CallHooks): Promise<ToolResult> {
  const inputs = Object.fromEntries(Object.entries(args).filter(([name]) => !tool.secretInputs.includes(name)));
  let stdout = '';
  let pending = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: {
      write: (text: string) => {
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines.filter((l) => l.trim() !== '')) {
          context.log(line);
          hooks.progress?.(line.trim());
        }
      },
    },
    env: context.env,
    cwd: context.cwd,
    signal: hooks.signal,
    readStdin: async () => JSON.stringify(inputs),
  };
  const code = await context.runCli(['run', tool.file, '--workflow', tool.workflowId, '--json', ...context.runArgs(tool), '--inputs', '-'], io);
  if (pending.trim() !== '') context.log(pending);
  return toResult(tool, code, stdout);
}

function toResult(tool: WorkflowTool, code: number, stdout: string): ToolResult {
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  const status = typeof json?.status === 'string' ? json.status : code === 0 ? 'succeeded' : 'failed';
  const outputs = isRecord(json?.outputs) ? json.outputs : {};
  const error = failure(json);
  const failed = code !== 0;
  const text = failed
    ? `Workflow ${tool.workflowId} ${status === 'succeeded' ? 'failed' : status}${error ? `: ${describeError(error)}` : ''}`
    : `Workflow ${tool.workflowId} succeeded. Outputs: ${clip(JSON.stringify(outputs))}`;
  return { content: [{ type: 'text', text }], structuredContent: { status, outputs, ...(error ? { error } : {}) }, isError: failed };
}

/** The run's error, the failed step and what the server said (already masked by the run). */
function failure(json: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!json) return { message: 'the run printed no result (see the server log)' };
  const error = isRecord(json.error) ? { ...json.error } : undefined;
  const problems = Array.isArray(json.diagnostics) ? json.diagnostics.filter(isRecord) : [];
  if (!error && problems.length === 0) return undefined;
  const steps = Array.isArray(json.steps) ? json.steps.filter(isRecord) : [];
  const failedStep = [...steps].reverse().find((step) => step.succeeded === false || step.status === 'failed');
  return {
    ...(error ?? { message: problems.map((p) => String(p.message)).join('; ') }),
    ...(failedStep?.stepId !== undefined ? { stepId: failedStep.stepId } : {}),
    ...(failedStep?.reason !== undefined ? { reason: failedStep.reason } : {}),
    ...(failedStep?.response !== undefined ? { response: failedStep.response } : {}),
  };
}

function describeError(error: Record<string, unknown>): string {
  const message = typeof error.message === 'string' ? error.message : '';
  const reason = typeof error.reason === 'string' && !message.includes(error.reason) ? error.reason : '';
  const parts = [message || (error.stepId !== undefined ? `step ${String(error.stepId)}` : ''), reason];
  const response = isRecord(error.response) ? JSON.stringify(error.response) : undefined;
  return clip([...parts.filter(Boolean), response ? `server said: ${response}` : ''].filter(Boolean).join(' — '));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const clip = (text: string): string => (text.length > 1000 ? `${text.slice(0, 997)}...` : text);
