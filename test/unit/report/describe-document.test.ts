import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePointer } from '../../../src/document/parse-yaml.js';
import { resolvePointer } from '../../../src/expressions/json-pointer.js';
import { loadPlan } from '../../../src/cli/load-plan.js';
import { describeInputs, describeWorkflow, formatDocumentDescription } from '../../../src/report/describe-document.js';
import { plainStyle } from '../../../src/report/style-text.js';

describe('issue 5 describe: what a user must pass', () => {
  it('lists each input with type, required, secret, description, default and enum', () => {
    const inputs = describeInputs({
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', description: 'The name.' }, pin: { type: ['integer', 'null'], format: 'password' }, size: { enum: ['s', 'l'], default: 's' } },
    });
    expect(inputs).toEqual([
      { name: 'name', type: 'string', required: true, secret: false, description: 'The name.' },
      { name: 'pin', type: 'integer | null', required: false, secret: true, format: 'password' },
      { name: 'size', type: 'enum', required: false, secret: false, default: 's', enum: ['s', 'l'] },
    ]);
  });

  it('describes the seed: steps with their operations and descriptions, outputs, and a run line', async () => {
    const loaded = await loadPlan(path.resolve(import.meta.dirname, '../../../workflows/daytona-io-build-and-activate-snapshot-workflow.yml'));
    const document = loaded.plan.documents.get(loaded.plan.rootKey)!;
    const raw = loaded.workspace.documents.get(document.key)!.parsed.value;
    const readRaw = (pointer: string): unknown => {
      const found = resolvePointer(raw, decodePointer(pointer));
      return found.found ? found.value : undefined;
    };
    const workflow = describeWorkflow(document.workflows.get('build-and-activate-snapshot')!, readRaw);
    expect(workflow.steps.map((s) => s.calls)).toEqual([
      'POST /snapshots (createSnapshot) on snapshotsApi',
      'GET /snapshots/{id} (getSnapshot) on snapshotsApi',
      'POST /snapshots/{id}/activate (activateSnapshot) on snapshotsApi',
    ]);
    expect(workflow.steps[0]!.description).toBe('Register a new snapshot from the supplied container image.');
    expect(workflow.outputs).toEqual(['snapshotId', 'state']);
    expect(workflow.inputs.filter((i) => i.required).map((i) => i.name)).toEqual(['apiToken', 'name', 'imageName']);
    const text = formatDocumentDescription('flow.yml', document, [workflow], plainStyle);
    expect(text).toContain('--input apiToken=<string> --input name=<string> --input imageName=<string>');
  });
});
