import { describe, expect, it } from 'vitest';
import { formatPrettyLog } from '../../../src/report/format-pretty-log.js';
import { createRedactor } from '../../../src/report/redact.js';
import { createRunLogger } from '../../../src/report/run-logger.js';
import { plainStyle } from '../../../src/report/style-text.js';
import { failedOnCriterion } from './run-result-fixtures.js';
import { pollEvents } from './run-events.js';

async function logRun(level: 'debug' | 'info' | 'warn', format: 'json' | 'pretty'): Promise<string[]> {
  const lines: string[] = [];
  const logger = await createRunLogger({ level, format, write: (t) => lines.push(...t.split('\n').filter(Boolean)), redactor: createRedactor(['tok-secret-1']), style: plainStyle });
  pollEvents().forEach(logger.onEvent);
  logger.finish(failedOnCriterion);
  return lines;
}

describe('issue 5 logs: --log-format json gives one pino record per line', () => {
  it('at debug: requests and responses with headers and bodies, every value masked', async () => {
    const records = (await logRun('debug', 'json')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.every((r) => typeof r.level === 'string' && typeof r.time === 'string' && typeof r.msg === 'string')).toBe(true);
    const request = records.find((r) => r.event === 'request')!;
    expect(request).toMatchObject({ level: 'debug', method: 'GET', headers: { Authorization: '***' } });
    expect(request.url).toBe('http://api.test/s/1?token=***');
    expect(records.find((r) => r.event === 'response')).toMatchObject({ status: 200, body: '{"state":"building","token":"***"}' });
    expect(records.at(-1)).toMatchObject({ event: 'run-end', level: 'error', status: 'failed', error: { code: 'step-failed' } });
    expect(JSON.stringify(records)).not.toContain('tok-secret-1');
  });

  it('--log-level filters: info leaves out requests, warn keeps only failures', async () => {
    const info = (await logRun('info', 'json')).map((l) => JSON.parse(l) as { event: string; level: string });
    expect(info.some((r) => r.event === 'request')).toBe(false);
    expect(info.filter((r) => r.event === 'step-end')).toHaveLength(5);
    const warn = (await logRun('warn', 'json')).map((l) => JSON.parse(l) as { level: string });
    expect(warn.every((r) => r.level === 'warn' || r.level === 'error')).toBe(true);
  });
});

describe('issue 5 logs: --log-format pretty is our own formatter', () => {
  it('prints time, level, message and fields on one line', async () => {
    const lines = await logRun('info', 'pretty');
    expect(lines.every((l) => !l.startsWith('{'))).toBe(true);
    expect(lines.find((l) => l.includes('step pollBuild succeeded'))).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO  step pollBuild succeeded \(200\) .*stepId=pollBuild/);
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(formatPrettyLog('plain text', plainStyle)).toBe('plain text');
  });
});
