// Issue 12 item 16: on a terminal, a missing secret input is asked for with echo off (never in CI),
// and the run goes on with it, masked like any secret. Driven through a real pseudo-terminal
// (`script` from util-linux) against the loopback simulator.
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, requireCliBuilt } from '../support/run-cli.js';
import { startSimulator, type Simulator } from '../support/simulator/index.js';
import { runInPty } from './cli-helpers.js';

const TOKEN = 'dtn_prompt_canary_4242';
const SNAPSHOT_SEED = path.join(repoRoot, 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml');

let sim: Simulator;
beforeAll(async () => {
  requireCliBuilt();
  sim = await startSimulator({ apiToken: TOKEN });
});
afterAll(() => sim?.close());
beforeEach(() => sim.reset());

const args = (): string[] => ['run', SNAPSHOT_SEED, '--input', 'name=prompted', '--input', 'imageName=ubuntu:22.04', '--server', `snapshotsApi=${sim.url}`, '--poll-interval', '10ms'];

describe('issue 12: a missing secret input is prompted for on a terminal', () => {
  it('asks for apiToken, does not echo it, sends it, and masks it', async () => {
    const { code, output } = await runInPty(args(), {}, { after: 'typing is not shown', send: `${TOKEN}\r` });
    expect(output).toContain('apiToken (secret input of');
    expect(code, output).toBe(0);
    expect(output).not.toContain(TOKEN);
    expect(sim.requests.length).toBeGreaterThan(0);
    expect(sim.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('Ctrl-D at the prompt stops with the missing-input error (exit 2); Ctrl-C interrupts (exit 130); nothing sent', async () => {
    const eof = await runInPty(args(), {}, { after: 'typing is not shown', send: '\u0004' });
    expect(eof.code).toBe(2);
    expect(eof.output).toContain('ARAZZO_INPUT_');
    const interrupted = await runInPty(args(), {}, { after: 'typing is not shown', send: '\u0003' });
    expect(interrupted.code).toBe(130);
    expect(sim.requests).toHaveLength(0);
  });

  it('in CI there is no prompt: exit 2 at once with the hint, nothing sent', async () => {
    const { code, output } = await runInPty(args(), { CI: 'true' });
    expect(code).toBe(2);
    expect(output).not.toContain('typing is not shown');
    expect(output).toContain('ARAZZO_INPUT_');
    expect(sim.requests).toHaveLength(0);
  });
});
