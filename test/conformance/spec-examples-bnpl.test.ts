/**
 * Spec example bnpl-arazzo.yaml against a loopback BNPL platform made from bnpl-openapi.yaml. Its
 * source URL (raw.githubusercontent.com) is mapped to the local copy. The example has several
 * defects; each test fixes some of them to show how the next one is reported.
 */
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { codes, loadFile, runLoaded, stepOf } from './support/run-document.js';
import { correctedExample, example, loadExample, type Correction } from './support/spec-examples.js';

const NAME = 'bnpl-arazzo.yaml';
const REMOTE = 'https://raw.githubusercontent.com/OAI/Arazzo-Specification/main/examples/1.0.0/bnpl-openapi.yaml';
const sourceLocations = (local: string) => ({ sourceLocations: { [REMOTE]: local } });

const ERRORS: Correction[] = [
  {
    defect: 'the step reads its own output, and getAuthorization takes AuthorizationToken',
    from: '- name: redirectAuthToken\n        in: query\n        value: $steps.authenticateCustomerAndAuthorizeLoan.outputs.redirectAuthToken',
    to: '- name: AuthorizationToken\n        in: query\n        value: $steps.initiateBnplTransaction.outputs.redirectAuthToken',
  },
  {
    defect: 'loanTransactionId is read but never output',
    from: '      loanTransactionResourceUrl: $response.body#/links/self',
    to: '      loanTransactionResourceUrl: $response.body#/links/self\n      loanTransactionId: $response.body#/loanTransactionId',
  },
  {
    defect: 'the workflow output lacks .outputs.',
    from: '$steps.retrieveFinalizedPaymentPlan.finalizedPaymentPlan',
    to: '$steps.retrieveFinalizedPaymentPlan.outputs.finalizedPaymentPlan',
  },
];
const QUOTES: Correction[] = [
  { defect: 'an object inside a JSON string', from: '"customer": "{$inputs.customer}"', to: '"customer": {$inputs.customer}' },
  { defect: 'an array inside a JSON string', from: '"products": "{$inputs.products}"', to: '"products": {$inputs.products}' },
  {
    defect: 'an array inside a JSON string',
    from: '"products": "{$steps.checkLoanCanBeProvided.outputs.eligibleProducts}"',
    to: '"products": {$steps.checkLoanCanBeProvided.outputs.eligibleProducts}',
  },
];
const JSONPATH: Correction[] = [
  { defect: 'a root filter tests the children of the body', from: 'condition: $[?count(@.products) > 0]', to: 'condition: $.products[0]' },
  {
    defect: 'a root filter tests the children of the body',
    from: '          - context: $response.body\n            type: jsonpath\n            condition: $[?count(@.products) == 0]',
    to: '          - condition: $response.body#/products/0 == null',
  },
];

