/** Medians, ratios and the results table. Every figure is judged as a ratio to a baseline. */

export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * One row of the table. `target` is the highest acceptable value of `judged` (the ratio unless
 * said otherwise); null means "reported, no target".
 */
export function makeFigure({ id, name, unit, samples, baselineSamples, baselineName, target, judged = 'ratio', cpu, extra = {} }) {
  const value = median(samples);
  const baseline = median(baselineSamples);
  const ratio = value / baseline;
  const judgedValue = judged === 'ratio' ? ratio : value;
  const withinTarget = target === null ? null : judgedValue <= target;
  // CPU time of the same runs (ms): steadier than wall time on a busy machine; reported, not judged.
  const cpuFigures = cpu ? { cpuMedian: median(cpu.samples), cpuBaseline: median(cpu.baselineSamples), cpuRatio: median(cpu.samples) / median(cpu.baselineSamples), cpuSamples: cpu.samples, cpuBaselineSamples: cpu.baselineSamples } : {};
  return { id, name, unit, median: value, baseline, baselineName, ratio, target, judged, withinTarget, ...cpuFigures, samples, baselineSamples, ...extra };
}

const round = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : String(value));

function describeTarget(figure) {
  if (figure.target === null) return 'report only';
  if (figure.judged === 'ratio') return `≤ ${figure.target}×`;
  return `≤ ${figure.target} ${figure.unit}`;
}

export function formatTable(figures) {
  const header = ['figure', 'median', 'baseline', 'ratio', 'cpu-time ratio', 'target', 'within target'];
  const rows = figures.map((f) => [
    f.name,
    `${round(f.median)} ${f.unit}`,
    `${round(f.baseline)} ${f.unit} (${f.baselineName})`,
    `${round(f.ratio, 2)}×`,
    f.cpuRatio === undefined ? '—' : `${round(f.cpuRatio, 2)}×`,
    describeTarget(f),
    f.withinTarget === null ? '—' : f.withinTarget ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
