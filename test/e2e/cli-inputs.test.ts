// Issue 5 "Inputs": --input typed by the schema, --inputs files, ARAZZO_INPUT_* and @file / stdin
// with one precedence; every problem in one go with exit 2 and no request sent.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useLoopbackServer } from '../support/loopback-server.js';
import { parseJsonStdout } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { echoFixture, echoRoutes, QUIET_ENV, useTempDir } from './cli-helpers.js';

const echo = useLoopbackServer(echoRoutes());
const dir = useTempDir();
const typed = echoFixture('typed-inputs.arazzo.yml');
const run = (args: string[], env: Record<string, string | undefined> = {}, stdin?: string): ReturnType<typeof runCliInProcess> =>
  runCliInProcess(['run', typed, '--server', `echoApi=${echo.server.url}/echo`, '--json', ...args], { env: { ...QUIET_ENV, ...env }, ...(stdin !== undefined ? { stdin } : {}) });

describe('issue 5 inputs: --input values are typed by the inputs schema', () => {
  it('the server receives numbers, booleans, arrays and objects, and the default', async () => {
    const result = await run(['--input', 'name=007', '--input', 'count=2', '--input', 'ratio=0.25', '--input', 'enabled=true', '--input', 'tags=["x","y"]', '--input', 'config={"a":{"b":null}}']);
    expect(result.code).toBe(0);
    expect(echo.server.requests.map((r) => r.body)).toEqual([{ name: '007', count: 2, ratio: 0.25, enabled: true, size: 'small', tags: ['x', 'y'], config: { a: { b: null } } }]);
  });
});

describe('issue 5 inputs: --inputs file < ARAZZO_INPUT_<name> < --input', () => {
  it('each source overrides the ones before it, by name', async () => {
    writeFileSync(path.join(dir(), 'inputs.yaml'), 'name: from-file\ncount: 3\nratio: 1.5\nenabled: false\n');
    const result = await run(['--inputs', path.join(dir(), 'inputs.yaml'), '--input', 'ratio=9.5'], { ARAZZO_INPUT_NAME: 'from-env', ARAZZO_INPUT_ratio: '4.5' });
    expect(result.code).toBe(0);
    expect(echo.server.requests[0]!.body).toEqual({ name: 'from-env', count: 3, ratio: 9.5, enabled: false, size: 'small' });
  });

  it('name=@file reads a file and name=- reads stdin', async () => {
    writeFileSync(path.join(dir(), 'config.json'), '{"from": "file"}\n');
    const result = await run(['--input', 'name=-', '--input', 'count=1', '--input', `config=@${path.join(dir(), 'config.json')}`], {}, 'piped name\n');
    expect(result.code).toBe(0);
    expect(echo.server.requests[0]!.body).toMatchObject({ name: 'piped name', config: { from: 'file' } });
  });

  it('--inputs - reads the whole inputs file from stdin', async () => {
    const result = await run(['--inputs', '-'], {}, '{"name": "json-stdin", "count": 5}');
    expect(result.code).toBe(0);
    expect(echo.server.requests[0]!.body).toMatchObject({ name: 'json-stdin', count: 5 });
  });
});

describe('issue 5 inputs: schema problems are all reported at once; exit 2; nothing sent', () => {
  it('--json lists every problem with its code, the input name and the line of its declaration', async () => {
    const result = await run(['--input', 'count=0', '--input', 'ratio=fast', '--input', 'size=medium', '--input', 'tags={"no":1}']);
    expect(result.code).toBe(2);
    expect(echo.server.requests).toHaveLength(0);
    const json = parseJsonStdout(result) as { status: string; diagnostics: Array<{ code: string; pointer: string; line: number; message: string }> };
    expect(json.status).toBe('invalid');
    expect(json.diagnostics.map((d) => [d.code, d.pointer.split('/').pop()]).sort()).toEqual([
      ['input-invalid', 'count'],
      ['input-invalid', 'size'],
      ['input-missing', 'name'],
      ['input-type', 'ratio'],
      ['input-type', 'tags'],
    ]);
    for (const d of json.diagnostics) expect(d.message).toContain(`"${d.pointer.split('/').pop()}"`);
    expect(json.diagnostics.every((d) => d.line > 0)).toBe(true);
  });

  it('without --json the same problems go to stderr in one block, each with file:line', async () => {
    const result = await runCliInProcess(['run', typed, '--server', `echoApi=${echo.server.url}/echo`, '--input', 'count=x'], { env: QUIET_ENV });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/2 problems/);
    expect(result.stderr).toMatch(/typed-inputs\.arazzo\.yml:\d+:\d+ error input-missing/);
    expect(result.stderr).toMatch(/typed-inputs\.arazzo\.yml:\d+:\d+ error input-type/);
    expect(echo.server.requests).toHaveLength(0);
  });

  it('an unreadable @file is an input problem too (exit 2)', async () => {
    const result = await run(['--input', 'name=@/nonexistent/file.txt', '--input', 'count=1']);
    expect(result.code).toBe(2);
    expect((parseJsonStdout(result) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code)).toEqual(['input-file-unreadable']);
  });
});
