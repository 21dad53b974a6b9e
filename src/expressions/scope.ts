/** What a runtime expression can see while it is evaluated. Plain data, no I/O. */

export interface RequestView {
  url: string;
  method: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string>>;
  query: Readonly<Record<string, unknown>>;
  path: Readonly<Record<string, unknown>>;
  body?: unknown;
}

export interface ResponseView {
  statusCode: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string>>;
  /** Parsed by content type: JSON → value, anything else → string. */
  body?: unknown;
}

/** The message of an AsyncAPI step (Arazzo 1.1.0 §Runtime Expressions: $message). */
export interface MessageView {
  /** Header names lower-cased. */
  headers: Readonly<Record<string, unknown>>;
  payload?: unknown;
}

export interface WorkflowValues {
  inputs?: Readonly<Record<string, unknown>>;
  outputs?: Readonly<Record<string, unknown>>;
}

export interface SourceDescriptionView {
  name: string;
  url: string;
  type?: string;
}

export interface ExpressionScope {
  inputs: Readonly<Record<string, unknown>>;
  /** stepId → that step's outputs so far (latest execution). */
  steps: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** $outputs: a workflow's own outputs, or a child workflow's outputs inside a workflowId step. */
  outputs?: Readonly<Record<string, unknown>>;
  /** workflowId → inputs/outputs of workflows that ran in this execution. */
  workflows: Readonly<Record<string, WorkflowValues>>;
  sourceDescriptions: Readonly<Record<string, SourceDescriptionView>>;
  /** The document's `$self`, resolved (Arazzo 1.1); absent when it declares none. */
  self?: string;
  components?: Readonly<Partial<Record<'parameters' | 'successActions' | 'failureActions' | 'inputs', Readonly<Record<string, unknown>>>>>;
  request?: RequestView;
  response?: ResponseView;
  message?: MessageView;
}

export type Evaluation = { found: true; value: unknown } | { found: false; reason: string };
