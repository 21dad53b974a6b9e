/**
 * Issue 17 `arazzo graph` through the built CLI: formats by flag and by -o extension, the SVG
 * parsed as XML with every step name in its text, and once drawn by headless Chromium (Debian
 * package `chromium`, installed by .ci/run) to a PNG that is decoded and checked not to be blank.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLoopbackServer } from '../support/loopback-server.js';
import { repoRoot, requireCliBuilt, runCli } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { echoFixture, echoRoutes, QUIET_ENV } from './cli-helpers.js';

beforeAll(requireCliBuilt);
const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SEED = 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml';
const STEPS = ['createSnapshot', 'pollBuild', 'activateSnapshot'];

/** Every text node of an SVG, through a real XML parser (throws on malformed XML). */
function svgTexts(svg: string): string[] {
  const texts: string[] = [];
  let inText = 0;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => { if (tag.name === 'text') inText += 1; });
  parser.on('closetag', (tag) => { if (tag.name === 'text') inText -= 1; });
  parser.on('text', (text) => { if (inText > 0) texts.push(text); });
  parser.write(svg).close();
  return texts;
}

describe('issue 17 arazzo graph (CLI)', () => {
  it('prints Mermaid by default, JSON, and DOT by flag', async () => {
    const mermaid = await runCli(['graph', SEED]);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout.startsWith('flowchart TD\n')).toBe(true);
    const json = await runCli(['graph', SEED, '--format', 'json']);
    const graph = JSON.parse(json.stdout) as { edges: Array<{ from: string; to: string; kind: string }> };
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: 'build-and-activate-snapshot/pollBuild', to: 'build-and-activate-snapshot/pollBuild', kind: 'goto' }));
    const dot = await runCli(['graph', SEED, '--format', 'dot']);
    expect(dot.stdout).toMatch(/^digraph "build-and-activate-snapshot" \{/);
  });

  it('refuses an unknown workflow, an unknown extension and a broken file with exit 2', async () => {
    const unknown = await runCli(['graph', SEED, '--workflow', 'nope']);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('No workflow "nope"')]);
    const extension = await runCli(['graph', SEED, '-o', path.join(dir, 'graph.txt')]);
    expect([extension.code, extension.stderr]).toEqual([2, expect.stringContaining('Cannot tell the graph format')]);
    const missing = await runCli(['graph', 'no-such-file.yml']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
  });

  it('writes an SVG (Graphviz in WebAssembly) that parses as XML and names every step; Chromium draws it', async () => {
    const svgPath = path.join(dir, 'flow.svg');
    const run = await runCli(['graph', SEED, '-o', svgPath], { killAfterMs: 60_000 });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const svg = readFileSync(svgPath, 'utf8');
    const texts = svgTexts(svg).join('\n');
    for (const step of STEPS) expect(texts).toContain(step);
    expect(texts).toContain('stillBuilding');

    const pngPath = path.join(dir, 'flow.png');
    await promisify(execFile)('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--screenshot=${pngPath}`, '--window-size=900,700', `file://${svgPath}`], { timeout: 90_000 });
    const png = PNG.sync.read(readFileSync(pngPath));
    let inked = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 200 || png.data[i + 1]! < 200 || png.data[i + 2]! < 200) inked += 1;
    expect(png.width).toBe(900);
    // Boxes, arrows and labels: far more than a stray pixel, far less than a filled page.
    expect(inked).toBeGreaterThan(2000);
    expect(inked).toBeLessThan(png.width * png.height * 0.5);
  }, 120_000);
});

describe('issue 17 the graph of a run: --report graph= and the GitHub step summary', () => {
  let calls = 0;
  // building twice, then done: the poll step runs three times.
  const echo = useLoopbackServer(echoRoutes({ 'GET /echo/status/{state}': (_request, { state }) => ({ body: { state: state === 'failed' ? 'failed' : ++calls < 3 ? 'building' : 'done' } }) }));
  const poll = (state: string, ...extra: string[]) =>
    runCliInProcess(['run', echoFixture('poll.arazzo.yml'), '--server', `echoApi=${echo.server.url}/echo`, '--poll-interval', '0', '--input', `state=${state}`, ...extra], {
      env: { ...QUIET_ENV, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'), GITHUB_WORKSPACE: repoRoot },
    });

  it('marks the steps that ran, how often, and the end action; Mermaid in the step summary', async () => {
    writeFileSync(path.join(dir, 'summary.md'), '');
    const run = await poll('building', '--report', `graph=${path.join(dir, 'run.dot')}`);
    expect(run.code).toBe(0);
    const dot = readFileSync(path.join(dir, 'run.dot'), 'utf8');
    expect(dot).toContain('"poll/pollState" [label="pollState\\nGET /status/{state} (getStatus)\\nran ×3", shape=box, style=filled, fillcolor="#e8f5e9"];');
    expect(dot).toContain('"poll/end" [label="end\\nended by done at pollState", shape=doublecircle, style=filled');
    const summary = readFileSync(path.join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('```mermaid\nflowchart TD\n');
    expect(summary).toMatch(/n1\["pollState<br\/><small>GET \/status\/\{state\} \(getStatus\)<\/small> · ran ×3"\]/);
    expect(summary).toContain('class n1 ran');
  });

  it('a failed run: the failed step and the fail node are marked in an SVG', async () => {
    const run = await poll('failed', '--report', `graph=${path.join(dir, 'run.svg')}`);
    expect(run.code).toBe(1);
    const texts = svgTexts(readFileSync(path.join(dir, 'run.svg'), 'utf8')).join('\n');
    expect(texts).toContain('ran ×1, failed');
    expect(texts).toContain('step-failed at pollState');
  });

  it('refuses --report graph= with a .json or unknown extension before sending anything', async () => {
    const before = calls;
    const run = await poll('building', '--report', `graph=${path.join(dir, 'run.json')}`);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('the run graph is .svg, .mmd, .md or .dot')]);
    const unknown = await poll('building', '--report', `graph=${path.join(dir, 'run.txt')}`);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('Cannot tell the graph format')]);
    expect(calls).toBe(before);
  });
});
