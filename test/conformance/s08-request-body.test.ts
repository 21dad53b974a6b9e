/** Spec §Request Body Object and §Payload Replacement Object; checklist section 8. */
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, codes, loadDocument, runDocument, stepOf } from './support/run-document.js';

const inputs = { pet_id: 7, coupon_code: 'SAVE', quantity: 2, petOrderRequest: { petId: 7, quantity: 2 } };
const orderStep = (body: string, operationId = 'placeOrder'): string => arazzo(`
  - workflowId: w
    inputs:
      type: object
      properties:
        pet_id: { type: integer }
        coupon_code: { type: string }
        quantity: { type: integer }
        petOrderRequest: { type: object }
        clientId: { type: string }
        grantType: { type: string }
        redirectUri: { type: string }
        clientSecret: { type: string }
        scope: { type: string }
    steps:
      - stepId: order
        operationId: ${operationId}
        requestBody:
${body}
        outputs: { sent: $request.body, petId: $request.body#/petOrder/petId }
    outputs: { sent: $steps.order.outputs.sent }
`);

describe('8.1 Request Body contentType: omitted → the operation\'s media type', () => {
  it('a JSON-only operation gets application/json', async () => {
    const api = await startApi({ 'POST /pets': json({}, 201) });
    await runDocument(orderStep(`          payload: { name: Rex }`, 'createPet'), { api });
    expect(api.requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ name: 'Rex' });
  });

  it('an operation with JSON and XML picks JSON; a form-only operation gets the form type', async () => {
    const api = await startApi({ 'POST /orders': json({}), 'POST /login': json({}) });
    await runDocument(orderStep(`          payload: { a: 1 }`), { api });
    await runDocument(orderStep(`          payload: { user: u, pass: 'p w' }`, 'login'), { api });
    expect(api.requests[0]?.headers['content-type']).toBe('application/json');
    expect(api.requests[1]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(api.requests[1]?.body).toBe('user=u&pass=p+w');
  });

  it('several non-JSON media types and no contentType: the step fails with a clear reason, nothing sent', async () => {
    const api = await startApi({ 'POST /any': json({}) });
    const { result } = await runDocument(orderStep(`          payload: 'a,b'`, 'postAnything'), { api });
    expect(result.status).toBe('failed');
    expect(stepOf(result, 'order').reason).toContain('contentType');
    expect(api.requests).toHaveLength(0);
  });
});

describe('8.2 Request Body payload: literal, object with expressions, whole expression, string template', () => {
  it('JSON Templated Example (string with embedded expressions)', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    const { result } = await runDocument(orderStep(`          contentType: application/json
          payload: |
            {
              "petOrder": {
                "petId": "{$inputs.pet_id}",
                "couponCode": "{$inputs.coupon_code}",
                "quantity": "{$inputs.quantity}",
                "status": "placed",
                "complete": false
              }
            }`), { api, inputs });
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ petOrder: { petId: '7', couponCode: 'SAVE', quantity: '2', status: 'placed', complete: false } });
    expect(stepOf(result, 'order').outputs.petId).toBe('7');
  });

  it('JSON Object Example (expressions keep their types)', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    await runDocument(orderStep(`          contentType: application/json
          payload:
            petOrder:
              petId: $inputs.pet_id
              couponCode: $inputs.coupon_code
              quantity: $inputs.quantity
              status: placed
              complete: false`), { api, inputs });
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ petOrder: { petId: 7, couponCode: 'SAVE', quantity: 2, status: 'placed', complete: false } });
  });

  it('Complete Runtime Expression (payload: $inputs.petOrderRequest)', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    await runDocument(orderStep(`          contentType: application/json
          payload: $inputs.petOrderRequest`), { api, inputs });
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ petId: 7, quantity: 2 });
  });

  it('XML Templated Example: sent as given, expressions substituted', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    await runDocument(orderStep(`          contentType: application/xml
          payload: |
            <petOrder>
              <petId>{$inputs.pet_id}</petId>
              <couponCode>{$inputs.coupon_code}</couponCode>
            </petOrder>`), { api, inputs });
    expect(api.requests[0]?.headers['content-type']).toBe('application/xml');
    expect(api.requests[0]?.body).toBe('<petOrder>\n  <petId>7</petId>\n  <couponCode>SAVE</couponCode>\n</petOrder>\n');
  });
});

