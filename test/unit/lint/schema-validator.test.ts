// Issue 4 "precompile the schema validator at build time": the committed generated validator is
// what scripts/build-schema-validator.mjs produces from the official schema and its corrections.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORRECTIONS, generateValidatorSource, OUTPUT_FILE } from '../../../scripts/build-schema-validator.mjs';
import { validate } from '../../../src/lint/generated/validate-arazzo-schema.js';
import { generateValidatorSource11, OUTPUT_FILE_1_1, SCHEMA_FILE_1_1 } from '../../../scripts/build-schema-validator-1-1.mjs';
import { parse } from 'yaml';
import { sharedPath } from '../../support/shared-path.js';

describe('issue 4 Structure: the precompiled Arazzo 1.0 schema validator', () => {
  it('is up to date with the schema and the corrections (run node scripts/build-schema-validator.mjs)', () => {
    expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(generateValidatorSource());
  });

  it('names its corrections', () => {
    expect(CORRECTIONS.map((c) => c.split(':')[0])).toEqual(['criterion-type-object', 'criterion-context', 'replacement-value', 'parameter-in-body']);
  });

  it('loads no ajv at run time: the generated code imports only the local deep-equal', () => {
    const imports = [...readFileSync(OUTPUT_FILE, 'utf8').matchAll(/^import .* from '([^']+)';/gm)].map((m) => m[1]);
    expect(imports).toEqual(['../json-equal.js']);
  });

  it('accepts a minimal document and rejects a non-object', () => {
    const minimal = { arazzo: '1.0.1', info: { title: 't', version: '1' }, sourceDescriptions: [{ name: 'a', url: './a.yaml' }], workflows: [{ workflowId: 'w', steps: [{ stepId: 's', operationId: 'o' }] }] };
    expect(validate(minimal)).toBe(true);
    expect(validate(['root'])).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toEqual(['type']);
  });
});

describe('Arazzo 1.1.0 §Schema: the precompiled 1.1 schema validator', () => {
  it('is up to date with src/lint/schema/arazzo-1.1.schema.json (run node scripts/build-schema-validator-1-1.mjs)', () => {
    expect(readFileSync(OUTPUT_FILE_1_1, 'utf8')).toBe(generateValidatorSource11());
  });

  it('loads no ajv at run time: the generated code imports only the local deep-equal', () => {
    const imports = [...readFileSync(OUTPUT_FILE_1_1, 'utf8').matchAll(/^import .* from '([^']+)';/gm)].map((m) => m[1]);
    expect(imports).toEqual(['../json-equal.js']);
  });

  it('is the reference schema.yaml unchanged', () => {
    expect(JSON.parse(readFileSync(SCHEMA_FILE_1_1, 'utf8'))).toEqual(parse(readFileSync(sharedPath('reference/arazzo-1.1/schema.yaml'), 'utf8')));
  });
});
