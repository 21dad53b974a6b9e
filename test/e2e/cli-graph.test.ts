/**
 * Issue 17 `arazzo graph` through the built CLI: formats by flag and by -o extension, the SVG
 * parsed as XML with every step name in its text, and once drawn by headless Chromium (Debian
 * package `chromium`, installed by .ci/run) to a PNG that is decoded and checked not to be blank.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireCliBuilt, runCli } from '../support/run-cli.js';

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
