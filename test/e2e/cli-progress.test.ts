// Issue 5 "Logs and progress": on a TTY a live line per step (poll count, elapsed time, last
// state) replaced by a summary; not on a TTY, in CI or with NO_COLOR: plain lines, no ANSI codes.
// The TTY case runs under a real pseudo-terminal (`script` from util-linux).
import { beforeAll, describe, expect, it } from 'vitest';
import { useLoopbackServer } from '../support/loopback-server.js';
import { requireCliBuilt } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { echoFixture, echoRoutes, QUIET_ENV, runInPty } from './cli-helpers.js';

beforeAll(requireCliBuilt);
let polls = 0;
const echo = useLoopbackServer(echoRoutes({
  'GET /echo/status/{state}': () => ({ body: { state: ++polls >= 4 ? 'done' : 'building' } }),
}));
const args = (): string[] => {
  polls = 0;
  return ['run', echoFixture('poll.arazzo.yml'), '--server', `echoApi=${echo.server.url}/echo`, '--poll-interval', '0'];
};
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

describe('issue 5 progress: a live line on a TTY', () => {
  it('redraws the poll in place (poll count, state, elapsed) and leaves one summary line', async () => {
    const { code, output } = await runInPty(args());
    expect(code).toBe(0);
    expect(output).toContain('\r\u001b[2K');
    // eslint-disable-next-line no-control-regex
    const visible = output.replace(/\u001b\[[0-9;]*m/g, '');
    expect(visible).toMatch(/pollState {2}building {2}poll 3 {2}\d+:\d\d/);
    const finalLines = visible.split('\n').map((l) => l.slice(l.lastIndexOf('\r\u001b[2K') + 1).replace(/^\u001b\[2K/, '').trim());
    expect(finalLines.filter((l) => l.startsWith('✓ pollState'))).toEqual([expect.stringMatching(/^✓ pollState {2}200 {2}done {2}4 polls {2}\d+:\d\d$/)]);
    expect(visible).toMatch(/poll succeeded \(ended by pollState → done\)/);
  });

  it('NO_COLOR or CI under a TTY: plain lines, no ANSI codes', async () => {
    for (const env of [{ NO_COLOR: '1' }, { CI: 'true' }]) {
      const { code, output } = await runInPty(args(), env);
      expect(code).toBe(0);
      expect(output).not.toMatch(ANSI);
      expect(output.match(/✓ pollState/g)).toHaveLength(4);
    }
  });
});

describe('issue 5 progress: plain lines when not on a TTY', () => {
  it('one line per poll, no ANSI codes, no carriage returns', async () => {
    const result = await runCliInProcess(args(), { env: { ...QUIET_ENV, NO_COLOR: undefined } });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(ANSI);
    expect(result.stderr).not.toContain('\r');
    expect(result.stderr.match(/✓ pollState/g)).toHaveLength(4);
  });

  it('--verbose adds each request and response line, and --log-format json turns stderr into pino records', async () => {
    const verbose = await runCliInProcess([...args(), '--verbose'], { env: QUIET_ENV });
    expect(verbose.stderr.match(/→ GET http:\/\/127\.0\.0\.1:\d+\/echo\/status\/building/g)).toHaveLength(4);
    expect(verbose.stderr.match(/← 200 in \d+ ms/g)).toHaveLength(4);
    const logs = await runCliInProcess([...args(), '--log-level', 'debug', '--log-format', 'json'], { env: QUIET_ENV });
    const records = logs.stderr.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { event: string; level: string });
    expect(records.filter((r) => r.event === 'request')).toHaveLength(4);
    expect(records.at(-1)).toMatchObject({ event: 'run-end', level: 'info' });
  });

  it('issue 12 item 11: --log-level goes beside the progress lines, and --verbose still works with it', async () => {
    const plain = await runCliInProcess(args(), { env: QUIET_ENV });
    const progress = plain.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(progress.length).toBeGreaterThan(0);
    const both = await runCliInProcess([...args(), '--log-level', 'info', '--verbose'], { env: QUIET_ENV });
    expect(both.code).toBe(0);
    const lines = both.stderr.split('\n');
    for (const line of progress.filter((l) => !/\d+ ms|\d+(\.\d+)?s\b/.test(l))) expect(lines).toContain(line);
    expect(both.stderr.match(/→ GET http:\/\/127\.0\.0\.1:\d+\/echo\/status\/building/g)).toHaveLength(4);
    const records = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { event: string });
    expect(records.filter((r) => r.event === 'step-end')).toHaveLength(4);
    expect(records.at(-1)).toMatchObject({ event: 'run-end' });
  });
});
