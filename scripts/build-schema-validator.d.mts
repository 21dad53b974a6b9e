// Types for scripts/build-schema-validator.mjs (imported by the tests).
export declare const SCHEMA_FILE: string;
export declare const OUTPUT_FILE: string;
export declare const CORRECTIONS: readonly string[];
export declare function correctSchema(official: unknown): unknown;
export declare function generateValidatorSource(): string;
export declare function writeValidator(): boolean;
