/**
 * Issue 10 item 1 (spec §Request Body Object, "JSON Templated Example", "XML Templated Example"):
 * a value put into a string-template payload is escaped for the body's media type, so a value
 * from an input or a server response cannot add fields. Through the CLI to a loopback server.
 */
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../support/run-cli-in-process.js';
import { routeRequests, useLoopbackServer } from '../../support/loopback-server.js';
import { parseXml } from '../../support/parse-xml.js';

const FILE = 'test/fixtures/body-templates/workflow.arazzo.yaml';
const INJECTION = 'x", "role": "admin';

const api = useLoopbackServer(routeRequests({ 'POST /todos': { status: 201, body: {} }, 'POST /notes': { status: 201, body: {} }, 'POST /login': { body: {} } }));
const run = (workflow: string, ...inputs: string[]) =>
  runCliInProcess(['run', FILE, '--workflow', workflow, '--server', `api=${api.server.url}/`, ...inputs.flatMap((i) => ['--input', i]), '--json']);

describe('issue 10 item 1: JSON templates', () => {
  it(`the injection ${INJECTION} stays inside the title string: no "role" field is sent`, async () => {
    const result = await run('json', `title=${INJECTION}`, 'qty=2', 'tags=["a","b"]');

    expect(result.code, result.stderr).toBe(0);
    const sent = JSON.parse(api.server.requests[0]!.bodyText) as Record<string, unknown>;
    expect(Object.keys(sent)).toEqual(['title', 'qty', 'tags', 'note']);
    expect(sent).toEqual({ title: INJECTION, qty: 2, tags: ['a', 'b'], note: `by ${INJECTION}` });
    expect(JSON.parse(result.stdout)).toMatchObject({ steps: [{ outputs: { sentTitle: INJECTION } }] });
  });

  it('quotes, backslashes, newlines and unicode round-trip', async () => {
    const title = 'He said "hi"\\ \n\t€ 😀';
    const result = await run('json', `title=${title}`, 'qty=1', 'tags=[]');

    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(api.server.requests[0]!.bodyText)).toMatchObject({ title });
  });
});

describe('issue 10 item 1: XML and form templates', () => {
  it('XML: the value is escaped in an attribute and in text; no element is added', async () => {
    const title = `"/><admin x="1"/><b>&amp;'<`;
    const result = await run('xml', `title=${title}`);

    expect(result.code, result.stderr).toBe(0);
    const note = parseXml(api.server.requests[0]!.bodyText);
    expect(note).toEqual({ name: 'note', attributes: { title }, children: [{ name: 'body', attributes: {}, children: [title] }] });
  });

  it('form: & and = in a value stay data; no field is added', async () => {
    const user = 'ada&role=admin';
    const result = await run('form', `user=${user}`);

    expect(result.code, result.stderr).toBe(0);
    const form = new URLSearchParams(api.server.requests[0]!.bodyText);
    expect([...form.entries()]).toEqual([['user', user], ['role', 'viewer']]);
  });
});
