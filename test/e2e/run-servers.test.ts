// Issue 2 "Loading": server URL variables (OCI's {region}) take their defaults unless set with
// --server-variable name=value; --server <source>=<url> keeps the declared base path.
// The fixture's server is http://{host}/regions/{region}/v1, so a loopback server sees the region.
import { beforeAll, describe, expect, it } from 'vitest';
import { routeRequests, useLoopbackServer } from '../support/loopback-server.js';
import { requireCliBuilt, parseJsonStdout, runCli } from '../support/run-cli.js';

beforeAll(requireCliBuilt);

const api = useLoopbackServer(routeRequests({ 'GET /regions/{region}/v1/jobs/{id}': (_request, { region }) => ({ body: { state: region } }) }));

const FILE = 'test/fixtures/server-variables/workflow.arazzo.yaml';
const host = (): string => new URL(api.server.url).host;

describe('issue 2 --server-variable fills OpenAPI server variables', () => {
  it('a given value replaces the default', async () => {
    const result = await runCli(['run', FILE, '--server-variable', `host=${host()}`, '--server-variable', 'region=eu-frankfurt-1', '--json']);

    expect(result.code, result.stderr).toBe(0);
    expect(api.server.requests.map((r) => r.path)).toEqual(['/regions/eu-frankfurt-1/v1/jobs/first']);
    expect(parseJsonStdout(result)).toMatchObject({ outputs: { state: 'eu-frankfurt-1' } });
  });

  it('a variable not given takes its default', async () => {
    const result = await runCli(['run', FILE, '--server-variable', `host=${host()}`, '--json']);

    expect(result.code, result.stderr).toBe(0);
    expect(api.server.requests.map((r) => r.path)).toEqual(['/regions/us-ashburn-1/v1/jobs/first']);
  });

  it('a value outside the enum is exit 2 before anything is sent', async () => {
    const result = await runCli(['run', FILE, '--server-variable', `host=${host()}`, '--server-variable', 'region=mars-1', '--json']);

    expect(result.code, result.stderr).toBe(2);
    const json = parseJsonStdout(result) as { diagnostics: Array<{ code: string; line: number | null }> };
    expect(json.diagnostics.map((d) => [d.code, d.line])).toEqual([['server-variable-not-in-enum', 13]]);
    expect(api.server.requests).toHaveLength(0);
  });
});

describe('issue 2 --server name=url', () => {
  it('an origin keeps the declared base path, with the variables filled from their defaults', async () => {
    const result = await runCli(['run', FILE, '--server', `jobsApi=${api.server.url}`, '--json']);

    expect(result.code, result.stderr).toBe(0);
    expect(api.server.requests.map((r) => r.path)).toEqual(['/regions/us-ashburn-1/v1/jobs/first']);
  });

  it('a URL with a path is used as the exact base', async () => {
    const result = await runCli(['run', FILE, '--server', `jobsApi=${api.server.url}/regions/us-phoenix-1/v1`, '--json']);

    expect(result.code, result.stderr).toBe(0);
    expect(api.server.requests.map((r) => r.path)).toEqual(['/regions/us-phoenix-1/v1/jobs/first']);
  });
});
