// Issue 12 item 7: describe on a document with errors describes what it can (workflows the plan
// could not compile are read as written) and lists the errors; exit 2 only with nothing to show.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { repoRoot } from '../support/run-cli.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: { NO_COLOR: '1' }, cwd: repoRoot };
  return { code: await main(args, io), stdout, stderr };
}

const UNKNOWN_OPERATION = 'test/fixtures/unknown-operation-id/workflow.arazzo.yaml';

describe('issue 12 item 7: describe a document that has errors', () => {
  it('an unknown operationId: the workflow, its inputs and steps are shown, and the error is listed', async () => {
    const result = await cli(['describe', UNKNOWN_OPERATION]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/workflow wait-for-job/);
    expect(result.stdout).toMatch(/jobId\s+string, required/);
    expect(result.stdout).toMatch(/pollJob\s+operationId getJobs \(not resolved\)/);
    expect(result.stderr).toMatch(/workflow\.arazzo\.yaml:21:18 error operation-not-found No operation with operationId "getJobs"/);
    expect(result.stderr).not.toMatch(/no workflows to describe/);
  });

  it('--json carries the workflows and the diagnostics', async () => {
    const result = await cli(['describe', UNKNOWN_OPERATION, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { workflows: Array<{ workflowId: string; inputs: unknown[] }>; errors: number; diagnostics: Array<{ code: string }> };
    expect(json.workflows.map((w) => w.workflowId)).toEqual(['wait-for-job']);
    expect(json.workflows[0]!.inputs).toHaveLength(1);
    expect(json.errors).toBe(1);
    expect(json.diagnostics.map((d) => d.code)).toEqual(['operation-not-found']);
  });

  it('a file that does not parse has nothing to describe: exit 2 with the error', async () => {
    const result = await cli(['describe', 'test/fixtures/malformed-yaml/workflow.arazzo.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error yaml-syntax/);
  });
});