const customer = { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10T00:00:00Z', postalCode: 'N1' };
const products = [{ productCode: 'p1', purchaseAmount: { currency: 'EUR', amount: 120 } }];

async function bnplPlatform() {
  return startApi({
    'POST /bnpl/v1/products': json({ existingCustomerNotEligible: true, eligibilityCheckRequired: true, products: [{ productCode: 'p1' }], totalAmount: 120 }),
    'GET /bnpl/v1/terms-and-conditions': json(['be nice']),
    'POST /bnpl/v1/customers': json({ links: { self: 'https://bnpl.test/customers/c1' } }, 201),
    'POST /bnpl/v1/loan-transactions': json({ loanTransactionId: 'L1', redirectAuthToken: 'tok-1', links: { self: 'https://bnpl.test/loans/L1' } }, 202),
    'GET /bnpl/v1/auth': { status: 302, headers: { location: 'https://bnpl.test/authorised' } },
    'GET /bnpl/v1/loan-transactions/{loanTransactionId}': json({ plan: [60, 60] }),
    'PATCH /bnpl/v1/loan-transactions/{loanTransactionId}/status': { status: 204 },
  });
}

async function runCorrected(corrections: Correction[]) {
  const file = correctedExample(NAME, corrections, ['bnpl-openapi.yaml']);
  const loaded = await loadFile(file, sourceLocations(file.replace(NAME, 'bnpl-openapi.yaml')));
  expect(loaded.errors).toEqual([]);
  const api = await bnplPlatform();
  const run = await runLoaded(loaded, { api, inputs: { customer, products } });
  return { ...run, api };
}

describe('spec example bnpl: as written', () => {
  it('its broken references are errors, so run refuses it; quoted objects, root filters and 1.0.0\'s $steps.x.name are warnings', async () => {
    const loaded = await loadExample(NAME, sourceLocations(example('bnpl-openapi.yaml')));
    expect(codes(loaded.errors).sort()).toEqual(['step-output-undeclared', 'step-output-undeclared', 'step-output-undeclared']);
    expect(codes(loaded.warnings)).toEqual(expect.arrayContaining(['expression-steps-missing-outputs', 'template-object-in-quotes', 'criterion-jsonpath-root-filter']));
  });
});

describe('spec example bnpl: its defects at run time, one at a time', () => {
  it('with the references fixed: "{$inputs.customer}" in quotes makes broken JSON, so the first step fails before sending', async () => {
    const { result, api } = await runCorrected(ERRORS);
    expect(api.requests).toHaveLength(0);
    expect(result).toMatchObject({ status: 'failed', error: { code: 'step-failed', stepId: 'checkLoanCanBeProvided' } });
    expect(stepOf(result, 'checkLoanCanBeProvided').reason).toMatch(/JSON/);
  });

  it('with the quotes fixed too: strict RFC 9535 makes $[?count(@.products) == 0] match, so the flow ends at once', async () => {
    const { result, api } = await runCorrected([...ERRORS, ...QUOTES]);
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ customer, products });
    expect(result).toMatchObject({ status: 'succeeded', endedBy: { stepId: 'checkLoanCanBeProvided', action: 'qualifyingProductsNotFound' } });
    expect(api.requests).toHaveLength(1);
  });
});

describe('spec example bnpl: corrected, end to end', () => {
  it('goto/end branches with criteria, 201/202/302/204 successes, $inputs.customer#/… pointers, $response.header.Location', async () => {
    const { result, api, events } = await runCorrected([...ERRORS, ...QUOTES, ...JSONPATH]);
    expect(api.requests.map((r) => `${r.method} ${r.target}`)).toEqual([
      'POST /bnpl/v1/products',
      'GET /bnpl/v1/terms-and-conditions',
      'POST /bnpl/v1/customers',
      'POST /bnpl/v1/loan-transactions',
      'GET /bnpl/v1/auth?AuthorizationToken=tok-1',
      'GET /bnpl/v1/loan-transactions/L1',
      'PATCH /bnpl/v1/loan-transactions/L1/status',
    ]);
    expect(events.flatMap((e) => (e.type === 'action' ? [e.name] : []))).toEqual(['qualifyingProductsFound', 'eligibilityCheckRequired', 'customerIsEligible', 'CustomerAuthorizationRequired']);
    expect(JSON.parse(api.requests[2]!.body)).toEqual({ ...customer, termsAndConditionsAccepted: true });
    expect(JSON.parse(api.requests[3]!.body)).toEqual({ enrolledCustomer: '', newCustomer: 'https://bnpl.test/customers/c1', products: [{ productCode: 'p1' }] });
    expect(JSON.parse(api.requests[6]!.body)).toEqual({ loanStatus: 'Completed' });
    expect(stepOf(result, 'authenticateCustomerAndAuthorizeLoan').outputs).toEqual({ redirectUrl: 'https://bnpl.test/authorised' });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { finalizedPaymentPlan: { plan: [60, 60] } } });
  });
});
