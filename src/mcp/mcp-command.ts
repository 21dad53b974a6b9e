/**
 * `arazzo mcp <files…>`: a Model Context Protocol server on stdio (the official TypeScript SDK,
 * loaded only here) with one tool per workflow of the files (workflow-tools.ts); a call runs the
 * workflow through the CLI's run path (call-workflow.ts). stdout is the protocol: everything else
 * (the runs' progress lines, problems) goes to stderr.
 */
import path from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import type { CliIo } from '../cli/cli-io.js';
import { EXIT } from '../cli/exit-codes.js';
import { loadPlan } from '../cli/load-plan.js';
import { formatDiagnostic } from '../report/format-diagnostic.js';
import { chooseStyle } from '../report/style-text.js';
import { callWorkflow, type CallContext } from './call-workflow.js';
import { workflowTools } from './workflow-tools.js';

export interface McpFlags {
  server: string[];
  serverVariable: string[];
  inputs: string[];
  auth: string[];
  maxSteps?: string;
  timeout?: string;
  pollInterval?: string;
  requestTimeout?: string;
  proxy?: string;
  cert: string[];
  key: string[];
  ca: string[];
  sign: string[];
  insecure?: boolean;
}

const OUTPUT_SCHEMA = {
  type: 'object',
  properties: {
    status: { type: 'string', description: 'succeeded, failed or invalid' },
    outputs: { type: 'object', description: "the workflow's outputs (secrets masked)" },
    error: { type: 'object', description: 'why the run failed: code, message, the failed step and what the server said' },
  },
  required: ['status', 'outputs'],
} as const;

export async function mcpCommand(files: string[], raw: Record<string, unknown>, io: CliIo, runCli: CallContext['runCli']): Promise<number> {
  const flags = raw as unknown as McpFlags;
  const style = chooseStyle(io.stderr, io.env);
  const loaded = [];
  for (const given of files) {
    const file = path.resolve(io.cwd, given);
    const plan = await loadPlan(file);
    const errors = plan.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      for (const d of errors) io.stderr.write(`${formatDiagnostic(d, style, io.cwd)}\n`);
      io.stderr.write(`${given} has errors; no MCP server was started (run "arazzo lint ${given}")\n`);
      return EXIT.invalid;
    }
    loaded.push({ file, workflows: [...(plan.plan.documents.get(plan.plan.rootKey)?.workflows.values() ?? [])] });
  }
  const tools = workflowTools(loaded);
  if (tools.length === 0) {
    io.stderr.write('error: the files declare no workflows; nothing to serve\n');
    return EXIT.invalid;
  }
  const context: CallContext = { runArgs: runArgs(flags, io.cwd), env: io.env, cwd: io.cwd, runCli, log: (line) => io.stderr.write(`${line}\n`) };

  const [{ Server }, { StdioServerTransport }, { CallToolRequestSchema, ListToolsRequestSchema, McpError, ErrorCode }] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/index.js'),
    import('@modelcontextprotocol/sdk/server/stdio.js'),
    import('@modelcontextprotocol/sdk/types.js'),
  ]);
  const server = new Server({ name: 'arazzo', version: pkg.version }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema, outputSchema: OUTPUT_SCHEMA })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = tools.find((t) => t.name === request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `no tool named ${request.params.name}; the tools are ${tools.map((t) => t.name).join(', ')}`);
    const token = request.params._meta?.progressToken;
    let count = 0;
    const progress = token === undefined ? undefined : (message: string): void => {
      count += 1;
      void extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: count, message } }).catch(() => undefined);
    };
    io.stderr.write(`arazzo mcp: ${tool.name} called\n`);
    return { ...(await callWorkflow(tool, request.params.arguments ?? {}, context, { signal: extra.signal, ...(progress ? { progress } : {}) })) };
  });

  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
  });
  await server.connect(transport);
  io.stderr.write(`arazzo mcp: serving ${tools.length} workflow tool${tools.length === 1 ? '' : 's'} (${tools.map((t) => t.name).join(', ')}) on stdio\n`);
  // The client ends the session by closing our stdin.
  process.stdin.once('end', () => void server.close());
  await closed;
  return EXIT.ok;
}

/** The server's flags, as `run` takes them, for every call; file paths made absolute. */
function runArgs(flags: McpFlags, cwd: string): string[] {
  const args: string[] = [];
  const many = (option: string, values: readonly string[] | undefined): void => {
    for (const value of values ?? []) args.push(option, value);
  };
  const one = (option: string, value: string | undefined): void => {
    if (value !== undefined) args.push(option, value);
  };
  many('--server', flags.server);
  many('--server-variable', flags.serverVariable);
  many('--auth', flags.auth);
  many('--inputs', flags.inputs.map((file) => (file === '-' ? file : path.resolve(cwd, file))));
  one('--max-steps', flags.maxSteps);
  one('--timeout', flags.timeout);
  one('--poll-interval', flags.pollInterval);
  one('--request-timeout', flags.requestTimeout);
  one('--proxy', flags.proxy);
  many('--cert', flags.cert);
  many('--key', flags.key);
  many('--ca', flags.ca);
  many('--sign', flags.sign);
  if (flags.insecure) args.push('--insecure');
  return args;
}
