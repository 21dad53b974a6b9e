/**
 * The Arazzo 1.0.1 document model, named exactly as the spec's fields. Documents come from
 * YAML written by people, so the loader treats them as `unknown` and the compiler checks every
 * field; these types describe a document that passed those checks.
 */

export type JsonObject = Record<string, unknown>;

export interface ArazzoDocument {
  arazzo: string;
  info: Info;
  sourceDescriptions: SourceDescription[];
  workflows: Workflow[];
  components?: Components;
}

export interface Info {
  title: string;
  summary?: string;
  description?: string;
  version: string;
}

export interface SourceDescription {
  name: string;
  url: string;
  type?: 'openapi' | 'arazzo';
}

export interface Workflow {
  workflowId: string;
  summary?: string;
  description?: string;
  inputs?: JsonObject;
  dependsOn?: string[];
  steps: Step[];
  successActions?: Array<SuccessAction | ReusableObject>;
  failureActions?: Array<FailureAction | ReusableObject>;
  outputs?: Record<string, string>;
  parameters?: Array<Parameter | ReusableObject>;
}

export interface Step {
  stepId: string;
  description?: string;
  operationId?: string;
  operationPath?: string;
  workflowId?: string;
  parameters?: Array<Parameter | ReusableObject>;
  requestBody?: RequestBody;
  successCriteria?: Criterion[];
  onSuccess?: Array<SuccessAction | ReusableObject>;
  onFailure?: Array<FailureAction | ReusableObject>;
  outputs?: Record<string, string>;
}

export interface Parameter {
  name: string;
  in?: 'path' | 'query' | 'header' | 'cookie';
  value: unknown;
}

export interface SuccessAction {
  name: string;
  type: 'end' | 'goto';
  workflowId?: string;
  stepId?: string;
  criteria?: Criterion[];
}

export interface FailureAction {
  name: string;
  type: 'end' | 'retry' | 'goto';
  workflowId?: string;
  stepId?: string;
  retryAfter?: number;
  retryLimit?: number;
  criteria?: Criterion[];
}

export interface ReusableObject {
  reference: string;
  value?: unknown;
}

export interface Criterion {
  context?: string;
  condition: string;
  type?: 'simple' | 'regex' | 'jsonpath' | 'xpath' | CriterionExpressionType;
}

export interface CriterionExpressionType {
  type: 'jsonpath' | 'xpath';
  version: string;
}

export interface RequestBody {
  contentType?: string;
  payload?: unknown;
  replacements?: PayloadReplacement[];
}

export interface PayloadReplacement {
  target: string;
  value: unknown;
}

export interface Components {
  inputs?: Record<string, JsonObject>;
  parameters?: Record<string, Parameter>;
  successActions?: Record<string, SuccessAction>;
  failureActions?: Record<string, FailureAction>;
}

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const ownField = (object: JsonObject, key: string): unknown =>
  Object.hasOwn(object, key) ? object[key] : undefined;
