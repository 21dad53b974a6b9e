// Types for scripts/build-schema-validator-1-1.mjs (imported by the tests).
export declare const SCHEMA_FILE_1_1: string;
export declare const OUTPUT_FILE_1_1: string;
export declare function generateValidatorSource11(): string;
export declare function writeValidator11(): boolean;
