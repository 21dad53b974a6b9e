/**
 * Figures 6-8 (issue 10 item 4): GitHub's REST description (13 MB, ../shared/corpora/big-openapi),
 * unpacked into a temporary folder (never the repository), and a YAML copy of it made with the
 * `yaml` package. Subject: `arazzo run --dry-run` of a two-step workflow pointed at the local copy
 * (`--source github=… --offline`). Baselines, in the same rounds: reading the file and JSON.parse
 * in node (the floor), and the `yaml` package's own parse of the YAML copy.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { stringify } from 'yaml';
import { benchFile, CLI, ROOT } from './lib/paths.mjs';
import { runNodeChecked } from './lib/spawn-timed.mjs';
import { makeFigure, median } from './lib/stats.mjs';

// The shared folder sits beside the repository (../shared from its root).
const GZ = benchFile('../../shared/corpora/big-openapi/api.github.com.json.gz');
const WORKFLOW = benchFile('fixtures/github-two-steps.arazzo.yaml');

const dryRun = (description) => [CLI, 'run', WORKFLOW, '--source', `github=${description}`, '--offline', '--dry-run', '--input', 'owner=octo', '--input', 'repo=hello'];
const floor = (file) => ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`];
const yamlParse = (file) => ['-e', `require('yaml').parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`];

async function rounds(runs, commands) {
  const wall = commands.map(() => []);
  const cpu = commands.map(() => []);
  const rss = commands.map(() => []);
  for (let i = -1; i < runs; i++) {
    for (const [k, args] of commands.entries()) {
      const result = await runNodeChecked(args, { cwd: ROOT });
      if (i < 0) continue; // one untimed round: page cache warm for all
      wall[k].push(result.ms);
      cpu[k].push(result.cpuMs);
      rss[k].push(result.maxRssMb);
    }
  }
  return { wall, cpu, rss };
}

export async function measureBigDescription(runs) {
  const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-bench-github-'));
  try {
    const json = path.join(dir, 'api.github.com.json');
    const yaml = path.join(dir, 'api.github.com.yaml');
    const text = gunzipSync(readFileSync(GZ));
    writeFileSync(json, text);
    writeFileSync(yaml, stringify(JSON.parse(text.toString('utf8')), { lineWidth: 0, aliasDuplicateObjects: false }));
    const j = await rounds(runs, [floor(json), [CLI, '--version'], dryRun(json)]);
    const y = await rounds(Math.max(1, Math.ceil(runs / 2)), [yamlParse(yaml), dryRun(yaml)]);
    const startup = median(j.wall[1]);
    const jsonFigure = makeFigure({
      id: 'github-json-dry-run', name: 'run --dry-run, GitHub description (13 MB JSON)', unit: 'ms',
      samples: j.wall[2], baselineSamples: j.wall[0], baselineName: 'read + JSON.parse in node', target: 2,
      cpu: { samples: j.cpu[2], baselineSamples: j.cpu[0] },
      extra: { startupMs: startup, targetNote: '≤ 2× floor + arazzo start-up' },
    });
    // "≤ 2× the floor (+ start-up)": the CLI's own start-up (arazzo --version) is allowed on top.
    jsonFigure.withinTarget = jsonFigure.median <= 2 * jsonFigure.baseline + startup;
    const rssFigure = makeFigure({
      id: 'github-json-rss', name: 'peak RSS of that run', unit: 'MB', samples: j.rss[2], baselineSamples: j.rss[0],
      baselineName: 'read + JSON.parse in node', target: 300, judged: 'value',
    });
    const yamlFigure = makeFigure({
      id: 'github-yaml-dry-run', name: 'run --dry-run, the same description as YAML', unit: 'ms',
      samples: y.wall[1], baselineSamples: y.wall[0], baselineName: "the yaml package's parse", target: 3,
      cpu: { samples: y.cpu[1], baselineSamples: y.cpu[0] }, extra: { peakRssMb: median(y.rss[1]) },
    });
    return [jsonFigure, rssFigure, yamlFigure];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
