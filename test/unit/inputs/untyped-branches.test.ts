// Issue 10 item 2: inputs whose schema has no top-level `type` (oneOf/anyOf/allOf/$ref) are typed
// by trying the readings — JSON first where a branch wants an object, array, number, boolean or
// null — and keeping the one that validates; when both validate the JSON reading wins and a
// warning says so. The Arazzo 1.0.0 spec example bnpl-arazzo.yaml (§Examples) has this shape.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gatherInputs, type InputSources } from '../../../src/inputs/gather-inputs.js';

const sources = (pairs: string[]): InputSources => ({ files: [], pairs, env: {}, cwd: '/' });
const targetOf = (schema: unknown) => ({ workflowId: 'w', schema, file: '/flows/w.yml', pointer: '/workflows/0' });

const bnpl = parse(readFileSync(path.resolve(__dirname, '../../../../shared/reference/arazzo/examples/1.0.0/bnpl-arazzo.yaml'), 'utf8')) as { workflows: Array<{ inputs: unknown }> };

describe('issue 10 item 2: inputs without a top-level type', () => {
  it('the spec\'s bnpl example: customer (oneOf two objects) and products given as JSON text validate', async () => {
    const customer = { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10T00:00:00Z', postalCode: 'N1' };
    const products = [{ productCode: 'p1', purchaseAmount: { currency: 'EUR', amount: 120 } }];
    const result = await gatherInputs(targetOf(bnpl.workflows[0]!.inputs), sources([`customer=${JSON.stringify(customer)}`, `products=${JSON.stringify(products)}`]));
    expect(result.ok ? result.inputs : result.diagnostics).toEqual({ customer, products });
    const byUri = await gatherInputs(targetOf(bnpl.workflows[0]!.inputs), sources(['customer={"uri":"https://bnpl.test/customers/c1"}', `products=${JSON.stringify(products)}`]));
    expect(byUri.ok && byUri.inputs.customer).toEqual({ uri: 'https://bnpl.test/customers/c1' });
  });

  const assignee = { type: 'object', properties: { assignee: { oneOf: [{ type: 'string' }, { type: 'object', required: ['name'], properties: { name: { type: 'string' } } }] } } };

  it('oneOf string | object: JSON text is the object, with a warning naming the reading that won', async () => {
    const result = await gatherInputs(targetOf(assignee), sources(['assignee={"name":"Ada"}']));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.inputs.assignee).toEqual({ name: 'Ada' });
    const warning = result.warnings.find((w) => w.code === 'input-reading');
    expect(warning?.message).toBe('Input "assignee" is valid both as JSON (an object) and as text; the JSON reading is used');
  });

  it('oneOf string | object: text that is not JSON stays text, with no warning', async () => {
    const result = await gatherInputs(targetOf(assignee), sources(['assignee=Ada Lovelace']));
    expect(result.ok && result.inputs.assignee).toBe('Ada Lovelace');
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('JSON that no branch accepts falls back to the text reading when that validates', async () => {
    const result = await gatherInputs(targetOf(assignee), sources(['assignee={"nickname":"Ada"}']));
    expect(result.ok && result.inputs.assignee).toBe('{"nickname":"Ada"}');
    expect(result.ok && result.warnings.some((w) => w.code === 'input-reading')).toBe(false);
  });

  it('anyOf integer | string, allOf and $ref to $defs: numbers and objects read as JSON', async () => {
    const schema = {
      type: 'object',
      $defs: { point: { type: 'object', required: ['x'], properties: { x: { type: 'number' } } } },
      properties: {
        size: { anyOf: [{ type: 'integer' }, { enum: ['auto'] }] },
        at: { $ref: '#/$defs/point' },
        both: { allOf: [{ $ref: '#/$defs/point' }, { required: ['x'] }] },
      },
    };
    const result = await gatherInputs(targetOf(schema), sources(['size=3', 'at={"x":1.5}', 'both={"x":2}']));
    expect(result.ok ? result.inputs : result.diagnostics).toEqual({ size: 3, at: { x: 1.5 }, both: { x: 2 } });
    const auto = await gatherInputs(targetOf(schema), sources(['size=auto']));
    expect(auto.ok && auto.inputs.size).toBe('auto');
  });

  it('neither reading validates: exit-2 problems name the input (the JSON reading is judged)', async () => {
    const schema = { type: 'object', properties: { n: { oneOf: [{ type: 'integer', minimum: 10 }, { type: 'boolean' }] } } };
    const result = await gatherInputs(targetOf(schema), sources(['n=3']));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics.some((d) => d.message.includes('"n"'))).toBe(true);
  });

  it('an input with no schema at all keeps its text, JSON-looking or not (unchanged)', async () => {
    const result = await gatherInputs(targetOf({ type: 'object', properties: { free: {} } }), sources(['free={"a":1}']));
    expect(result.ok && result.inputs.free).toBe('{"a":1}');
  });
});
