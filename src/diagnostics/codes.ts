/**
 * The one catalogue of diagnostic codes: code → title, default severity, default hint, stage.
 * Tests and tools compare codes, never messages. Diagnostic.code is the `Code` union of these keys,
 * so a code used anywhere in src/ and not listed here fails the typecheck. `arazzo lint --rule <code>=off|warn|error`
 * changes the severity of any code; `off` by default means the rule runs only when asked for.
 */
import type { Severity } from './diagnostic.js';

export type DefaultSeverity = Severity | 'off';

/** Where the problem is found: before compile (load, schema), while compiling, by lint rules, or later. */
export type CodeStage = 'config' | 'load' | 'schema' | 'compile' | 'lint' | 'input' | 'run';

export interface CodeEntry {
  title: string;
  severity: DefaultSeverity;
  stage: CodeStage;
  hint?: string;
}

type Entry = Omit<CodeEntry, 'stage'>;
const error = (title: string, hint?: string): Entry => ({ title, severity: 'error', ...(hint ? { hint } : {}) });
const warning = (title: string, hint?: string): Entry => ({ title, severity: 'warning', ...(hint ? { hint } : {}) });
const info = (title: string, hint?: string): Entry => ({ title, severity: 'info', ...(hint ? { hint } : {}) });
const off = (title: string, hint?: string): Entry => ({ title, severity: 'off', ...(hint ? { hint } : {}) });

const LOAD = {
  'file-not-found': error('File not found', 'Check the path.'),
  'file-not-utf8': error('File is not UTF-8 text', 'Save the file as UTF-8.'),
  'file-too-large': error('File larger than --max-source-bytes', 'Raise --max-source-bytes if you trust the document.'),
  'file-unreadable': error('File cannot be read', 'Check the permissions.'),
  'yaml-syntax': error('YAML/JSON syntax error', 'Fix the syntax at this line.'),
  'yaml-duplicate-key': error('Duplicate key in a mapping', 'Remove or rename the repeated key.'),
  'yaml-too-deep': error('Document nested too deeply', 'Flatten the document.'),
  'yaml-alias-limit': error('YAML aliases expand too much (alias bomb)', 'Use fewer anchors and aliases.'),
  'yaml-recursive-alias': error('YAML alias refers to a value that contains it', 'Remove the alias that points back into its own anchor.'),
  'yaml-too-many-nodes': error('Document has too many nodes (after expanding aliases)', 'Split the document, or expand fewer aliases.'),
  'source-unreachable': error('Source description cannot be fetched', 'Check the URL and the network, or use a local copy.'),
  'source-unresolvable': error('An operation a step uses needs a $ref that cannot be resolved', 'Fix the $ref in the OpenAPI document.'),
  'source-ref-unresolved': warning('A $ref of a source description cannot be resolved; steps that do not need it still work', 'Fix the $ref or add the file it names.'),
  'source-not-openapi': error('Source description is not OpenAPI 3.2/3.1/3.0 or Swagger 2.0', 'Point the source at an OpenAPI description, or declare type: arazzo for an Arazzo document.'),
  'source-not-asyncapi': error('Source description of type asyncapi is not a valid AsyncAPI 2.x/3.0 document (per the AsyncAPI parser)', 'Fix the AsyncAPI document at the place named, or point the source at another one.'),
  'source-url-unencoded': warning('Source url is not a URI reference (a space or other character that must be percent-encoded)', 'Percent-encode it, e.g. a space as %20.'),
} satisfies Record<string, Entry>;

