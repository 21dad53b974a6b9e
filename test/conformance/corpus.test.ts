// Issue 4 "Proof": lint over every Arazzo document of ../shared/corpora/arazzo-in-the-wild (manifest.json).
// valid / valid-schema-bug: no errors except the deviations listed (with their reasons) in DEVIATIONS;
// nonconformant / invalid: flagged with the expected rules (EXPECTED). Nothing is fetched: remote source
// URLs map to a path that does not exist, and jentic-public-apis sources (written relative to that
// repository's root, not to the document) map to where they sit in the corpus.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPlan } from '../../src/load/load-plan.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpora/arazzo-in-the-wild', import.meta.url));

interface ManifestEntry {
  file: string;
  kind: string;
  expect: 'valid' | 'valid-schema-bug' | 'nonconformant' | 'invalid';
}

const manifest = JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as { files: ManifestEntry[] };
const documents = manifest.files.filter((entry) => entry.kind === 'arazzo');

const REMOTE = 'remote OpenAPI source, not in the corpus; tests never fetch';
const STEP_NAME = '`$steps.<id>.<name>` without `.outputs.` (jentic style; manifest note): not an output reference in 1.0.1; fix-it offered';
const CHILD_OUTPUT = 'reads a called workflow\'s output through a workflowId step that declares no outputs; step outputs are the ones the step declares (hint: `x: $outputs.x` in the step)';

/**
 * Every error on a valid document, with the reason we keep it. `errors` is the exact set of error
 * codes, so a fix (or a regression) shows up here.
 */
