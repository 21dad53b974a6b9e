// Types of the generated validator (see scripts/build-schema-validator.mjs). Hand-written (same shape as validate-arazzo-schema.d.ts).
export interface SchemaError {
  /** JSON pointer of the failing value. */
  instancePath: string;
  /** Path of the keyword inside the (sub)schema that failed, e.g. "#/$defs/info/required". */
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export declare const validate: SchemaValidator;
export default validate;