const SCHEMA = {
  'schema-required': error('Required field missing (Arazzo 1.0 JSON Schema)'),
  'schema-unknown-field': error('Field not defined by Arazzo 1.0.1', 'Remove it, fix its spelling, or prefix an extension with x-.'),
  'schema-type': error('Value has the wrong type (Arazzo 1.0 JSON Schema)'),
  'schema-enum': error('Value not among the allowed values (Arazzo 1.0 JSON Schema)'),
  'schema-pattern': error('Value does not match the required pattern (Arazzo 1.0 JSON Schema)'),
  'schema-format': error('Value does not match its format (Arazzo 1.0 JSON Schema)'),
  'schema-min-items': error('List must not be empty (Arazzo 1.0 JSON Schema)', 'Remove the empty list or add an entry.'),
  'schema-unique-items': error('List holds two identical entries (Arazzo 1.0 JSON Schema)', 'Remove the repeated entry.'),
  'schema-minimum': error('Number below the allowed minimum (Arazzo 1.0 JSON Schema)'),
  'schema-alternatives': error('Object matches none (or several) of its allowed shapes (Arazzo 1.0 JSON Schema)'),
  'schema-invalid': error('Value does not satisfy the Arazzo 1.0 JSON Schema'),
  'reusable-extra-field': warning('Reusable Object fields other than reference/value are ignored', 'Remove the extra field.'),
} satisfies Record<string, Entry>;