describe('8.3 Request Body encoding by media type', () => {
  const form = { clientId: 'app 1', grantType: 'authorization_code', redirectUri: 'https://x.test/cb?a=1', clientSecret: 's&cret', scope: 'read write' };

  it('Form Data Example: an object becomes urlencoded pairs', async () => {
    const api = await startApi({ 'POST /login': json({}) });
    await runDocument(orderStep(`          contentType: application/x-www-form-urlencoded
          payload:
            client_id: $inputs.clientId
            grant_type: $inputs.grantType
            redirect_uri: $inputs.redirectUri
            client_secret: $inputs.clientSecret
            scope: $inputs.scope`, 'login'), { api, inputs: form });
    expect(api.requests[0]?.body).toBe('client_id=app+1&grant_type=authorization_code&redirect_uri=https%3A%2F%2Fx.test%2Fcb%3Fa%3D1&client_secret=s%26cret&scope=read+write');
  });

  it('Form Data String Example (corrected): a string is sent as is', async () => {
    const api = await startApi({ 'POST /login': json({}) });
    await runDocument(orderStep(`          contentType: application/x-www-form-urlencoded
          payload: "client_id={$inputs.grantType}&scope=x"`, 'login'), { api, inputs: form });
    expect(api.requests[0]?.body).toBe('client_id=authorization_code&scope=x');
  });

  it('multipart/form-data: one part per field, with a boundary', async () => {
    const api = await startApi({ 'POST /uploads': json({}) });
    await runDocument(orderStep(`          contentType: multipart/form-data
          payload: { name: report, note: $inputs.scope }`, 'upload'), { api, inputs: form });
    const type = api.requests[0]?.headers['content-type'] ?? '';
    const boundary = /boundary=(.+)$/.exec(type)?.[1];
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const body = api.requests[0]!.body;
    expect(body).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nreport\r\n`);
    expect(body).toContain('Content-Disposition: form-data; name="note"\r\n\r\nread write\r\n');
    expect(body.endsWith(`--${boundary}--\r\n`)).toBe(true);
  });

  it('another media type (application/octet-stream, text/csv): a string payload is sent as given', async () => {
    const api = await startApi({ 'POST /any': json({}) });
    await runDocument(orderStep(`          contentType: application/octet-stream
          payload: 'raw bytes {$inputs.scope}'`, 'postAnything'), { api, inputs: form });
    await runDocument(orderStep(`          contentType: text/csv
          payload: "a,b\\n1,2"`, 'postAnything'), { api });
    expect(api.requests.map((r) => [r.headers['content-type'], r.body])).toEqual([['application/octet-stream', 'raw bytes read write'], ['text/csv', 'a,b\n1,2']]);
  });

  it('text/plain: the string as given', async () => {
    const api = await startApi({ 'POST /notes': json({}) });
    await runDocument(orderStep(`          payload: 'scope is {$inputs.scope}'`, 'postNote'), { api, inputs: form });
    expect(api.requests[0]?.headers['content-type']).toBe('text/plain');
    expect(api.requests[0]?.body).toBe('scope is read write');
  });
});

describe('8.5 Payload Replacement Object: JSON Pointer targets, applied in order; an unresolvable target is a step error', () => {
  it('target /petId overwrites, /quantity sets a literal, in array order', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    await runDocument(orderStep(`          contentType: application/json
          payload: { petId: 0, quantity: 1, items: [a, b] }
          replacements:
            - { target: /petId, value: $inputs.pet_id }
            - { target: /quantity, value: 10 }
            - { target: /items/1, value: c }
            - { target: /quantity, value: 11 }`), { api, inputs });
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ petId: 7, quantity: 11, items: ['a', 'c'] });
  });

  it('replacements apply to a JSON template payload too', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    await runDocument(orderStep(`          contentType: application/json
          payload: '{"petId": 0, "coupon": "{$inputs.coupon_code}"}'
          replacements:
            - { target: /petId, value: $inputs.pet_id }`), { api, inputs });
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ petId: 7, coupon: 'SAVE' });
  });

  it('target /missing/deep fails the step before anything is sent', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    const { result } = await runDocument(orderStep(`          contentType: application/json
          payload: { petId: 0 }
          replacements: [{ target: /missing/deep, value: 1 }]`), { api });
    expect(result.status).toBe('failed');
    expect(stepOf(result, 'order').reason).toContain('/missing/deep');
    expect(api.requests).toHaveLength(0);
  });

  it('an XPath target is a clear error (not supported yet)', async () => {
    const loaded = await loadDocument(orderStep(`          contentType: application/xml
          payload: '<a><b>1</b></a>'
          replacements: [{ target: /a/b/text(), value: 2 }, { target: //b, value: 3 }]`));
    expect(codes(loaded.errors).filter((c) => c === 'replacement-xpath-unsupported')).toHaveLength(2);
  });
});

describe('8.7 $request.body reflects the body actually sent (after replacements)', () => {
  it('$request.body#/petOrder/petId after a replacement', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    const { result } = await runDocument(orderStep(`          contentType: application/json
          payload: { petOrder: { petId: 0 } }
          replacements: [{ target: /petOrder/petId, value: 99 }]`), { api });
    expect(stepOf(result, 'order').outputs.petId).toBe(99);
    expect(result.outputs.sent).toEqual({ petOrder: { petId: 99 } });
  });
});
