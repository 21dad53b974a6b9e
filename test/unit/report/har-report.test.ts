import { describe, expect, it } from 'vitest';
import { buildHar } from '../../../src/report/har-report.js';
import { createRedactor, MASK } from '../../../src/report/redact.js';
import type { Exchange } from '../../../src/report/run-journal.js';

const SECRET = 's3cr3t value/+';

const exchanges: Exchange[] = [
  {
    workflowId: 'w',
    stepId: 'login',
    sentAt: Date.UTC(2026, 0, 1),
    request: {
      method: 'POST',
      url: `http://api.test/login?key=${encodeURIComponent(SECRET)}&page=2`,
      headers: [['Authorization', 'Bearer other-token-1'], ['Content-Type', 'application/x-www-form-urlencoded']],
      body: `user=me&password=${encodeURIComponent(SECRET).replace(/%20/g, '+')}`,
    },
    response: { status: 200, headers: { 'content-type': 'application/json', 'set-cookie': 'sid=abcdef123\ntheme=dark' }, body: {}, bodyText: `{"echo":"${SECRET}","also":"other-token-1"}`, durationMs: 12 },
  },
  {
    workflowId: 'w',
    stepId: 'fetch',
    sentAt: Date.UTC(2026, 0, 1, 0, 0, 1),
    request: { method: 'GET', url: 'http://api.test/items', headers: [] },
    failure: { reason: 'connection', message: 'connection refused by api.test:80', durationMs: 3 },
  },
];

interface HarEntry {
  startedDateTime: string;
  time: number;
  _stepId: string;
  _error?: string;
  _failureReason?: string;
  request: { headers: Array<{ name: string; value: string }>; queryString: unknown; postData: { text: string } };
  response: { status: number; headers: Array<{ name: string }> };
}

describe('issue 5 reports: --har holds every exchange, masked', () => {
  const har = buildHar(exchanges, createRedactor([SECRET]), '1.2.3', []) as { log: { version: string; creator: unknown; entries: HarEntry[] } };

  it('is HAR 1.2 with one entry per exchange, in order', () => {
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'arazzo', version: '1.2.3' });
    expect(har.log.entries.map((e) => e._stepId)).toEqual(['login', 'fetch']);
    expect(har.log.entries[0]!.startedDateTime).toBe('2026-01-01T00:00:00.000Z');
    expect(har.log.entries[0]!.time).toBe(12);
  });

  it('masks credential headers, the secret in the URL, the query string, the form body and the response body', () => {
    const text = JSON.stringify(har);
    expect(text).not.toContain('other-token-1');
    expect(text).not.toContain(encodeURIComponent(SECRET));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('abcdef123');
    const [login] = har.log.entries;
    expect(login!.request.headers[0]).toEqual({ name: 'Authorization', value: MASK });
    expect(login!.request.queryString).toEqual([{ name: 'key', value: MASK }, { name: 'page', value: '2' }]);
    expect(login!.request.postData.text).toBe(`user=me&password=${MASK}`);
    expect(login!.response.headers.filter((h) => h.name === 'set-cookie')).toHaveLength(2);
  });

  it('a transport failure is an entry with status 0 and the reason', () => {
    const failed = har.log.entries[1]!;
    expect(failed.response.status).toBe(0);
    expect(failed._failureReason).toBe('connection');
    expect(failed._error).toContain('refused');
  });
});

describe('issue 14 reports: AsyncAPI messages in HAR (log._messages, HAR has no entry for them), masked', () => {
  it('each message sent or received with its step, address, headers and payload; a secret in a header or the payload is masked', () => {
    const har = buildHar([], createRedactor([SECRET]), '1.2.3', [
      { workflowId: 'w', stepId: 'pay', at: 0, message: { action: 'send', protocol: 'mqtt', address: 'payments/eu', headers: { token: SECRET }, payload: { card: SECRET, amount: 42 } } },
    ]) as { log: { entries: unknown[]; _messages: unknown[] } };
    expect(har.log.entries).toEqual([]);
    expect(har.log._messages).toEqual([{
      startedDateTime: new Date(0).toISOString(),
      action: 'send',
      protocol: 'mqtt',
      address: 'payments/eu',
      headers: [{ name: 'token', value: '***' }],
      payload: { card: '***', amount: 42 },
      _workflowId: 'w',
      _stepId: 'pay',
    }]);
    expect(JSON.stringify(har)).not.toContain(SECRET);
  });

  it('a number in the payload that reads like a secret stays a number (the payload is masked as a value, not as JSON text)', () => {
    const har = buildHar([], createRedactor([SECRET, '123456']), '1', [
      { workflowId: 'w', stepId: 'pay', at: 0, message: { action: 'send', protocol: 'mqtt', address: 'a', headers: {}, payload: { pin: 123456, note: `card ${SECRET}` } } },
    ]) as { log: { _messages: Array<{ payload: unknown }> } };
    expect(har.log._messages[0]?.payload).toEqual({ pin: 123456, note: 'card ***' });
  });

  it('no messages: no _messages member', () => {
    expect(buildHar([], createRedactor([]), '1', [])).toEqual({ log: { version: '1.2', creator: { name: 'arazzo', version: '1' }, pages: [], entries: [] } });
  });
});
