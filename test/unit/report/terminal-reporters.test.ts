import { describe, expect, it } from 'vitest';
import { createHumanReporter } from '../../../src/report/human-run-reporter.js';
import { createLiveProgressReporter, formatWait } from '../../../src/report/live-progress-reporter.js';
import { createRedactor } from '../../../src/report/redact.js';
import { colorStyle, plainStyle } from '../../../src/report/style-text.js';
import { failedOnCriterion } from './run-result-fixtures.js';
import { pollEvents } from './run-events.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

function capture(): { write(text: string): void; text(): string } {
  const chunks: string[] = [];
  return { write: (t) => chunks.push(t), text: () => chunks.join('') };
}

describe('issue 5 progress: plain lines when not on a TTY', () => {
  it('one line per step execution, no ANSI codes, no carriage returns', () => {
    const out = capture();
    const reporter = createHumanReporter({ write: out.write, style: plainStyle, redactor: createRedactor(), verbose: false });
    pollEvents().forEach(reporter.onEvent);
    reporter.finish(failedOnCriterion);
    const text = out.text();
    expect(text).not.toMatch(ANSI);
    expect(text).not.toContain('\r');
    expect(text.split('\n').filter((l) => /pollBuild/.test(l) && /✓/.test(l))).toHaveLength(3);
    expect(text).toContain('✗ activate 409');
  });

  it('--verbose shows method, URL, status, headers and body, masked', () => {
    const out = capture();
    const reporter = createHumanReporter({ write: out.write, style: plainStyle, redactor: createRedactor(), verbose: true });
    pollEvents().forEach(reporter.onEvent);
    const text = out.text();
    expect(text).toContain('→ GET http://api.test/s/1?token=***');
    expect(text).toContain('Authorization: ***');
    expect(text).toContain('← 200 in 5 ms');
    expect(text).toContain('{"state":"building","token":"***"}');
    expect(text).not.toContain('tok-secret-1');
  });
});

describe('issue 5 progress: a live line per step on a TTY', () => {
  const run = (columns?: number): string => {
    const out = capture();
    let clock = 0;
    const reporter = createLiveProgressReporter({ write: out.write, style: colorStyle, redactor: createRedactor(), verbose: false, now: () => (clock += 1000), tickMs: 3_600_000, columns: () => columns });
    pollEvents().forEach(reporter.onEvent);
    reporter.finish(failedOnCriterion);
    reporter.dispose();
    return out.text();
  };

  it('redraws the step in place with poll count, last state and elapsed time', () => {
    const text = run();
    expect(text).toContain('\r\u001b[2K');
    expect(text).toMatch(/pollBuild.*building.*poll 2.*\d:\d\d/);
    expect(text).toMatch(/pollBuild.*poll 3/);
  });

  it('replaces the live line with one summary line per step visit', () => {
    const lines = run().split('\n').map((l) => l.slice(l.lastIndexOf('\r') + 1));
    const pollSummary = lines.filter((l) => l.includes('pollBuild') && l.includes('polls'));
    expect(pollSummary).toHaveLength(1);
    expect(pollSummary[0]).toContain('3 polls');
    expect(pollSummary[0]).toContain('active');
    expect(lines.some((l) => l.includes('activate') && l.includes('409'))).toBe(true);
    expect(lines.some((l) => l.includes('goto activate (ready)'))).toBe(true);
    expect(lines.some((l) => l.includes('goto pollBuild'))).toBe(false);
  });

  it('never writes a live line wider than the terminal', () => {
    // eslint-disable-next-line no-control-regex
    const visible = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');
    // Live frames are the redraws that end without a newline; summary lines may wrap like any line.
    const frames = run(20).split(/\r\u001b\[2K/).filter((f) => f !== '' && !f.includes('\n')).map(visible);
    expect(frames.length).toBeGreaterThan(3);
    expect(frames.every((f) => f.length < 20)).toBe(true);
  });
});

describe('issue 5 live progress: the wait before the next poll', () => {
  it('shows tenths of a second below one second and whole seconds above', () => {
    expect(formatWait(200)).toBe('0.2s');
    expect(formatWait(30)).toBe('0.1s');
    expect(formatWait(1000)).toBe('1s');
    expect(formatWait(2100)).toBe('3s');
  });
});
