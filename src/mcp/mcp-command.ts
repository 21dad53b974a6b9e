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
import { serverVariablesOf } from '../cli/preflight-servers.js';
import { reachableWorkflows } from '../cli/select-workflow.js';
import { formatDiagnostic } from '../report/format-diagnostic.js';
import { chooseStyle } from '../report/style-text.js';
import { callWorkflow, type CallContext } from './call-workflow.js';
import { workflowTools, type WorkflowTool } from './workflow-tools.js';

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
    const sources = [...plan.workspace.documents.values()].flatMap((d) => d.sources.map((source) => source.name));
    loaded.push({ file, sources, plan: plan.plan, workflows: [...(plan.plan.documents.get(plan.plan.rootKey)?.workflows.values() ?? [])] });
  }
  const plans = new Map(loaded.flatMap(({ plan, workflows }) => workflows.map((workflow) => [workflow, plan] as const)));
  const tools = workflowTools(loaded, (workflow) => serverVariablesOf(reachableWorkflows(plans.get(workflow)!, workflow.ref)));
  const knownVariables = new Set(tools.flatMap((tool) => tool.serverVariables));
  const unknown = flags.serverVariable.map((pair) => pair.split('=')[0]!).filter((name) => !knownVariables.has(name));
  if (unknown.length > 0) {
    io.stderr.write(`error: --server-variable ${unknown.join(', ')}: no server URL of these workflows has such a variable (known: ${[...knownVariables].join(', ') || 'none'})\n`);
    return EXIT.invalid;
  }
  if (tools.length === 0) {
    io.stderr.write('error: the files declare no workflows; nothing to serve\n');
    return EXIT.invalid;
  }
  const context: CallContext = { runArgs: (tool) => runArgs(flags, io.cwd, tool), env: io.env, cwd: io.cwd, runCli, log: (line) => io.stderr.write(`${line}\n`) };

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

/**
 * The server's flags, as `run` takes them, for a call of one tool: values naming another file's
 * source, and server variables its operations do not take, are left out (run would refuse them;
 * a variable no tool takes was refused at start-up); file paths made absolute.
 */
function runArgs(flags: McpFlags, cwd: string, tool: WorkflowTool): string[] {
  const { sources } = tool;
  const args: string[] = [];
  // --auth names `source.scheme=…`; --server, --sign, --cert/--key/--ca name `source=…`.
  const named = (option: string, value: string): string | undefined =>
    option === '--server-variable' || option === '--inputs' ? undefined : (option === '--auth' ? /^([A-Za-z0-9_-]+)\./ : /^([A-Za-z0-9_-]+)=/).exec(value)?.[1];
  const many = (option: string, values: readonly string[] | undefined): void => {
    for (const value of values ?? []) {
      const source = named(option, value);
      if (source === undefined || sources.includes(source) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) args.push(option, value);
    }
  };
  const one = (option: string, value: string | undefined): void => {
    if (value !== undefined) args.push(option, value);
  };
  many('--server', flags.server);
  many('--server-variable', flags.serverVariable.filter((pair) => tool.serverVariables.includes(pair.split('=')[0]!)));
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