const COMPILE = {
  'document-not-object': error('Document is not an object', 'Start the file with "arazzo: 1.0.1".'),
  'document-structure': error('Field has the wrong shape'),
  'arazzo-version-invalid': error('Invalid arazzo version', 'Write arazzo: 1.0.1 (a quoted string).'),
  'arazzo-version-unsupported': error('Arazzo version not supported', 'Use arazzo: 1.1.0 or 1.0.1.'),
  'source-descriptions-missing': error('No sourceDescriptions'),
  'source-description-invalid': error('Source description without a name or url'),
  'source-name-duplicate': error('Source description name used twice'),
  'source-not-found': error('Unknown source description'),
  'workflows-missing': error('No workflows'),
  'workflow-id-missing': error('Workflow without a workflowId'),
  'workflow-id-duplicate': error('workflowId used twice'),
  'workflow-steps-missing': error('Workflow without steps'),
  'workflow-not-found': error('Unknown workflow'),
  'step-id-missing': error('Step without a stepId'),
  'step-id-duplicate': error('stepId used twice in a workflow'),
  'step-target-missing': error('Step without operationId, operationPath or workflowId'),
  'step-target-multiple': error('Step with more than one of operationId, operationPath, workflowId'),
  'operation-not-found': error('Unknown operation'),
  'operation-ambiguous': error('operationId found in several sources', 'Qualify it: $sourceDescriptions.<name>.<operationId>.'),
  'operation-id-source-prefix': warning('Redocly-style "source.operationId"', 'Write $sourceDescriptions.<name>.<operationId>.'),
  'operation-id-unqualified': warning('Unqualified operationId with several OpenAPI sources', 'Write $sourceDescriptions.<name>.<operationId>.'),
  'operation-path-invalid': error('Malformed operationPath', "Write '{$sourceDescriptions.<name>.url}#/paths/~1pets/get'."),
  'operation-path-not-found': error('operationPath points at no operation'),
  'operation-path-short-form': warning('operationPath uses a source name instead of {$sourceDescriptions.<name>.url}'),
  'parameter-name-missing': error('Parameter without a name'),
  'parameter-in-missing': error('Operation parameter without "in"', 'Add in: path, query, header or cookie.'),
  'parameter-in-invalid': error('Invalid parameter "in"', 'Use path, query, header or cookie.'),
  'parameter-in-body': warning('in: body was removed in Arazzo 1.0.1 (1.0.0 documents: sent as the request body; 1.0.1: an error)', 'Use the step requestBody.'),
  'parameter-in-body-conflict': error('in: body parameter next to a requestBody (or a second one)', 'Send one body: use the requestBody.'),
  'parameter-value-missing': error('Parameter without a value'),
  'parameter-duplicate': error('Parameter listed twice'),
  'replacement-invalid': error('Payload replacement without target or value'),
  'replacement-target-invalid': error('Replacement target is not a JSON pointer'),
  'replacement-xpath-unsupported': error('XPath replacement targets are not supported'),
  'output-name-invalid': error('Output name does not match ^[a-zA-Z0-9.\\-_]+$'),
  'output-not-expression': error('Output value is not a runtime expression string'),
  'action-name-missing': error('Action without a name'),
  'action-type-invalid': error('Invalid action type'),
  'action-duplicate': error('Action listed twice'),
  'action-parameters-without-workflow': error('Action parameters need a workflowId target', 'Action parameters are the target workflow\'s inputs (Arazzo 1.1.0): add workflowId, or drop them.'),
  'action-target-ambiguous': error('Action with both stepId and workflowId'),
  'action-target-missing': error('goto action without a target'),
  'action-target-not-found': error('Action goes to an unknown step'),
  'action-end-with-target': warning('end action with a stepId or workflowId', 'Remove the target, or use type: goto.'),
  'action-retry-after-invalid': error('retryAfter is not a non-negative number'),
  'action-retry-limit-invalid': error('retryLimit is not a non-negative integer'),
  'reusable-invalid': error('Malformed Reusable Object reference'),
  'reusable-wrong-slot': error('Reusable Object points at the wrong kind of component'),
  'reusable-not-found': error('Reusable Object points at a missing component'),
  'reusable-value-not-allowed': warning('Reusable Object value on a non-parameter reference'),
  'inputs-ref-not-found': error('Inputs $ref points at a missing components.inputs entry'),
  'inputs-ref-cycle': error('Inputs $ref refers to itself'),
  'expression-syntax': error('Malformed runtime expression'),
  'expression-unknown-source': error('Runtime expression with an unknown source'),
  'expression-empty-name': error('Runtime expression without a name'),
  'expression-invalid-pointer': error('Malformed JSON pointer in a runtime expression'),
  'expression-steps-missing-outputs': error('$steps.<id> not followed by .outputs.<name>'),
  'expression-dot-body': warning('$response.body.x dot access', 'Use a JSON pointer: $response.body#/x.'),
  'expression-bare-in-string': warning('Runtime expression inside text without {}', 'Embed it: "Bearer {$inputs.token}".'),
  'condition-syntax': error('Malformed simple condition'),
  'condition-chained-comparison': error('Chained comparison in a condition', 'Combine comparisons with && or ||.'),
  'condition-double-quoted-string': warning('Double-quoted string in a condition', "String literals use single quotes: 'text'."),
  'condition-literal-embedded': warning('{$…} inside a string literal of a simple condition is not evaluated', 'Compare with the runtime expression itself, or use a regex criterion.'),
  'criterion-invalid': error('Criterion is not an object'),
  'criterion-missing-condition': error('Criterion without a condition'),
  'criterion-invalid-condition': error('Criterion condition is not a string'),
  'criterion-invalid-context': error('Criterion context is not a runtime expression'),
  'criterion-missing-context': error('regex/jsonpath/xpath criterion without a context'),
  'criterion-invalid-type': error('Unknown criterion type'),
  'criterion-invalid-version': error('Unsupported Criterion Expression Type version'),
  'criterion-invalid-regex': error('Regex does not compile'),
  'criterion-regex-too-long': error('Regex longer than allowed'),
  'criterion-regex-unbounded': warning('Regex with backreferences or lookarounds: matching time not bounded'),
  'criterion-invalid-jsonpath': error('Not an RFC 9535 JSONPath query'),
  'criterion-goessner-unsafe': error('Goessner JSONPath with script code'),
  'criterion-jsonpath-comparison': warning('Comparison written as a JSONPath criterion', 'Make it a simple criterion.'),
  'criterion-jsonpath-root-filter': warning('Filter on $ tests the children of the context value'),
  'criterion-xpath-unsupported': error('XPath criteria are not supported'),
  'step-depends-on-unknown': error('A step dependsOn names no step of its workflow (Arazzo 1.1)'),
  'step-depends-on-order': error('A step dependsOn a step that comes after it (steps start in document order)', 'Move the step it depends on earlier.'),
  'step-depends-on-external': warning('A step dependsOn a step of another workflow, which is not waited for'),
  'step-action-missing': error('An AsyncAPI step has no action (Arazzo 1.1)', 'Add action: send or action: receive (what the workflow does, not what the AsyncAPI operation says the application does).'),
  'step-action-misplaced': error('action is given on a step whose operation is not in an AsyncAPI source (Arazzo 1.1)', 'Remove action, or name the operation of an asyncapi source: $sourceDescriptions.<name>.<operationId>.'),
  'step-correlation-id-ignored': warning('correlationId on a step that is not an AsyncAPI receive step is not used (Arazzo 1.1)'),
  'selector-invalid': error('A Selector Object (Arazzo 1.1) is malformed: context must be one runtime expression, type jsonpath or jsonpointer, selector valid for it'),
  'selector-xpath-unsupported': error('XPath selectors are not supported'),
} satisfies Record<string, Entry>;

