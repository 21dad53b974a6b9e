/**
 * The executable plan: a checked document with every expression and criterion parsed, every
 * operation resolved and every action target turned into an index. Built once, never mutated.
 */
import type { CompiledCriterion } from '../criteria/compile-criterion.js';
import type { PointerTokens, ValueTemplate } from '../expressions/ast.js';
import type { SourceDescriptionView } from '../expressions/scope.js';
import type { ParameterLocation, ResolvedOperation, SecurityScheme } from './operation.js';

/** Identifies a workflow across documents: the document key (its location) plus the workflowId. */
export interface WorkflowRef {
  documentKey: string;
  workflowId: string;
}

export interface Located {
  /** JSON pointer of the object in its document. */
  pointer: string;
}

export interface CriterionPlan extends Located {
  criterion: CompiledCriterion;
}

export type ActionTarget = { kind: 'step'; index: number; stepId: string } | { kind: 'workflow'; workflow: WorkflowRef };

export interface ActionPlan extends Located {
  name: string;
  type: 'end' | 'goto' | 'retry';
  target?: ActionTarget;
  /** Seconds in the document; milliseconds here. Only for retry. */
  retryAfterMs: number;
  /** Only for retry; the spec's default is one retry. */
  retryLimit: number;
  criteria: readonly CriterionPlan[];
  /** Arazzo 1.1.0 §Success/Failure Action Object: the target workflow's inputs. */
  parameters?: readonly ParameterPlan[];
}

export interface ParameterPlan extends Located {
  name: string;
  /** Absent for workflowId steps, where parameters map to the child's inputs. */
  /** `channel` (Arazzo 1.1.0 §Parameter Object) belongs to asyncapi steps only. */
  in?: ParameterLocation | 'channel';
  value: ValueTemplate;
}

export interface ReplacementPlan extends Located {
  /** A JSON Pointer target (the default); empty when `locate` is set. */
  target: PointerTokens;
  /**
   * Arazzo 1.1.0 §Payload Replacement Object `targetSelectorType: jsonpath`: the locations the
   * JSONPath target selects in the payload (compiled once at load).
   */
  locate?: (payload: unknown) => PointerTokens[];
  value: ValueTemplate;
}

export interface RequestBodyPlan extends Located {
  contentType?: string;
  payload?: ValueTemplate;
  replacements: readonly ReplacementPlan[];
}

export type StepTarget =
  | { kind: 'operation'; operation: ResolvedOperation; source: SourceDescriptionView }
  | { kind: 'workflow'; workflow: WorkflowRef }
  /** Arazzo 1.1.0 §Step Object: an `asyncapi` step (operationId/operationPath/channelPath + action); not run yet. */
  | { kind: 'asyncapi'; source?: SourceDescriptionView; reference: { field: 'operationId' | 'operationPath' | 'channelPath'; text: string }; action?: 'send' | 'receive' };

export interface OutputPlan extends Located {
  name: string;
  value: ValueTemplate;
}

/** Redocly's `x-security` entry: a scheme (by name or inline) and the values that fill it. */
export interface SecurityEntryPlan extends Located {
  schemeName?: string;
  scheme?: SecurityScheme;
  /** e.g. token, apiKey, username/password, accessToken, clientId/clientSecret. */
  values: Readonly<Record<string, ValueTemplate>>;
}

export interface StepPlan extends Located {
  stepId: string;
  index: number;
  target: StepTarget;
  /** Workflow-level parameters merged with the step's (the step's win by name and `in`). */
  parameters: readonly ParameterPlan[];
  requestBody?: RequestBodyPlan;
  /** Empty means: the step succeeds on a 2xx response (operation) or a succeeded child (workflow). */
  successCriteria: readonly CriterionPlan[];
  /** Step actions first, then the workflow's actions the step did not override by name. */
  onSuccess: readonly ActionPlan[];
  onFailure: readonly ActionPlan[];
  outputs: readonly OutputPlan[];
  /** x-security of the step, then the workflow's (x-security is an extension, not Arazzo 1.0.1). */
  security?: readonly SecurityEntryPlan[];
  /** Arazzo 1.1.0 §Step Object: steps that must complete first (stepId or $workflows.<id>.steps.<stepId>), as written. */
  dependsOn?: readonly string[];
  /**
   * Arazzo 1.1.0 §Step Dependencies and Execution Order: an AsyncAPI step that a later step names
   * in its dependsOn runs non-blocking — it is started and the run goes on to the next step.
   */
  runsDetached?: true;
  /** The steps this one waits for when they run non-blocking: its own dependsOn and the steps whose outputs it reads. */
  joins?: readonly string[];
  /** Arazzo 1.1.0 §Step Object: a correlation id expression (asyncapi receive steps). */
  correlationId?: ValueTemplate;
  /** Arazzo 1.1.0 §Step Object: milliseconds to wait for the step before failing it. */
  timeout?: number;
}

export interface WorkflowPlan extends Located {
  ref: WorkflowRef;
  workflowId: string;
  summary?: string;
  description?: string;
  /** The inputs JSON Schema with `$ref`s into components.inputs resolved. */
  inputsSchema?: unknown;
  dependsOn: readonly WorkflowRef[];
  steps: readonly StepPlan[];
  outputs: readonly OutputPlan[];
}

export interface DocumentPlan {
  key: string;
  /** arazzo version string as written. */
  arazzo: string;
  title?: string;
  /** Arazzo 1.1 `$self`, resolved: what the `$self` runtime expression gives. */
  self?: string;
  workflows: ReadonlyMap<string, WorkflowPlan>;
  sourceDescriptions: Readonly<Record<string, SourceDescriptionView>>;
  components: Readonly<Partial<Record<'parameters' | 'successActions' | 'failureActions' | 'inputs', Readonly<Record<string, unknown>>>>>;
}

export interface Plan {
  rootKey: string;
  documents: ReadonlyMap<string, DocumentPlan>;
}

export const workflowKey = (ref: WorkflowRef): string => `${ref.documentKey}#${ref.workflowId}`;