const DEVIATIONS: Record<string, { errors: string[]; reason: string }> = {
  'Redocly__redocly-cli/tests/e2e/respect/cafe-menu.arazzo.yaml': { errors: ['file-not-found'], reason: REMOTE },
  'Redocly__redocly-cli/tests/e2e/respect/reusable-components/reusable-components.arazzo.yaml': { errors: ['file-not-found'], reason: REMOTE },
  'Redocly__redocly-cli/tests/e2e/respect/inputs-passed-to-step-target-workflow/events.arazzo.yaml': {
    errors: ['file-not-found'],
    reason: `${REMOTE} (its \`$inputs.env.AUTH_TOKEN\` dot path into the declared env input is an expression-dot-path warning)`,
  },
  'Redocly__redocly-cli/tests/e2e/respect/inputs-passed-to-step-target-workflow/inputs-passed-to-step-target-workflow.arazzo.yaml': {
    errors: ['file-not-found'],
    reason: `${REMOTE}; loads events.arazzo.yaml`,
  },
  'Redocly__redocly-cli/tests/e2e/respect/outputs-access-syntax-variations/outputs-access-syntax-variations.arazzo.yaml': {
    errors: ['file-not-found', 'workflow-not-found'],
    reason: `${REMOTE}; the legacy Redocly \`$sourceDescriptions.<name>.workflows.<id>\` form (its dot paths into outputs are expression-dot-path warnings: the runner resolves them)`,
  },
  'Redocly__redocly-cli/tests/e2e/respect/replacements/replacements.arazzo.yaml': { errors: ['file-not-found'], reason: REMOTE },
  'Redocly__redocly-cli/tests/e2e/respect/workflow-failure-actions/workflow-failure-actions.arazzo.yaml': { errors: ['file-not-found'], reason: REMOTE },
  'Redocly__redocly-cli/tests/e2e/respect/workflow-success-actions/workflow-success-actions.arazzo.yaml': { errors: ['file-not-found'], reason: REMOTE },
  'Redocly__redocly-cli/tests/e2e/respect/step-on-failure-type-end-action/step-on-failure-type-end-action.arazzo.yaml': { errors: ['file-not-found'], reason: REMOTE },
  'Redocly__redocly-cli/tests/e2e/respect/x-security-oauth2-auth/x-security-oauth2-auth.arazzo.yaml': { errors: ['file-not-found'], reason: REMOTE },
  'Redocly__redocly-cli/tests/e2e/respect/severity-error-level/severity-level.arazzo.yaml': {
    errors: ['source-not-openapi'],
    reason: 'its source cafe-api-with-errors.yaml is `openapi: 3.2.0`; the loader takes OpenAPI 2.0/3.0/3.1',
  },
  'Redocly__redocly-cli/tests/e2e/lint/arazzo-valid-test-description/museum.yaml': {
    errors: ['file-not-found'],
    reason: 'its source museum-api.yaml is not in the upstream folder (manifest note)',
  },
  'jentic__arazzo-engine/runner/tests/fixtures/newyork_times/newyork_times.arazzo.yaml': {
    errors: ['expression-steps-missing-outputs', 'output-name-invalid'],
    reason: `output names with spaces ("Search ArticlesResponse") break the spec's MUST ^[a-zA-Z0-9.\\-_]+$ (the schema's patternProperties does not forbid other names); ${STEP_NAME}`,
  },
  'jentic__arazzo-engine/runner/tests/fixtures/train/train.arazzo.yaml': {
    errors: ['expression-steps-missing-outputs', 'input-reference-undeclared', 'source-unresolvable'],
    reason: `train.openapi.yaml $refs docs/getting-started.md, not copied; payloads read \`$inputs.create_booking_body\` etc. that the inputs schemas do not declare; ${STEP_NAME}`,
  },
  'jentic__arazzo-engine/runner/tests/fixtures/spotify/spotify.arazzo.yaml': {
    errors: ['expression-steps-missing-outputs', 'source-unresolvable'],
    reason: `spotify.openapi.yaml $refs ../policies.yaml, not copied; ${STEP_NAME}`,
  },
  'jentic__arazzo-engine/runner/tests/fixtures/sample_login_workflow/login_workflow.yaml': { errors: ['expression-steps-missing-outputs'], reason: STEP_NAME },
  'wso2__arazzo-tools/examples/go-runner-test/petstore/03-retry-action.arazzo.yaml': {
    errors: ['step-output-undeclared'],
    reason: 'output `shouldNotExist: $steps.shouldNotRun.outputs.inventory` reads an output step shouldNotRun never declares',
  },
  'wso2__arazzo-tools/examples/go-runner-test/petstore/05-nested-workflow.arazzo.yaml': { errors: ['step-output-undeclared'], reason: CHILD_OUTPUT },
  'wso2__arazzo-tools/examples/go-runner-test/petstore/08-remote-source-url.arazzo.yaml': { errors: ['file-not-found'], reason: REMOTE },
  'wso2__arazzo-tools/examples/go-runner-test/toolshop/12-nested-workflow-args.arazzo.yaml': { errors: ['step-output-undeclared'], reason: CHILD_OUTPUT },
  'wso2__arazzo-tools/examples/go-runner-test/toolshop/16-operation-path-advanced.arazzo.yaml': {
    errors: ['expression-empty-name', 'operation-path-not-found'],
    reason: 'operationPath pointers stop at the Path Item (no method), so no Operation Object resolves (manifest note); `$steps.x.outputs` without a name',
  },
  'wso2__arazzo-tools/examples/go-runner-test/toolshop/17-qualified-operation-id.arazzo.yaml': {
    errors: ['step-output-undeclared'],
    reason: '`$steps.getProductDetailStep.outputs.response.body.name` reads an output the step does not declare',
  },
  'speakeasy-api__openapi/arazzo/testdata/speakeasybar.arazzo.yaml': {
    errors: ['file-not-found', 'step-output-undeclared'],
    reason: `${REMOTE} (both sources); components.parameters.authorization reads \`$steps.authenticate.outputs.token\`, but the first workflow's authenticate step declares no outputs`,
  },
  'speakeasy-api__openapi/arazzo/testdata/traintravelapi.arazzo.yaml': {
    errors: ['file-not-found', 'input-reference-undeclared', 'output-reference-undeclared'],
    reason: './openapi.yaml is not in the upstream repo (manifest note); book_trip_input (allOf find_trip_input, bank_details) declares no trip_id/passenger_name, `$inputs.bank_details.x` reads a property the schema has at top level; `$outputs.trip_id` of a child that declares no trip_id',
  },
  'speakeasy-api__openapi/arazzo/testdata/simple.arazzo.yaml': { errors: ['file-not-found'], reason: REMOTE },
  'jentic__jentic-public-apis/workflows/asana.com/workflows.arazzo.json': {
    errors: ['file-not-found'],
    reason: 'its 605 KB OpenAPI was not copied (manifest note)',
  },
};

