// Issue 2 "Loading": server URL variables (OCI's {region}) take their defaults unless set with
// --server-variable name=value; --server <source>=<url> keeps the declared base path.
// The fixture's server is http://{host}/regions/{region}/v1, so a loopback server sees the region.
import { describe, expect, it } from 'vitest';
import { routeRequests, useLoopbackServer } from '../support/loopback-server.js';
import { parseJsonStdout } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const api = useLoopbackServer(routeRequests({ 'GET /regions/{region}/v1/jobs/{id}': (_request, { region }) => ({ body: { state: region } }) }));

const FILE = 'test/fixtures/server-variables/workflow.arazzo.yaml';
const host = (): string => new URL(api.server.url).host;

describe('issue 2 --server-variable fills OpenAPI server variables', () => {
  it('a given value replaces the default', async () => {
    const result = await runCliInProcess(['run', FILE, '--server-variable', `host=${host()}`, '--server-variable', 'region=eu-frankfurt-1', '--json']);

    expect(result.code, result.stderr).toBe(0);
    expect(api.server.requests.map((r) => r.path)).toEqual(['/regions/eu-frankfurt-1/v1/jobs/first']);
    expect(parseJsonStdout(result)).toMatchObject({ outputs: { state: 'eu-frankfurt-1' } });
  });

  it('a variable not given takes its default', async () => {
    const result = await runCliInProcess(['run', FILE, '--server-variable', `host=${host()}`, '--json']);

    expect(result.code, result.stderr).toBe(0);
    expect(api.server.requests.map((r) => r.path)).toEqual(['/regions/us-ashburn-1/v1/jobs/first']);
  });

  it('a value outside the enum is exit 2 before anything is sent', async () => {
    const result = await runCliInProcess(['run', FILE, '--server-variable', `host=${host()}`, '--server-variable', 'region=mars-1', '--json']);

    expect(result.code, result.stderr).toBe(2);
    const json = parseJsonStdout(result) as { diagnostics: Array<{ code: string; line: number | null }> };
    expect(json.diagnostics.map((d) => [d.code, d.line])).toEqual([['server-variable-not-in-enum', 13]]);
    expect(api.server.requests).toHaveLength(0);
  });
});

describe('issue 2 --server name=url', () => {
  it('an origin keeps the declared base path, with the variables filled from their defaults', async () => {
    const result = await runCliInProcess(['run', FILE, '--server', `jobsApi=${api.server.url}`, '--json']);

    expect(result.code, result.stderr).toBe(0);
    expect(api.server.requests.map((r) => r.path)).toEqual(['/regions/us-ashburn-1/v1/jobs/first']);
  });

  it('a URL with a path is used as the exact base', async () => {
    const result = await runCliInProcess(['run', FILE, '--server', `jobsApi=${api.server.url}/regions/us-phoenix-1/v1`, '--json']);

    expect(result.code, result.stderr).toBe(0);
    expect(api.server.requests.map((r) => r.path)).toEqual(['/regions/us-phoenix-1/v1/jobs/first']);
  });
});

describe('issue 10 item 3: --server for an API mounted at the root, and without a source name', () => {
  it('a URL ending in "/" replaces the whole base, declared path included', async () => {
    const result = await runCliInProcess(['run', FILE, '--server', `jobsApi=${api.server.url}/`, '--json']);

    expect(api.server.requests.map((r) => r.path)).toEqual(['/jobs/first']);
    expect(result.code).toBe(1); // the root-mounted route does not exist on this server: 404
  });

  it('with one source, --server URL needs no name (bare origin: the declared path is kept)', async () => {
    const result = await runCliInProcess(['run', FILE, '--server', api.server.url, '--json']);

    expect(result.code, result.stderr).toBe(0);
    expect(api.server.requests.map((r) => r.path)).toEqual(['/regions/us-ashburn-1/v1/jobs/first']);
  });

  it('with one source, --server URL/ without a name goes to the root', async () => {
    await runCliInProcess(['run', FILE, '--server', `${api.server.url}/`, '--json']);

    expect(api.server.requests.map((r) => r.path)).toEqual(['/jobs/first']);
  });

  it('with several sources, --server URL without a name is exit 2 naming them, nothing sent', async () => {
    const seed = 'workflows/daytona-io-image-to-running-sandbox-workflow.yml';
    const result = await runCliInProcess(['run', seed, '--server', api.server.url, '--input', 'snapshotName=s', '--input', 'imageName=i', '--input', 'apiToken=t', '--json']);

    expect(result.code).toBe(2);
    const json = JSON.parse(result.stdout) as { diagnostics: Array<{ code: string; message: string }> };
    expect(json.diagnostics.map((d) => d.code)).toEqual(['server-source-ambiguous']);
    expect(json.diagnostics[0]!.message).toContain('snapshotsApi, sandboxApi');
    expect(api.server.requests).toHaveLength(0);
  });

  it('--server URL and --server <only source>=URL together are exit 2', async () => {
    const result = await runCliInProcess(['run', FILE, '--server', api.server.url, '--server', `jobsApi=${api.server.url}`, '--json']);

    expect(result.code).toBe(2);
    expect(api.server.requests).toHaveLength(0);
  });
});
