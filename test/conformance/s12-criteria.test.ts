/** Spec §Criterion Object and §Criterion Expression Type Object; checklist section 12. */
import { describe, expect, it } from 'vitest';
import { json, startApi, type Reply } from './support/api-server.js';
import { arazzo, codes, loadDocument, runDocument, stepOf } from './support/run-document.js';

/** One GET /echo step answering `reply`, judged by `criteria` (YAML list items). */
async function judge(reply: Reply, criteria: string, inputs: Record<string, unknown> = {}): Promise<{ passed: boolean; reason?: string }> {
  const api = await startApi({ 'GET /echo': reply });
  const declared = Object.keys(inputs).map((name) => `${name}: { type: string }`).join(', ');
  const { result } = await runDocument(arazzo(`
  - workflowId: w
    inputs: { type: object, properties: { ${declared} } }
    steps:
      - stepId: s
        operationId: echo
        successCriteria:
${criteria}
`), { api, inputs });
  const step = stepOf(result, 's');
  return { passed: step.status === 'succeeded', ...(step.reason ? { reason: step.reason } : {}) };
}

const compileErrors = async (criteria: string): Promise<string[]> => {
  const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: s
        operationId: echo
        successCriteria:
${criteria}
`));
  return codes(loaded.errors);
};

describe('12.3 Criterion context: required for regex, jsonpath and xpath', () => {
  it('a jsonpath criterion without context is an error', async () => {
    expect(await compileErrors(`          - { type: jsonpath, condition: '$.a' }`)).toContain('criterion-missing-context');
  });

  it('a regex criterion without context is an error', async () => {
    expect(await compileErrors(`          - { type: regex, condition: '^2' }`)).toContain('criterion-missing-context');
  });

  it('type: simple without context runs (no error)', async () => {
    expect(await judge(json({}), `          - { type: simple, condition: $statusCode == 200 }`)).toEqual({ passed: true });
  });
});

describe('12.4 Criterion type simple: literals, operators and runtime expressions', () => {
  it('$statusCode == 200 passes on 200 and fails on 201', async () => {
    expect((await judge(json({}), `          - condition: $statusCode == 200`)).passed).toBe(true);
    expect((await judge(json({}, 201), `          - condition: $statusCode == 200`)).passed).toBe(false);
  });
});

describe('12.5 Criterion type regex (decision: ECMAScript, search semantics, stringified context)', () => {
  it('context $statusCode, condition ^2\\d\\d$', async () => {
    expect((await judge(json({}, 204), `          - { context: $statusCode, type: regex, condition: '^2\\d\\d$' }`)).passed).toBe(true);
    expect((await judge(json({}, 404), `          - { context: $statusCode, type: regex, condition: '^2\\d\\d$' }`)).passed).toBe(false);
  });

  it('search (unanchored) semantics on a header; a missing context fails', async () => {
    expect((await judge(json({}, 200, { 'X-Id': 'pet-123-x' }), `          - { context: $response.header.X-Id, type: regex, condition: '\\d+' }`)).passed).toBe(true);
    expect((await judge(json({}), `          - { context: $response.header.X-None, type: regex, condition: '.*' }`)).passed).toBe(false);
  });
});

describe('12.6 Criterion type jsonpath: RFC 9535 on the context; passes iff the nodelist is not empty', () => {
  it('$.pets[*] on {pets:[1]} passes, on {pets:[]} fails', async () => {
    const criterion = `          - { context: $response.body, type: jsonpath, condition: '$.pets[*]' }`;
    expect((await judge(json({ pets: [1] }), criterion)).passed).toBe(true);
    expect((await judge(json({ pets: [] }), criterion)).passed).toBe(false);
  });

  it('filters, functions and descendants (RFC 9535 features)', async () => {
    const body = { store: { pets: [{ name: 'a', age: 3 }, { name: 'b', age: 9 }] } };
    expect((await judge(json(body), `          - { context: $response.body, type: jsonpath, condition: '$..pets[?@.age > 5 && length(@.name) == 1]' }`)).passed).toBe(true);
    expect((await judge(json(body), `          - { context: $response.body, type: jsonpath, condition: '$.store.pets[?@.age > 10]' }`)).passed).toBe(false);
  });

  it('a null context fails the criterion', async () => {
    expect((await judge(json({ data: null }), `          - { context: $response.body#/data, type: jsonpath, condition: '$.x' }`)).passed).toBe(false);
  });
});