const LINT = {
  'step-reference-unknown': error('$steps.<id> names no step of this workflow'),
  'step-output-undeclared': error('$steps.<id>.outputs.<name> names an output the step does not declare'),
  'step-output-from-child': warning('$steps.<id>.outputs.<name> reads the called workflow\'s output through a workflowId step that declares no outputs (not portable)', 'Declare the output on the step: <name>: $outputs.<name>.'),
  'expression-dot-path': warning('Dots read into a declared output or input', 'The runner reads the declared name and walks the rest; a JSON pointer says it exactly.'),
  'step-reference-order': error('$steps.<id> reads a step that cannot have run yet', 'Move the step earlier, or read it in a later step.'),
  'input-reference-undeclared': error('$inputs.<name> is not declared in the workflow inputs schema'),
  'input-reference-unlisted': warning('$inputs.<name> is not listed in an inputs schema that allows other properties', 'List it under properties.'),
  'workflow-reference-unknown': error('$workflows.<id> names no workflow of this document'),
  'workflow-output-undeclared': error('$workflows.<id>.outputs.<name> names an output the workflow does not declare'),
  'output-reference-undeclared': error('$outputs.<name> names an output that is not declared'),
  'parameter-not-declared': warning('Parameter not declared by the operation (or the workflow inputs)'),
  'parameter-required-missing': warning('Required parameter not given'),
  'request-body-required-missing': warning('Required request body not given', 'Add a requestBody with a payload.'),
  'request-body-unexpected': warning('requestBody where it has no defined meaning'),
  'parameter-in-on-workflow-step': warning('"in" on a parameter of a workflowId step is ignored', 'Drop "in": the parameter is passed as a workflow input.'),
  'request-body-content-type-invalid': error('requestBody.contentType is not a media type', 'Write type/subtype, e.g. application/json.'),
  'replacement-duplicate': warning('Two payload replacements with the same target'),
  'criterion-duplicate': warning('Criterion listed twice'),
  'criterion-simple-without-context': warning('type: simple given without a context', 'Drop type (simple is the default) or add a context.'),
  'workflow-step-http-expression': warning('$statusCode/$request/$response in a workflowId step, which sends no request'),
  'action-retry-fields-ignored': warning('retryAfter/retryLimit only apply to retry actions'),
  'step-unreachable': warning('Step can never run'),
  'loop-without-exit': warning('Loop with no criteria that can end it', 'Give the goto criteria, or add an end/goto action with criteria for the way out.'),
  'output-step-may-be-skipped': warning('Workflow output reads a step that some path skips', 'The output is null when that path is taken.'),
  'workflow-cycle': error('Workflows depend on or call each other in a cycle'),
  'source-unused': warning('Source description never used'),
  'source-type-missing': info('Source description without a type', 'Declare type: openapi or type: arazzo.'),
  'workflow-id-pattern': warning('workflowId should match [A-Za-z0-9_-]+'),
  'step-id-pattern': warning('stepId should match [A-Za-z0-9_-]+'),
  'extension-reserved-prefix': warning('x-oai-, x-oas- and x-arazzo extensions are reserved by the OpenAPI Initiative'),
  'markdown-script-tag': warning('<script> in a description or title'),
  'info-description-missing': info('info has no description'),
  'info-summary-missing': off('info has no summary'),
  'workflow-description-missing': info('Workflow has no description'),
  'workflow-summary-missing': off('Workflow has no summary'),
  'step-description-missing': info('Step has no description'),
  'operation-path-prefer-id': info('operationPath used for an operation that has an operationId', 'Prefer operationId.'),
  'inputs-reusable-reference': error('Workflow inputs use a Reusable Object', "Use a JSON Schema $ref: '#/components/inputs/<name>'."),
  'action-workflow-without-inputs': warning('goto/retry to a workflow that needs inputs: Arazzo 1.0.1 actions pass none', 'Call it from a workflowId step with parameters instead.'),
  'expression-brace-in-pointer': warning('"{" inside an embedded expression: it ends at the first "}"', 'Escape the data differently, or read the value into an output first.'),
  'template-object-in-quotes': warning('Object or array embedded inside quotes in a JSON text payload', 'Drop the quotes around {$…}: the value is inserted as JSON.'),
} satisfies Record<string, Entry>;

