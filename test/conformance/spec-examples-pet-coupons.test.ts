/**
 * Spec example pet-coupons.arazzo.yaml (Arazzo 1.0.0) against a loopback server made from
 * pet-coupons.openapi.yaml: sub-workflows with in-less parameters, $outputs of the child, $ref
 * inputs, Reusable parameters with a value override. Its known defects are reported by code.
 */
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { codes, loadFile, runLoaded, stepOf } from './support/run-document.js';
import { correctedExample, loadExample } from './support/spec-examples.js';

const NAME = 'pet-coupons.arazzo.yaml';

async function petstore() {
  return startApi({
    'GET /pet/findByTags': json([{ id: 10, name: 'Rex' }]),
    'GET /pet/findByStatus': json([{ id: 11, name: 'Ada' }]),
    'GET /pet/{petId}/coupons': (e) => json({ couponCode: `COUPON-${e.params.petId}` }),
    'POST /store/order': (e) => json({ id: 900 + (JSON.parse(e.body) as { petId: number }).petId }),
  });
}

describe('spec example pet-coupons: loads with its defects reported as warnings', () => {
  it('pet_tags / pet_id are not parameters of their operations; $statusCode is read in workflowId steps', async () => {
    const loaded = await loadExample(NAME);
    expect(loaded.errors).toEqual([]);
    expect(codes(loaded.warnings)).toEqual(expect.arrayContaining(['parameter-not-declared', 'parameter-required-missing', 'workflow-step-http-expression']));
    const schema = loaded.plan.documents.get(loaded.plan.rootKey)?.workflows.get('apply-coupon')?.inputsSchema;
    expect(schema).toMatchObject({ properties: { store_id: { type: 'string' }, my_pet_tags: { type: 'array' } } });
  });
});

describe('spec example pet-coupons: workflow place-order', () => {
  it('posts the object payload with its expressions typed, and outputs the order id', async () => {
    const api = await petstore();
    const { result } = await runLoaded(await loadExample(NAME), { api, workflowId: 'place-order', inputs: { pet_id: 7, quantity: 2, coupon_code: 'SPRING' } });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { workflow_order_id: 907 } });
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ petId: 7, quantity: 2, couponCode: 'SPRING', status: 'placed', complete: false });
    expect(api.requests[0]?.headers['content-type']).toBe('application/json');
  });
});

describe('spec example pet-coupons: workflow buy-available-pet', () => {
  it('reusable page/pageSize with value overrides; the child runs; the step then fails on its $statusCode criterion (defect)', async () => {
    const api = await petstore();
    const { result } = await runLoaded(await loadExample(NAME), { api, workflowId: 'buy-available-pet' });
    expect(api.requests.map((r) => r.target)).toEqual(['/pet/findByStatus?status=available&page=1&pageSize=10', '/store/order']);
    expect(JSON.parse(api.requests[1]!.body)).toEqual({ petId: 11, status: 'placed', complete: false });
    expect(stepOf(result, 'place-order', 'place-order').status).toBe('succeeded');
    expect(result).toMatchObject({ status: 'failed', error: { code: 'step-failed', workflowId: 'buy-available-pet', stepId: 'place-order' } });
    expect(stepOf(result, 'place-order', 'buy-available-pet').reason).toContain('$statusCode');
  });
});

describe('spec example pet-coupons: workflow apply-coupon', () => {
  it('as written: find-coupons gives pet_id but the path needs petId, so the step fails before sending (defect)', async () => {
    const api = await petstore();
    const { result } = await runLoaded(await loadExample(NAME), { api, workflowId: 'apply-coupon', inputs: { my_pet_tags: ['puppy', 'dalmatian'] } });
    expect(api.requests.map((r) => r.target)).toEqual(['/pet/findByTags?pet_tags=puppy&pet_tags=dalmatian']);
    expect(result).toMatchObject({ status: 'failed', error: { code: 'step-failed', stepId: 'find-coupons' } });
    expect(stepOf(result, 'find-coupons').reason).toContain('"petId"');
  });

  it('corrected (tags, petId, a criterion on the child\'s output): runs end to end', async () => {
    const file = correctedExample(NAME, [
      { defect: 'pet_tags is not a parameter of findPetsByTags', from: '- name: pet_tags', to: '- name: tags' },
      { defect: 'getPetCoupons names its path parameter petId', from: '- name: pet_id\n            in: path', to: '- name: petId\n            in: path' },
      {
        defect: '$statusCode has no value in a workflowId step',
        from: 'value: $steps.find-coupons.outputs.my_coupon_code\n        successCriteria:\n          - condition: $statusCode == 200',
        to: 'value: $steps.find-coupons.outputs.my_coupon_code\n        successCriteria:\n          - condition: $outputs.workflow_order_id != null',
      },
    ], ['pet-coupons.openapi.yaml']);
    const loaded = await loadFile(file);
    expect(codes(loaded.warnings)).not.toContain('parameter-required-missing');
    const api = await petstore();
    const { result } = await runLoaded(loaded, { api, workflowId: 'apply-coupon', inputs: { my_pet_tags: ['puppy'] } });
    expect(api.requests.map((r) => r.target)).toEqual(['/pet/findByTags?tags=puppy', '/pet/10/coupons', '/store/order']);
    expect(JSON.parse(api.requests[2]!.body)).toEqual({ petId: 10, couponCode: 'COUPON-10', status: 'placed', complete: false });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { apply_coupon_pet_order_id: 910 } });
  });
});
