import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { previewFirstRequests } from '../../../src/engine/preview-first-request.js';
import { loadPlan, type LoadedPlan } from '../../../src/cli/load-plan.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/cli/echo');
const seed = path.resolve(import.meta.dirname, '../../../workflows/daytona-io-build-and-activate-snapshot-workflow.yml');

describe('issue 5 --dry-run: the first request each workflow would send', () => {
  let typed: LoadedPlan;
  let snapshot: LoadedPlan;
  beforeAll(async () => {
    typed = await loadPlan(path.join(fixtures, 'typed-inputs.arazzo.yml'));
    snapshot = await loadPlan(seed);
  });

  it('is built like the run builds it: server override, path, headers and encoded body', () => {
    const [preview] = previewFirstRequests(typed.plan, { documentKey: typed.plan.rootKey, workflowId: 'typed' }, { name: 'n', count: 2, tags: ['a'] }, { servers: { echoApi: 'http://127.0.0.1:4010/base' } });
    expect(preview).toMatchObject({ workflowId: 'typed', stepId: 'send', unresolved: ['$inputs.ratio', '$inputs.enabled', '$inputs.size', '$inputs.config'] });
    expect(preview!.request).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:4010/base/echo', body: '{"name":"n","count":2,"tags":["a"]}' });
    expect(preview!.request!.headers).toEqual([['Content-Type', 'application/json']]);
  });

  it('uses the declared server when no --server is given, and substitutes inputs into headers', () => {
    const [preview] = previewFirstRequests(snapshot.plan, { documentKey: snapshot.plan.rootKey, workflowId: 'build-and-activate-snapshot' }, { apiToken: 'tok', name: 's', imageName: 'ubuntu:22.04' });
    expect(preview!.request!.url).toBe('https://app.daytona.io/api/snapshots');
    expect(preview!.request!.headers).toContainEqual(['Authorization', 'Bearer tok']);
  });

  it('lists expressions that have no value before the run (optional inputs not given)', () => {
    const [preview] = previewFirstRequests(snapshot.plan, { documentKey: snapshot.plan.rootKey, workflowId: 'build-and-activate-snapshot' }, { apiToken: 'tok', name: 's', imageName: 'i' });
    expect(preview!.unresolved).toEqual(['$inputs.cpu', '$inputs.memory', '$inputs.disk']);
  });
});
