// Issue 11 library API: startRun, advance and resumeRun from the BUILT entry (dist/index.js). A host
// drives a seed step by step, stops after a few effects, serialises the state as JSON, and a
// fresh resumeRun finishes it; no POST is sent twice. Regex criteria are bounded for library
// users too (the V8 flag is set when the entry loads).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, requireCliBuilt } from '../support/run-cli.js';
import { DEFAULT_API_TOKEN, startSimulator } from '../support/simulator/index.js';

type Library = typeof import('../../src/index.js');
let library: Library;

beforeAll(async () => {
  requireCliBuilt();
  library = (await import(pathToFileURL(path.join(repoRoot, 'dist/index.js')).href)) as Library;
});

const SEED = 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml';
const INPUTS = { apiToken: DEFAULT_API_TOKEN, name: 'lib-resume-inactive', imageName: 'ubuntu:22.04' };

describe('issue 11 library API: startRun → advance → JSON → resumeRun', () => {
  it('three effects by hand, the state through JSON, then resumeRun ends as an uninterrupted run would', async () => {
    const simulator = await startSimulator();
    const http = library.createUndiciHttpPort();
    try {
      const { plan } = await library.loadPlan(path.join(repoRoot, SEED));
      const options = { http, clock: library.systemClock, pollIntervalMs: 0, servers: { snapshotsApi: simulator.url } };
      const env = library.createRunEnv(options);
      let step = library.advance(plan, library.startRun(plan, 'build-and-activate-snapshot', INPUTS, options), env);
      const kinds: string[] = [];
      for (let i = 0; i < 3; i++) {
        kinds.push(step.effect.kind);
        if (step.effect.kind !== 'send') break;
        const outcome = await http.send(step.effect.request, { timeoutMs: step.effect.timeoutMs });
        step = library.advance(plan, step.state, env, { kind: 'response', sent: step.effect, outcome });
      }
      expect(kinds).toEqual(['send', 'send', 'send']);
      expect(step.effect.kind).toBe('send');
      // Stop here, with the fourth request never sent: the state is plain JSON.
      const saved = JSON.parse(JSON.stringify(step.state)) as typeof step.state;
      expect(saved.inFlight?.method).toBe('GET');
      const driven = await library.resumeRun(plan, saved, options);
      if (!('result' in driven)) throw new Error('the run was parked without a park hook');
      const { result } = driven;
      expect(result.status).toBe('succeeded');
      expect(result.outputs.state).toBe('pending');
      expect(simulator.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'GET', 'POST']);
    } finally {
      await http.close();
      await simulator.close();
    }
  });

  it('advance does not change the state it is given', async () => {
    const { plan } = await library.loadPlan(path.join(repoRoot, SEED));
    const state = library.startRun(plan, 'build-and-activate-snapshot', INPUTS, { clock: library.systemClock });
    const before = JSON.stringify(state);
    const step = library.advance(plan, state, library.createRunEnv({ clock: library.systemClock }));
    expect(step.effect.kind).toBe('send');
    expect(JSON.stringify(state)).toBe(before);
    expect(step.state).not.toBe(state);
  });

  it('a hostile regex criterion ((a+)+$ on a crafted value) finishes for a library user too', () => {
    const compiled = library.compileCriterion({ context: '$inputs.text', condition: '^(a+)+$', type: 'regex' });
    expect(compiled.compiled).toBeDefined();
    const scope = { inputs: { text: `${'a'.repeat(40)}b` }, steps: {}, workflows: {}, sourceDescriptions: {} };
    expect(library.evaluateCriterion(compiled.compiled!, scope).passed).toBe(false);
  });
});
