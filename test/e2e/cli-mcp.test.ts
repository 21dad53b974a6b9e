// Issue 17 "arazzo mcp": the workflows of a file as Model Context Protocol tools, driven by the
// official SDK's own client over stdio (the CLI as a real child process) against the loopback
// simulator: list tools, call a seed, a failing run, progress notifications, cancelling a poll
// (no request after it), and a secret canary that never reaches anything the client receives.
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, requireCliBuilt } from '../support/run-cli.js';
import { COMPARTMENT_ID, STOPPED_INSTANCE_ID, startSimulator, type Simulator } from '../support/simulator/index.js';

const TOKEN = 'dtn_mcp_canary_8086';
const SNAPSHOT_SEED = path.join(repoRoot, 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml');
const SANDBOX_SEED = path.join(repoRoot, 'workflows/daytona-io-image-to-running-sandbox-workflow.yml');
const OCI_SEED = path.join(repoRoot, 'workflows/oracle-create-custom-image-from-instance-workflow.yml');

let sim: Simulator;
beforeAll(async () => {
  requireCliBuilt();
  sim = await startSimulator({ apiToken: TOKEN });
});
afterAll(() => sim?.close());
beforeEach(() => sim.reset());

async function connect(extra: string[] = [], env: Record<string, string> = { ARAZZO_INPUT_API_TOKEN: TOKEN }): Promise<{ client: Client; received: string[]; close: () => Promise<void> }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [path.join(repoRoot, 'bin/arazzo.js'), 'mcp', SNAPSHOT_SEED, '--server', `snapshotsApi=${sim.url}`, ...extra],
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'arazzo-test', version: '1.0.0' });
  const received: string[] = [];
  client.fallbackNotificationHandler = async (notification) => {
    received.push(JSON.stringify(notification));
  };
  await client.connect(transport);
  return { client, received, close: () => client.close() };
}

describe('issue 17: arazzo mcp', () => {
  it('lists one tool per workflow: name, description, inputs minus the secret apiToken', async () => {
    const { client, close } = await connect();
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['build-and-activate-snapshot']);
      const schema = tools[0]!.inputSchema as { properties: Record<string, unknown>; required?: string[] };
      expect(Object.keys(schema.properties)).toContain('name');
      expect(Object.keys(schema.properties)).not.toContain('apiToken');
      expect(schema.required ?? []).not.toContain('apiToken');
      expect(tools[0]!.description).toContain('apiToken');
    } finally {
      await close();
    }
  });

  it('a call runs the seed: outputs as structured content, progress notifications, the token only from the server env and never shown', async () => {
    const { client, received, close } = await connect(['--poll-interval', '10ms']);
    const progress: string[] = [];
    try {
      const result = await client.callTool(
        { name: 'build-and-activate-snapshot', arguments: { name: 'mcp-snap', imageName: 'ubuntu:22.04', apiToken: 'model-must-not-set-this' } },
        undefined,
        { onprogress: (p) => void progress.push(p.message ?? '') },
      );
      expect(result.isError, JSON.stringify(result)).toBe(false);
      expect(result.structuredContent).toMatchObject({ status: 'succeeded' });
      expect(Object.keys((result.structuredContent as { outputs: object }).outputs).length).toBeGreaterThan(0);
      expect(progress.length).toBeGreaterThan(0);
      expect(sim.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
      expect(JSON.stringify([result, received, progress])).not.toContain(TOKEN);
    } finally {
      await close();
    }
  });

  it('a failed run is a tool error naming the step and what the server said', async () => {
    const { client, close } = await connect(['--poll-interval', '10ms'], { ARAZZO_INPUT_API_TOKEN: 'dtn_wrong_token' });
    try {
      const result = await client.callTool({ name: 'build-and-activate-snapshot', arguments: { name: 'mcp-denied', imageName: 'ubuntu:22.04' } });
      expect(result.isError).toBe(true);
      const text = (result.content as Array<{ text: string }>)[0]!.text;
      expect(text).toMatch(/step createSnapshot failed/);
      expect(text).toContain('Invalid credentials');
      expect(JSON.stringify(result.structuredContent)).toMatch(/stepId/);
      expect(JSON.stringify(result)).not.toContain('dtn_wrong_token');
    } finally {
      await close();
    }
  });

  it('cancelling a call during a poll stops the run: no request after it', async () => {
    const { client, close } = await connect(['--poll-interval', '3s']);
    try {
      const controller = new AbortController();
      const call = client.callTool(
        { name: 'build-and-activate-snapshot', arguments: { name: 'mcp-cancel', imageName: 'ubuntu:22.04' } },
        undefined,
        { signal: controller.signal, onprogress: () => undefined },
      ).catch((error: unknown) => error);
      while (!sim.requests.some((r) => r.method === 'GET')) await new Promise((resolve) => setTimeout(resolve, 20));
      controller.abort('test cancels');
      expect(await call).toBeInstanceOf(Error);
      const sent = sim.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 4500));
      expect(sim.requests.length).toBe(sent);
    } finally {
      await close();
    }
  }, 20_000);

  it('serves the three seeds at once (each --server goes to the file declaring that source) and calls each', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [path.join(repoRoot, 'bin/arazzo.js'), 'mcp', SNAPSHOT_SEED, SANDBOX_SEED, OCI_SEED, '--poll-interval', '10ms',
        '--server', `snapshotsApi=${sim.url}`, '--server', `sandboxApi=${sim.url}`, '--server', `ociComputeApi=${sim.url}`, '--server-variable', 'region=eu-frankfurt-1'],
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ARAZZO_INPUT_API_TOKEN: TOKEN },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'arazzo-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(['build-and-activate-snapshot', 'image-to-running-sandbox', 'create-custom-image-from-instance']);
      const calls: Array<[string, Record<string, unknown>]> = [
        ['build-and-activate-snapshot', { name: 'mcp-three-snap', imageName: 'ubuntu:22.04' }],
        ['image-to-running-sandbox', { snapshotName: 'mcp-three-sandbox', imageName: 'python:3.12-slim' }],
        ['create-custom-image-from-instance', { compartmentId: COMPARTMENT_ID, instanceId: STOPPED_INSTANCE_ID, displayName: 'mcp-image' }],
      ];
      for (const [name, args] of calls) {
        const result = await client.callTool({ name, arguments: args });
        expect(result.isError, `${name}: ${JSON.stringify(result.content)}`).toBe(false);
        expect(result.structuredContent).toMatchObject({ status: 'succeeded' });
      }
    } finally {
      await client.close();
    }
  });

  it('a document with errors, or a --server-variable no workflow takes: exit 2 before serving', async () => {
    const { runCli } = await import('../support/run-cli.js');
    const run = await runCli(['mcp', path.join(repoRoot, 'test/fixtures/cli/does-not-exist.yml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('does-not-exist.yml');
    const typo = await runCli(['mcp', OCI_SEED, '--server-variable', 'regoin=eu-frankfurt-1']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('known: region');
  });
});
