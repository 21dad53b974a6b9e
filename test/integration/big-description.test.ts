/**
 * Issue 10 item 4: GitHub's own REST description (13 MB, ../shared/corpora/big-openapi) loads, and
 * only the operations the workflow uses are resolved. The file is unpacked into a temporary
 * folder (never into the repository). Timings live in bench/ (npm run bench), not here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/cli/load-plan.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const GZ = fileURLToPath(new URL('../../../shared/corpora/big-openapi/api.github.com.json.gz', import.meta.url));
const WORKFLOW = fileURLToPath(new URL('../fixtures/big-openapi/github-two-steps.arazzo.yaml', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'arazzo-github-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const description = path.join(scratch, 'api.github.com.json');
writeFileSync(description, gunzipSync(readFileSync(GZ)));

describe('issue 10 item 4: GitHub\'s 13 MB description', () => {
  it('loads with no error; the two operations used are resolved, the other 1,200+ are not', async () => {
    const { diagnostics, workspace } = await loadPlan(WORKFLOW, { sources: { github: description } });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const index = workspace.documents.get(workspace.rootKey)!.sources[0]!.operations!;
    expect(index.operations.length).toBeGreaterThan(1000);
    const resolved = index.operations.filter((operation) => Object.getOwnPropertyDescriptor(operation, 'parameters')?.get === undefined);
    expect(resolved.map((operation) => operation.operationId).sort()).toEqual(['issues/list-for-repo', 'repos/get']);
    expect(index.byOperationId.get('issues/list-for-repo')!.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['owner', 'repo', 'state']));
  });

  it('arazzo run --dry-run prints the first request, offline, from a local copy (--source)', async () => {
    const { code, stdout } = await runCliInProcess(['run', WORKFLOW, '--source', `github=${description}`, '--offline', '--dry-run', '--input', 'owner=octo', '--input', 'repo=hello']);
    expect(code).toBe(0);
    expect(stdout).toContain('GET https://api.github.com/repos/octo/hello');
  });
});
