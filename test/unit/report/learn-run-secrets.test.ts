// Issue 10 item 12: what a run teaches the redactor, before any sink sees the event.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/engine/events.js';
import { loadPlan } from '../../../src/cli/load-plan.js';
import { createSecretLearner } from '../../../src/report/learn-run-secrets.js';
import { createRedactor, MASK } from '../../../src/report/redact.js';
import { document, writeDocument } from '../lint/lint-document.js';

const flow = document(`
  - workflowId: w
    inputs: { type: object, properties: { bearer: { type: string }, cart: { type: string } } }
    steps:
      - stepId: login
        operationId: listPets
        outputs: { jwt: $response.body#/data/jwt, plain: $response.body#/data/plain }
      - stepId: use
        operationId: listPets
        parameters:
          - { name: Authorization, in: header, value: "Bearer {$steps.login.outputs.jwt}" }
          - { name: X-Api-Key, in: header, value: $inputs.bearer }
          - { name: cart, in: cookie, value: $inputs.cart }
`);

const request = { method: 'GET', url: 'http://127.0.0.1/pets', headers: [] as Array<[string, string]> };
const response = (body: unknown): RunEvent => ({
  type: 'response', workflowId: 'w', stepId: 'login', request, response: { status: 200, headers: {}, body, durationMs: 1 },
});

async function learner(inputs: Record<string, unknown> = {}) {
  const { plan } = await loadPlan(writeDocument(flow));
  const redactor = createRedactor();
  return { redactor, learn: createSecretLearner(plan, redactor, inputs) };
}

describe('issue 10 item 12: createSecretLearner', () => {
  it('an output the workflow later sends in Authorization is learned from the response that carries it', async () => {
    const { redactor, learn } = await learner();
    learn(response({ data: { jwt: 'jwt-value-123', plain: 'plain-value-456' } }));
    expect(redactor.text('jwt-value-123 plain-value-456')).toBe(`${MASK} plain-value-456`);
  });

  it('token fields of a JSON body (any depth) or a form-encoded body are learned', async () => {
    const { redactor, learn } = await learner();
    learn(response({ auth: { access_token: 'access-1111', refresh_token: 'refresh-2222', id_token: 'id-3333' }, token: 'token-4444', user: 'ada-lovelace' }));
    learn(response('access_token=form-5555&token_type=bearer'));
    expect(redactor.text('access-1111 refresh-2222 id-3333 token-4444 form-5555 ada-lovelace bearer')).toBe(`${MASK} ${MASK} ${MASK} ${MASK} ${MASK} ada-lovelace bearer`);
  });

  it('an input sent as a credential is secret whatever its name; one sent as a cookie is not', async () => {
    const { redactor } = await learner({ bearer: 'input-key-7777', cart: 'cart-8888' });
    expect(redactor.text('input-key-7777 cart-8888')).toBe(`${MASK} cart-8888`);
  });

  it('step-end outputs fed into a credential are learned too; with masking off nothing is', async () => {
    const { redactor, learn } = await learner();
    learn({ type: 'step-end', workflowId: 'w', stepId: 'login', succeeded: true, execution: 1, outputs: { jwt: 'late-jwt-9999', plain: 'p-0000-x' }, durationMs: 1 });
    expect(redactor.text('late-jwt-9999 p-0000-x')).toBe(`${MASK} p-0000-x`);
    const { plan } = await loadPlan(writeDocument(flow));
    const off = createRedactor([], false);
    createSecretLearner(plan, off)(response({ access_token: 'access-1111' }));
    expect(off.secrets).toEqual([]);
  });
});