const INPUT = {
  'asyncapi-step-unsupported': error('An AsyncAPI step cannot run: its operation or channel is not in its AsyncAPI source, it has no action, or its server speaks a protocol this version cannot (it speaks MQTT, NATS, AMQP and WebSocket)', 'Check the reference and add action: send|receive; point the source at a supported broker, e.g. --server <source>=mqtt://host:port.'),
  'input-syntax': error('--input is not name=value'),
  'input-type': error('Input value does not have the declared type'),
  'input-undeclared': warning('Input given but not declared by the workflow'),
  'input-reading': warning('Input text is valid both as JSON and as text; the JSON reading is used', 'To pass the text itself, give it as a quoted string in an --inputs file.'),
  'input-unknown': error('Input not declared by the workflow'),
  'input-missing': error('Required input not given'),
  'input-invalid': error('Input does not satisfy the inputs schema'),
  'input-stdin-unavailable': error('Input reads stdin, but there is none'),
  'input-stdin-twice': error('Two inputs read stdin'),
  'input-file-unreadable': error('Input file cannot be read'),
  'inputs-file-invalid': error('Inputs file is not a JSON/YAML object'),
  'inputs-file-json': error('Inputs file (.json) is not valid JSON'),
  'inputs-file-unreadable': error('Inputs file cannot be read'),
  'inputs-schema-invalid': error('Workflow inputs schema cannot be used'),
} satisfies Record<string, Entry>;

const RUN = {
  'server-missing': error('No server URL for the operation', 'Pass --server <source>=<url>.'),
  'server-override-invalid': error('Invalid --server value'),
  'server-unknown-source': error('--server names an unknown source'),
  'server-source-ambiguous': error('--server without a source name, and not exactly one OpenAPI source', 'Write --server <source>=<url>.'),
  'server-url-invalid': error('Server URL is not a valid URL'),
  'server-url-relative': error('Relative server URL for a local OpenAPI file', 'Pass --server <source>=<url>.'),
  'server-variable-missing': error('Server URL variable without a value'),
  'server-variable-not-in-enum': error('Server URL variable outside its enum'),
  'server-variable-unknown': error('--server-variable names a variable no server of the run declares'),
  'header-name-invalid': error('Invalid HTTP header name'),
  'header-value-invalid': error('Invalid HTTP header value'),
  'path-parameter-missing': error('Path parameter without a value'),
  'request-body-content-type-ambiguous': error('Request body media type cannot be chosen', 'Set requestBody.contentType.'),
  'request-body-invalid-json': error('Request body is not valid JSON'),
  'request-body-not-encodable': error('Request body cannot be encoded for its media type'),
  'expression-unresolved': warning('Embedded expression had no value'),
  'retry-after-capped': warning('Retry-After longer than allowed; the wait was capped', 'Raise --max-retry-after if the wait is expected.'),
  'payload-replacement-failed': error('A payload replacement could not be applied'),
  'output-step-not-run': warning('Output reads a step that did not run'),
  'output-unresolved': warning('Output expression had no value'),
  'step-failed': error('A step failed'),
  'request-failed': error('An HTTP request failed'),
  'max-steps-exceeded': error('--max-steps budget exhausted'),
  timeout: error('--timeout reached'),
  aborted: error('Run cancelled'),
  'dependency-failed': error('A dependsOn workflow failed'),
  'workflow-recursion': error('Workflow calls itself'),
  'ended-on-failure': error('An onFailure end action ended the workflow'),
  'fail-on-end': error('A success end action that --fail-on-end names ended the workflow'),
  'in-flight-unknown': error('A non-idempotent request was in flight when the run stopped', 'Check the server, then resume with --resend-in-flight to send it again.'),
  'internal-error': error('Internal error (a bug in arazzo)'),
  'state-file-invalid': error('Not a state file this arazzo can resume', 'Pass a file written by arazzo run --state-file.'),
  'state-file-finished': error('The run in the state file already ended'),
  'state-file-unwritable': error('The state file cannot be written'),
  'state-document-changed': error('A document changed since the run started', 'Restore it, or start a new run.'),
  'state-secret-missing': error('A secret input must be given again to resume'),
} satisfies Record<string, Entry>;