describe('12.7 Criterion type jsonpath, root subtlety (decision: strict RFC 9535)', () => {
  it('$[?count(@.pets) > 0] on an object root iterates its children, so it is empty on {"pets":[…]}', async () => {
    expect((await judge(json({ pets: [1, 2] }), `          - { context: $response.body, type: jsonpath, condition: '$[?count(@.pets) > 0]' }`)).passed).toBe(false);
  });

  it('$[?@.access_token != null] passes when access_token is missing (Nothing is not null)', async () => {
    expect((await judge(json({ error: { access_token: 'x' }, other: {} }), `          - { context: $response.body, type: jsonpath, condition: '$[?@.access_token != null]' }`)).passed).toBe(true);
  });
});

describe('12.8 $.x == \'y\' (not JSONPath; project decision): evaluated as a comparison over the context', () => {
  it('$.state == "error" || $.state == "build_failed" branches as its author meant', async () => {
    const criterion = `          - { context: $response.body, type: jsonpath, condition: '$.state == "error" || $.state == "build_failed"' }`;
    expect((await judge(json({ state: 'build_failed' }), criterion)).passed).toBe(true);
    expect((await judge(json({ state: 'active' }), criterion)).passed).toBe(false);
  });

  it('lint reports it with a rewrite to a simple criterion', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: s
        operationId: echo
        successCriteria: [{ context: $response.body, type: jsonpath, condition: "$.access_token != null" }]
`));
    expect(loaded.errors).toEqual([]);
    expect(loaded.warnings.length).toBeGreaterThan(0);
  });
});

describe('12.9 Criterion type xpath (decision): refused as unsupported, never a silent pass', () => {
  it('criterion-xpath-unsupported at compile time', async () => {
    expect(await compileErrors(`          - { context: $response.body, type: xpath, condition: 'count(/root/pets/*) > 0' }`)).toContain('criterion-xpath-unsupported');
  });
});

describe('12.10 Criterion Expression Type Object: type and version; only the 1.0.1 versions', () => {
  it('{type: jsonpath, version: draft-goessner-dispatch-jsonpath-00} runs a Goessner query', async () => {
    expect((await judge(json({ pets: [{ id: 1 }] }), `          - context: $response.body
            type: { type: jsonpath, version: draft-goessner-dispatch-jsonpath-00 }
            condition: $.pets[0].id`)).passed).toBe(true);
  });

  it('{type: jsonpath, version: rfc9535} is not a 1.0.1 version: error', async () => {
    const errors = await compileErrors(`          - context: $response.body
            type: { type: jsonpath, version: rfc9535 }
            condition: $.pets`);
    expect(errors).toContain('criterion-invalid-version');
  });

  it('a type object without version is an error', async () => {
    expect(await compileErrors(`          - { context: $response.body, type: { type: jsonpath }, condition: $.pets }`)).toContain('criterion-invalid-version');
  });
});

describe('12.11 Criteria in one list are ANDed; an evaluation error fails the criterion and says why', () => {
  it('[passing, failing-at-runtime] fails with a reason', async () => {
    const outcome = await judge(json({ n: 'x' }), `          - condition: $statusCode == 200
          - { context: $response.body#/missing, type: regex, condition: '.' }`);
    expect(outcome.passed).toBe(false);
    expect(outcome.reason).toContain('$response.body#/missing');
  });
});

describe('12.12 embedded {$…} in regex and jsonpath conditions are substituted before evaluation', () => {
  it("$[?@.status == '{$inputs.s}']", async () => {
    const criterion = `          - { context: $response.body#/pets, type: jsonpath, condition: "$[?@.status == '{$inputs.s}']" }`;
    expect((await judge(json({ pets: [{ status: 'sold' }] }), criterion, { s: 'sold' })).passed).toBe(true);
    expect((await judge(json({ pets: [{ status: 'sold' }] }), criterion, { s: 'available' })).passed).toBe(false);
  });

  it('regex with an embedded input', async () => {
    const criterion = `          - { context: $response.body#/id, type: regex, condition: '^{$inputs.prefix}-\\d+$' }`;
    expect((await judge(json({ id: 'pet-12' }), criterion, { prefix: 'pet' })).passed).toBe(true);
    expect((await judge(json({ id: 'pet-12' }), criterion, { prefix: 'cat' })).passed).toBe(false);
  });
});
