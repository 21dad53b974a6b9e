/**
 * Structure: the official Arazzo 1.0 and 1.1 JSON Schemas (with known defects corrected, see
 * scripts/build-schema-validator.mjs), precompiled, so no ajv is loaded at run time.
 * The declared version selects the schema: `arazzo: 1.0.x` the 1.0 one, `arazzo: 1.1.x` the 1.1 one
 * (Arazzo 1.1.0 §Versions); the compiler reports other versions.
 */
import { childPointer, makeDiagnostic, type Code, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject } from '../document/model.js';
import { validate as validate10, type SchemaError, type SchemaValidator } from './generated/validate-arazzo-schema.js';
import { pruneSchemaErrors, type Pruned } from './prune-schema-errors.js';
import { describePlace } from './describe-place.js';
import { valueAtPointer } from './value-at-pointer.js';

const VERSION_1_0 = /^1\.0\.\d+(-.+)?$/;
const VERSION_1_1 = /^1\.1\.\d+(-.+)?$/;

// The 1.1 validator is as big as the 1.0 one: imported only once a 1.1 document is to be checked.
let validate11: SchemaValidator | undefined;

/** Before checkSchema: imports the validators the documents' versions need (lint start-up pays for 1.0 only). */
export async function loadSchemaValidators(documents: Iterable<unknown>): Promise<void> {
  if (validate11) return;
  for (const document of documents) {
    if (isObject(document) && typeof document.arazzo === 'string' && VERSION_1_1.test(document.arazzo)) {
      validate11 = (await import('./generated/validate-arazzo-1-1-schema.js')).validate;
      return;
    }
  }
}

function validatorFor(version: string): SchemaValidator | undefined {
  if (VERSION_1_0.test(version)) return validate10;
  if (!VERSION_1_1.test(version)) return undefined;
  if (!validate11) throw new Error('the Arazzo 1.1 schema validator was not loaded (call loadSchemaValidators first)');
  return validate11;
}

export interface SchemaFinding {
  diagnostic: Diagnostic;
  /** The problem is about a key (an unknown field): locate the key, not its value. */
  atKey: boolean;
}

export function checkSchema(document: unknown, file: string): SchemaFinding[] {
  if (!isObject(document) || typeof document.arazzo !== 'string') return [];
  const validate = validatorFor(document.arazzo);
  if (!validate || validate(document)) return [];
  return pruneSchemaErrors(validate.errors ?? [], document).map((error) => translate(error, document, file));
}

function translate(error: Pruned, document: unknown, file: string): SchemaFinding {
  const at = error.instancePath;
  const where = describePlace(at);
  const inInputs = /\/inputs(\/|$)/.test(at);
  const make = (code: Code, message: string, pointer: string, extra: Partial<Diagnostic> = {}, atKey = false): SchemaFinding => ({
    diagnostic: makeDiagnostic(code, 'error', inInputs ? `${message} (JSON Schema 2020-12)` : message, { file, pointer, ...extra }),
    atKey,
  });
  const { params } = error;
  switch (error.keyword) {
    case 'required': {
      if (error.collapsed) return make('schema-required', `${where} needs one of ${error.collapsed.join(', ')}`, at);
      const missing = String(params.missingProperty);
      return make('schema-required', `${where} is missing the required field "${missing}"`, childPointer(at, missing));
    }
    case 'unevaluatedProperties':
    case 'additionalProperties':
      return unknownField(error, document, file, where, make);
    case 'propertyNames':
      return make('schema-pattern', `Name "${String(params.propertyName)}" in ${where} must match ^[a-zA-Z0-9.\\-_]+$`, childPointer(at, String(params.propertyName)), {}, true);
    case 'type':
      return make('schema-type', `${where} must be ${expected(params.type)}, not ${typeName(valueAtPointer(document, at))}`, at, typeHint(at, document));
    case 'enum':
    case 'const': {
      const allowed = (params.allowedValues ?? [params.allowedValue]) as unknown[];
      return make('schema-enum', `${where} is ${JSON.stringify(valueAtPointer(document, at))}; allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`, at);
    }
    case 'pattern':
      return make('schema-pattern', `${where} ${JSON.stringify(valueAtPointer(document, at))} does not match ${String(params.pattern)}`, at);
    case 'format':
      return make('schema-format', `${where} ${JSON.stringify(valueAtPointer(document, at))} is not a valid ${String(params.format)}`, at);
    case 'minItems':
      return make('schema-min-items', `${where} must have at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}`, at);
    case 'uniqueItems':
      return make('schema-unique-items', `${where}: entries ${String(params.j)} and ${String(params.i)} are identical`, childPointer(at, String(params.i)));
    case 'minimum':
      return make('schema-minimum', `${where} must be ${String(params.comparison)} ${String(params.limit)}`, at);
    case 'oneOf':
    case 'anyOf':
      return make('schema-alternatives', alternativesMessage(error, document, where), at);
    default:
      return make('schema-invalid', `${where} ${error.message ?? `fails the schema keyword "${error.keyword}"`}`, at);
  }
}

type Make = (code: Code, message: string, pointer: string, extra?: Partial<Diagnostic>, atKey?: boolean) => SchemaFinding;

function unknownField(error: SchemaError, document: unknown, file: string, where: string, make: Make): SchemaFinding {
  const field = String(error.params.unevaluatedProperty ?? error.params.additionalProperty);
  const pointer = childPointer(error.instancePath, field);
  const owner = valueAtPointer(document, error.instancePath);
  if (isObject(owner) && Object.hasOwn(owner, 'reference')) {
    return { diagnostic: makeDiagnostic('reusable-extra-field', 'warning', `Reusable Object field "${field}" is ignored (only reference and value are allowed)`, { file, pointer }), atKey: true };
  }
  const hint = FIELDS_FROM_1_1[field] ?? (/^X-/.test(field) ? 'Extensions start with a lower-case "x-".' : undefined);
  return make('schema-unknown-field', `${where} has an unknown field "${field}"`, pointer, hint ? { hint } : {}, true);
}

const FIELDS_FROM_1_1: Record<string, string> = {
  dependsOn: 'dependsOn belongs to the Workflow Object; Arazzo 1.0.1 steps have no dependsOn.',
  'x-operation': 'x-operation is a Redocly extension; Arazzo steps need operationId, operationPath or workflowId.',
};

function alternativesMessage(error: SchemaError, document: unknown, where: string): string {
  const passing = error.params.passingSchemas;
  if (!Array.isArray(passing)) return `${where} matches none of its allowed shapes`;
  const owner = valueAtPointer(document, error.instancePath);
  const present = isObject(owner) ? ['operationId', 'operationPath', 'workflowId', 'stepId'].filter((f) => Object.hasOwn(owner, f)) : [];
  return present.length > 1 ? `${where} has ${present.join(' and ')}; only one is allowed` : `${where} matches more than one of its allowed shapes`;
}

const expected = (type: unknown): string => (Array.isArray(type) ? type.join(' or ') : `${/^[aeiou]/.test(String(type)) ? 'an' : 'a'} ${String(type)}`);

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function typeHint(pointer: string, document: unknown): Partial<Diagnostic> {
  if (pointer.endsWith('/required') && typeof valueAtPointer(document, pointer) === 'boolean') {
    return { hint: 'required: true is draft-04 style; in JSON Schema 2020-12 list the property in the parent object\'s "required" array.' };
  }
  if (pointer === '/info/version' || pointer === '/arazzo') return { hint: 'Quote it, e.g. version: "1.0".' };
  return {};
}