/** Credentials from the description (issue 13): Redocly's x-security extension, schemes nothing fills. */
const AUTH_COMPILE = {
  'x-security-invalid': warning('x-security entry without schemeName or scheme, or without values', 'Write { schemeName: <name>, values: { token: $inputs.token } } (Redocly\'s shape).'),
  'x-security-scheme-unknown': warning('x-security names a security scheme the source does not declare', 'Use a name from components.securitySchemes, or give the scheme inline.'),
} satisfies Record<string, Entry>;

const AUTH_LINT = {
  'security-unfilled': warning('The operation requires credentials that nothing in the step fills', 'Add x-security to the step, or pass --auth <source>.<scheme>=<value> (or ARAZZO_AUTH_<SOURCE>_<SCHEME>) when running.'),
} satisfies Record<string, Entry>;

const AUTH_RUN = {
  'response-check-failed': warning('A response does not match its operation in the description (status, content type or schema)', 'Fix the API or the description; --response-checks=error fails the step, =off stops checking.'),
  'credentials-missing': warning('A request was sent without the credentials its operation requires', 'Pass --auth <source>.<scheme>=<value>, set ARAZZO_AUTH_<SOURCE>_<SCHEME>, or add x-security to the step.'),
} satisfies Record<string, Entry>;

/** arazzo.config.yaml (issue 12 item 13): exit 2 before anything is read or sent. */
const CONFIG = {
  'config-not-found': error('Config file named by --config does not exist', 'Check the path, or drop --config to search for arazzo.config.yaml.'),
  'config-invalid': error('Config value has the wrong type or is not allowed'),
  'scenario-invalid': error('Scenario file (arazzo test) is not well formed', 'Fix the scenario at this line.'),
  'config-unknown-key': error('Unknown key in the config file', 'Run "arazzo rules" for rule ids; see the README for the config keys.'),
  'config-env-unknown': error('--env names no environment of the config file'),
} satisfies Record<string, Entry>;

const withStage = <K extends string>(stage: CodeStage, entries: Record<K, Entry>): Record<K, CodeEntry> =>
  Object.fromEntries(Object.entries<Entry>(entries).map(([code, entry]) => [code, { ...entry, stage }])) as Record<K, CodeEntry>;

export const CODES: Readonly<Record<Code, CodeEntry>> = Object.freeze({
  ...withStage('config', CONFIG),
  ...withStage('load', LOAD),
  ...withStage('schema', SCHEMA),
  ...withStage('compile', COMPILE),
  ...withStage('lint', LINT),
  ...withStage('input', INPUT),
  ...withStage('run', RUN),
  ...withStage('compile', AUTH_COMPILE),
  ...withStage('lint', AUTH_LINT),
  ...withStage('run', AUTH_RUN),
});

/** Every catalogued code, for code that reports one by name. */
export type Code = keyof typeof CONFIG | keyof typeof LOAD | keyof typeof SCHEMA | keyof typeof COMPILE | keyof typeof LINT | keyof typeof INPUT | keyof typeof RUN | keyof typeof AUTH_COMPILE | keyof typeof AUTH_LINT | keyof typeof AUTH_RUN;

/** Takes any string: rule ids typed by users (`--rule x=off`) are looked up here too. */
export const describeCode = (code: string): CodeEntry | undefined => (Object.hasOwn(CODES, code) ? CODES[code as Code] : undefined);