/** The rules each nonconformant and invalid document must be flagged with. */
const EXPECTED: Record<string, string[]> = {
  'Redocly__redocly-cli/tests/e2e/respect/free-apis/free.arazzo.yaml': ['step-target-missing'],
  'invalid/Redocly__redocly-cli/tests/e2e/lint/arazzo-not-valid-test-description/museum.yaml': ['schema-required', 'workflow-steps-missing', 'step-reference-unknown'],
  'invalid/Redocly__redocly-cli/tests/e2e/respect/workflow-depends-on-not-found/workflow-depends-on-not-found.arazzo.yaml': ['workflow-not-found'],
  'jentic__arazzo-engine/runner/tests/fixtures/xkcd/xkcd.arazzo.yaml': ['output-not-expression'],
  'jentic__arazzo-engine/runner/tests/fixtures/discord/discord.arazzo.yaml': ['output-not-expression'],
  'wso2__arazzo-tools/examples/go-runner-test/petstore/01-basic-sequential.arazzo.yaml': ['schema-type'],
  'wso2__arazzo-tools/examples/go-runner-test/petstore/06-success-criteria.arazzo.yaml': ['criterion-missing-context', 'condition-syntax'],
  'invalid/wso2__arazzo-tools/examples/CLI_realistic/error_arazzo/error.yaml': [
    'schema-unknown-field', 'step-id-duplicate', 'step-reference-unknown', 'workflow-id-duplicate', 'step-id-missing', 'step-target-missing',
  ],
  'invalid/speakeasy-api__openapi/arazzo/testdata/invalid.arazzo.yaml': ['schema-required', 'step-target-missing', 'parameter-in-missing'],
};

/** Every remote source URL in the corpus → a path that does not exist (so nothing is fetched). */
function offlineLocations(): Record<string, string> {
  const locations: Record<string, string> = {};
  for (const entry of documents) {
    const text = readFileSync(path.join(CORPUS, entry.file), 'utf8');
    const root = parse(text) as { sourceDescriptions?: Array<{ url?: unknown }> };
    for (const source of root.sourceDescriptions ?? []) {
      if (typeof source.url === 'string' && /^https?:\/\//.test(source.url)) locations[source.url] = path.join(CORPUS, '.not-copied', encodeURIComponent(source.url));
    }
  }
  return locations;
}

const OFFLINE = offlineLocations();

function sourceLocationsFor(entry: ManifestEntry): Record<string, string> {
  if (!entry.file.startsWith('jentic__jentic-public-apis/')) return OFFLINE;
  const root = JSON.parse(readFileSync(path.join(CORPUS, entry.file), 'utf8')) as { sourceDescriptions: Array<{ url: string }> };
  const repoRoot = path.join(CORPUS, 'jentic__jentic-public-apis');
  return { ...OFFLINE, ...Object.fromEntries(root.sourceDescriptions.map((s) => [s.url, path.join(repoRoot, s.url)])) };
}

describe('issue 4 proof: arazzo-in-the-wild corpus (manifest.json)', () => {
  it('the tables name only files of the manifest', () => {
    const files = new Set(documents.map((d) => d.file));
    expect([...Object.keys(DEVIATIONS), ...Object.keys(EXPECTED)].filter((f) => !files.has(f))).toEqual([]);
    expect(documents.length).toBeGreaterThanOrEqual(51);
  });

  for (const entry of documents) {
    it(`${entry.expect}: ${entry.file}`, async () => {
      const file = path.join(CORPUS, entry.file);
      const { diagnostics } = await loadPlan(file, { sourceLocations: sourceLocationsFor(entry) });
      expect(diagnostics.filter((d) => d.file === file && d.line === undefined).map((d) => d.code)).toEqual([]);
      const errors = [...new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();
      if (entry.expect === 'valid' || entry.expect === 'valid-schema-bug') {
        expect(errors).toEqual([...(DEVIATIONS[entry.file]?.errors ?? [])].sort());
        expect(errors.filter((code) => code.startsWith('schema-'))).toEqual([]);
      } else {
        expect(EXPECTED[entry.file], 'every nonconformant/invalid file names its expected rules').toBeDefined();
        expect(errors).toEqual(expect.arrayContaining(EXPECTED[entry.file]!));
      }
    });
  }
});
