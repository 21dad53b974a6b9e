/**
 * The composition root: the commander program, --help with examples, --version, and the one
 * place that turns outcomes into exit codes. Commands are imported only when they run.
 */
import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { processIo, type CliIo } from './cli-io.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { RUN_DEFAULTS } from '../engine/run-defaults.js';
import { boundRegexBacktracking } from '../runtime/bound-regex-backtracking.js';
import { guardProcess, isVerbose, reportInternalError } from './harden-process.js';
import { addCompletionCommand } from './completion-command.js';
import { addHelpCommand } from './help-command.js';
import { addQueueCommands } from './queue-commands.js';
import { collect, joinReportValues, UsageError } from './parse-cli-values.js';
import { addSourceOptions, SOURCE_HELP } from './source-flags.js';
import { addTransportOptions } from './transport-flags.js';

/** A default from RUN_DEFAULTS as --help shows it and the option parser reads it back: 2s, 5m, 500ms. */
const durationText = (ms: number): string => (ms % 60_000 === 0 ? `${ms / 60_000}m` : ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);

const RUN_EXAMPLES = `
Inputs (later sources win): the schema's defaults < --inputs files < ARAZZO_INPUT_<name>
environment variables < --input name=value. Values are typed by the inputs schema; objects and
arrays are JSON. name=@file reads a file, name=- reads stdin, name=@@text is the literal "@text".

Credentials: the operation's OpenAPI security requirements are filled from --auth, then
ARAZZO_AUTH_<SOURCE>_<SCHEME>, then the step's x-security (Redocly's extension); a parameter the
step sets itself (e.g. an Authorization header) wins. Values: apiKey → the key, bearer → the token,
basic → user:password, oauth2/openIdConnect → a token or clientId:clientSecret (client credentials).

Secrets (inputs with format: password or a name with token/secret/password/key/credential, and
Authorization/Cookie/Set-Cookie/Proxy-Authorization values) are masked as *** in every output,
report and log, also URL-, form- and base64-encoded. --no-mask turns that off for debugging.

Examples:
  $ arazzo run workflows/daytona-io-build-and-activate-snapshot-workflow.yml \\
      --input apiToken=$DAYTONA_TOKEN --input name=my-snap --input imageName=ubuntu:22.04
  $ ARAZZO_INPUT_API_TOKEN=$DAYTONA_TOKEN arazzo run flow.yml --inputs inputs.yaml --input cpu=2
  $ arazzo run flow.yml --input apiToken=@token.txt --input 'tags=["a","b"]' --dry-run
  $ arazzo run flow.yml --workflow login --server petStore=http://127.0.0.1:4010 --json
  $ arazzo run flow.yml --source github=vendor/api.github.com.json --offline --dry-run
  $ arazzo run flow.yml --report junit=reports/arazzo.xml --report json=reports/run.json --har run.har
  $ arazzo run flow.yml --auth petStore.bearerAuth=$TOKEN --auth petStore.oauth=$CLIENT_ID:$CLIENT_SECRET
  $ arazzo run flows/*.yml --all --json        # every workflow of every file; {"status", "runs": [...]}
  $ arazzo run flow.yml --env staging          # servers, inputs files and limits from arazzo.config.yaml
  $ arazzo run flow.yml --fail-on-end buildFailed   # exit 1 when onSuccess end "buildFailed" ends the run
  $ arazzo run flow.yml --cert api=client.pem --key api=client.key --ca corp-ca.pem --proxy http://proxy:3128
  $ arazzo run workflows/oracle-create-custom-image-from-instance-workflow.yml --sign ociComputeApi=oci \\
      --server-variable region=eu-frankfurt-1 --input instanceId=ocid1.instance... --input compartmentId=ocid1...
  $ arazzo run flow.yml --response-checks=error --report junit=reports/contract.xml
  $ arazzo run flow.yml --poll-interval 500ms --max-steps 200 --timeout 10m --log-level debug --log-format pretty

In GitHub Actions (GITHUB_ACTIONS=true) a failure is also an ::error annotation at the failing
step's line, and a summary is appended to $GITHUB_STEP_SUMMARY. Ctrl-C (SIGINT) or SIGTERM
stops after the request in flight and still prints the partial result and writes the reports.

${EXIT_CODES_HELP}`;

const TEST_EXAMPLES = `
A scenario names a workflow, its inputs, the responses to give by operationId or stepId (a list
is a sequence: a poll walks it, the last one repeats) and what the run must end with:

  workflow: ../daytona-io-build-and-activate-snapshot-workflow.yml
  inputs: { apiToken: test-token, name: demo, imageName: ubuntu:22.04 }
  responses:
    createSnapshot: { body: { id: s1, state: pending } }
    getSnapshot: [ { body: { id: s1, state: building } }, { body: { id: s1, state: active } } ]
  expect: { status: succeeded, endedBy: { stepId: pollBuild, action: alreadyActive }, steps: [createSnapshot, pollBuild] }

Examples:
  $ arazzo test workflows/scenarios
  $ arazzo test workflows/scenarios --report junit=reports/scenarios.xml --format tap
  $ arazzo test flow.scenario.yaml --json | jq '.scenarios[] | select(.passed | not)'

Exit codes:
  0    every scenario passed
  1    a scenario failed (its differences and unscripted requests are listed)
  2    a scenario file or its document is not valid (nothing was run)`;

const MOCK_EXAMPLES = `
Each request is logged on stderr with the status it got; stdout gets the server URL. An operation
with no scripted response and no example in its description answers 501. Ctrl-C stops it (exit 0).

Examples:
  $ arazzo mock workflows/daytona-io-build-and-activate-snapshot-workflow.yml \\
      --scenario workflows/scenarios/snapshot-inactive.scenario.yaml --port 4010
  $ arazzo run workflows/daytona-io-build-and-activate-snapshot-workflow.yml --server snapshotsApi=http://127.0.0.1:4010 \\
      --input apiToken=x --input name=demo --input imageName=ubuntu:22.04`;

const MCP_EXAMPLES = `
Each workflow becomes a tool named after its workflowId; its input schema is the workflow's
inputs minus the secret ones (format: password, writeOnly, or a token-like name), which come
only from ARAZZO_INPUT_<NAME> in the server's environment or an --inputs file. A call runs the
workflow as "arazzo run --json" would and returns its outputs (masked); stdout is the protocol,
progress goes to stderr and, when the client asks, as progress notifications.

Examples:
  $ ARAZZO_INPUT_API_TOKEN=$TOKEN arazzo mcp workflows/*.yml --server snapshotsApi=http://127.0.0.1:4010
  $ arazzo mcp flow.yml --inputs secrets.yaml --timeout 10m --max-steps 500
  MCP client config: {"mcpServers": {"arazzo": {"command": "npx", "args": ["arazzo", "mcp", "/abs/flow.yml"],
                      "env": {"ARAZZO_INPUT_API_TOKEN": "…"}}}}`;

const RESUME_EXAMPLES = `
The run continues where it stopped, with the settings and report targets it was started with,
and waits out what is left of a poll interval. A GET, HEAD, PUT, DELETE or OPTIONS request that
was in flight when the process died is sent again; any other fails the run with in-flight-unknown
unless --resend-in-flight. A document that changed since the run started is refused (exit 2).

Examples:
  $ arazzo run flow.yml --input apiToken=$TOKEN --state-file run.json   # killed, evicted, Ctrl-C…
  $ arazzo resume run.json --input apiToken=$TOKEN --json
  $ arazzo resume run.json --cert api=client.pem --key api=client.key   # transport flags are given again

${EXIT_CODES_HELP}`;

const DESCRIBE_EXAMPLES = `
Examples:
  $ arazzo describe workflows/daytona-io-build-and-activate-snapshot-workflow.yml
  $ arazzo list flow.yml --json | jq '.workflows[].inputs'

Exit codes:
  0    the document was described
  2    the file cannot be read or parsed, or has no workflows (a document with errors is
       described as far as it can be, and its errors are listed)`;

const PROGRAM_EXAMPLES = `Examples:
  $ arazzo run workflows/daytona-io-build-and-activate-snapshot-workflow.yml \\
      --input apiToken=$DAYTONA_TOKEN --input name=my-snap --input imageName=ubuntu:22.04 --json
  $ arazzo lint workflows/*.yml
  $ arazzo describe flow.yml   the workflows, their inputs, steps and outputs
  $ arazzo test workflows/scenarios   the seeds' scenarios, offline
  $ arazzo run --help        more options and examples for one command`;

const LINT_EXAMPLES = `
Examples:
  $ arazzo lint workflows/*.yml
  $ arazzo lint 'flows/**/*.arazzo.yaml' --format json
  $ arazzo lint flow.yml --rule step-description-missing=off --rule 'schema-*=warn' --max-warnings 0
  $ arazzo lint flow.yml --format github      # annotations in a GitHub Actions log
  $ arazzo lint flow.yml --format sarif > arazzo.sarif
  $ arazzo lint flow.yml --offline            # remote sources: a warning, operation checks skipped
  $ arazzo lint flow.yml --fix                # apply the suggested fixes in place
  $ arazzo lint 'flows/*.yml' --quiet         # errors only
  $ arazzo rules                              # every rule id, its default severity and what it checks

Rule ids are the codes lint prints (e.g. step-output-undeclared); --rule id=off|info|warn|error.

Exit codes (lint):
  0    no errors (warnings allowed, unless more than --max-warnings)
  1    errors found, or too many warnings
  2    usage error: no such file, no file matches a pattern, a bad --rule`;

const GRAPH_EXAMPLES = `
Steps are nodes with their operation; edges are the next step, every goto/end/retry action with
its criteria as the label (a poll is a self-loop), dependsOn and sub-workflows are their own
boxes. Failure edges are dashed red, success edges solid. Mermaid renders natively on GitHub;
SVG is drawn in-process (Graphviz compiled to WebAssembly), no browser or system Graphviz needed.

Examples:
  $ arazzo graph workflows/daytona-io-build-and-activate-snapshot-workflow.yml
  $ arazzo graph flow.yml --workflow login --format dot | dot -Tpng > login.png
  $ arazzo graph flow.yml -o flow.svg          # the format from the extension: .mmd .md .dot .svg .json
  $ arazzo graph flow.yml --format json | jq '.edges[] | select(.outcome == "failure")'

Exit codes:
  0    the graph was written
  2    the file cannot be read, has errors (see arazzo lint), or no such workflow`;

const RULES_EXAMPLES = `
Examples:
  $ arazzo rules
  $ arazzo rules --json | jq -r '.[] | select(.severity == "off") | .id'

Set a rule with --rule <id>=off|info|warn|error (lint and run) or under rules: in arazzo.config.yaml.`;

/** arazzo.config.yaml: found upward from the working directory unless named or turned off. */
function withConfigOptions(command: Command): Command {
  return command
    .addOption(new Option('--config <file>', 'settings file to use instead of the nearest arazzo.config.yaml').env('ARAZZO_CONFIG'))
    .addOption(new Option('--no-config', 'ignore arazzo.config.yaml'))
    .addOption(new Option('--env <name>', 'use this environment of the config file (its keys override the base)').env('ARAZZO_ENV'));
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  boundRegexBacktracking();
  const crashes = io.stdout === process.stdout ? guardProcess(io, argv) : undefined;
  const atLeastFailedAfterCrash = (code: number): number => (crashes?.failed() && code === EXIT.ok ? EXIT.failed : code);
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('arazzo')
    .description('Run, lint, test and serve Arazzo workflows (1.0.x; 1.1 in part).')
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run arazzo --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText('after', `\n${PROGRAM_EXAMPLES}\n\n${EXIT_CODES_HELP}`);

  const run = addTransportOptions(addSourceOptions(program
    .command('run')))
    .description('Run a workflow: send its requests, follow its actions, print its outputs.')
    .argument('<files...>', 'Arazzo documents (YAML or JSON); several run one after another')
    .option('-w, --workflow <id>', 'workflowId to run (optional when the file has one workflow)')
    .option('-a, --all', 'run every workflow of each file, one after another')
    .option('-i, --input <name=value>', 'a workflow input; repeatable; typed by the inputs schema', collect, [])
    .option('-s, --server <[source=]url>', 'replace a source description\'s server URL (a URL ending in / replaces its base path too; no name needed with one source); repeatable', collect, [])
    .option('--server-variable <name=value>', 'set an OpenAPI server URL variable (e.g. region=eu-frankfurt-1); repeatable', collect, [])
    .addOption(new Option('--poll-interval <duration>', 'wait between iterations of a step that goes to itself').default(durationText(RUN_DEFAULTS.pollIntervalMs)).env('ARAZZO_POLL_INTERVAL'))
    .addOption(new Option('--max-steps <n>', 'budget of step executions for the whole run').default(String(RUN_DEFAULTS.maxSteps)).env('ARAZZO_MAX_STEPS'))
    .addOption(new Option('--timeout <duration>', 'wall-clock budget of the whole run').env('ARAZZO_TIMEOUT'))
    .addOption(new Option('--request-timeout <duration>', 'deadline of each HTTP request: connect, headers and the whole body').default(durationText(RUN_DEFAULTS.requestTimeoutMs)).env('ARAZZO_REQUEST_TIMEOUT'))
    .addOption(new Option('--max-response-bytes <size>', 'largest response body read into memory (e.g. 512KiB, 50MB)').default(`${RUN_DEFAULTS.maxResponseBytes / 1024 / 1024}MiB`).env('ARAZZO_MAX_RESPONSE_BYTES'))
    .addOption(new Option('--max-retry-after <duration>', 'longest wait a Retry-After header may ask for').default(durationText(RUN_DEFAULTS.maxRetryAfterMs)).env('ARAZZO_MAX_RETRY_AFTER'))
    .option('--response-checks <mode>', 'check responses against the description (status, content type, schema): off, warn or error (error fails the step)', 'warn')
    .option('--auth <source.scheme=value>', 'a credential for a security scheme of a source (also ARAZZO_AUTH_<SOURCE>_<SCHEME>); repeatable', collect, [])
    .option('--inputs <file>', 'read inputs from a JSON or YAML file ("-" for stdin); repeatable', collect, [])
    .option('--json', 'print one JSON result object on stdout')
    .option('--dry-run', 'check everything, print the first request of each workflow, send nothing')
    .option('-r, --rule <id=severity>', 'set a rule to off, info, warn or error before running; repeatable', collect, [])
    .option('--fail-on-end <action>', 'exit 1 when a success end action ends the run: "all" or an action name; repeatable', collect, [])
    .option('--report <kind=path>', 'write a report: junit=<path>, json=<path>, har=<path> or graph=<path.svg|.mmd|.dot> (the workflow drawn with what ran); repeatable', collect, [])
    .option('--har <path>', 'write every HTTP exchange (masked) as a HAR file')
    .option('--record <scenario.yaml>', 'write what the run sent and received as an "arazzo test" scenario (masked), to replay offline')
    .option('--log-level <level>', 'log the run with pino on stderr: trace, debug, info, warn, error, silent')
    .option('--log-format <format>', 'log format: json (default) or pretty')
    .option('-v, --verbose', 'show each request and response: headers and bodies, truncated and masked')
    .option('--state-file <path>', 'write the run down after every step (no secrets), so "arazzo resume <path>" can continue it')
    .addOption(new Option('--no-mask', 'show secrets in clear (debugging only)'))
    .addOption(new Option('--no-color', 'never use colour (also: plain progress lines)'))
    .addHelpText('after', `${RUN_EXAMPLES}${SOURCE_HELP}`);
  withConfigOptions(run).action(async (files: string[], options: Record<string, unknown>, command: Command) => {
    const [{ applyConfig }, { runCommand }] = await Promise.all([import('./apply-config.js'), import('./run-command.js')]);
    const merged = await applyConfig('run', options, (key) => command.getOptionValueSource(key), io);
    exitCode = typeof merged === 'number' ? merged : await runCommand(files, merged, io);
  });

  addTransportOptions(program
    .command('resume'))
    .description('Continue a run written down by "arazzo run --state-file" where it stopped.')
    .argument('<state-file>', 'the file given to arazzo run --state-file')
    .option('-i, --input <name=value>', 'a secret input of the run, given again (secrets are never written down); repeatable', collect, [])
    .option('--inputs <file>', 'read those inputs from a JSON or YAML file; repeatable', collect, [])
    .option('--auth <source.scheme=value>', 'a credential of the run, given again (as for run); repeatable', collect, [])
    .option('--resend-in-flight', 'send again a non-idempotent request (e.g. POST) that was in flight when the run stopped')
    .option('--json', 'print one JSON result object on stdout (with resumedAt)')
    .option('-v, --verbose', 'show each request and response: headers and bodies, truncated and masked')
    .addOption(new Option('--no-mask', 'show secrets in clear (debugging only)'))
    .addOption(new Option('--no-color', 'never use colour (also: plain progress lines)'))
    .addHelpText('after', RESUME_EXAMPLES)
    .action(async (file: string, options: Record<string, unknown>) => {
      const { resumeCommand } = await import('./resume-command.js');
      exitCode = await resumeCommand(file, options, io);
    });

  addSourceOptions(program
    .command('describe'))
    .alias('list')
    .description('Show the workflows of a document: inputs (type, required, description), outputs and steps.')
    .argument('<file>', 'Arazzo document (YAML or JSON)')
    .option('--json', 'print the description as JSON')
    .addOption(new Option('--no-color', 'never use colour'))
    .addHelpText('after', DESCRIBE_EXAMPLES)
    .action(async (file: string, options: Record<string, unknown>) => {
      const { describeCommand } = await import('./describe-command.js');
      exitCode = await describeCommand(file, options, io);
    });

  const lint = addSourceOptions(program
    .command('lint'))
    .description('Check workflow files without sending anything.')
    .argument('<files...>', 'Arazzo documents or glob patterns')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'github', 'sarif', 'junit']).default('stylish'))
    .option('-r, --rule <id=severity>', 'set a rule to off, info, warn or error; repeatable; "prefix-*" for a family', collect, [])
    .option('--json', 'same as --format json')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings (warnings hidden by --quiet count too)')
    .option('-q, --quiet', 'report errors only')
    .option('--fix', 'apply the suggested fixes to the files, keeping comments and layout, then report what is left')
    .addOption(new Option('--no-color', 'never use colour'))
    .addHelpText('after', `${LINT_EXAMPLES}${SOURCE_HELP}`);
  withConfigOptions(lint).action(async (files: string[], options: Record<string, unknown>, command: Command) => {
    const [{ applyConfig }, { lintCommand }] = await Promise.all([import('./apply-config.js'), import('./lint-command.js')]);
    const merged = await applyConfig('lint', options, (key) => command.getOptionValueSource(key), io);
    exitCode = typeof merged === 'number' ? merged : await lintCommand(files, merged, io);
  });

  program
    .command('test')
    .description('Run scenario files: each workflow against the responses its scenario scripts, offline, checked against what it expects.')
    .argument('[paths...]', 'scenario files (*.scenario.yaml) or folders holding them (default: .)')
    .option('--json', 'print {passed, failed, scenarios: [{name, file, passed, differences, unscripted}]} (same as --format json)')
    .option('--format <format>', 'what stdout gets: human (default), json or tap (TAP version 14)')
    .option('--report <kind=path>', 'also write junit=<path>, tap=<path> or json=<path>; repeatable', collect, [])
    .addOption(new Option('--no-color', 'never use colour'))
    .addHelpText('after', TEST_EXAMPLES)
    .action(async (paths: string[], options: Record<string, unknown>) => {
      const { testCommand } = await import('./test-command.js');
      exitCode = await testCommand(paths, options, io, (args, callIo) => main(args, callIo));
    });

  program
    .command('mock')
    .description('Serve the operations a document\'s workflows call on 127.0.0.1: from a scenario, else from the description\'s examples.')
    .argument('<file>', 'Arazzo document')
    .option('-w, --workflow <id>', 'only the operations of this workflow (default: every workflow of the file)')
    .option('--scenario <file>', 'answer with this scenario\'s scripted responses (see arazzo test)')
    .option('-p, --port <n>', 'port on 127.0.0.1 (default: any free port, printed on stdout)')
    .addOption(new Option('--no-color', 'never use colour'))
    .addHelpText('after', MOCK_EXAMPLES)
    .action(async (file: string, options: Record<string, unknown>) => {
      const { mockCommand } = await import('./mock-command.js');
      exitCode = await mockCommand(file, options, io);
    });

  addTransportOptions(program
    .command('mcp'))
    .description('Serve the workflows of the files as Model Context Protocol tools on stdio (one tool per workflow).')
    .argument('<files...>', 'Arazzo documents whose workflows become tools')
    .option('-s, --server <[source=]url>', 'replace a source description\'s server URL for every call (as for run); repeatable', collect, [])
    .option('--server-variable <name=value>', 'set an OpenAPI server URL variable (as for run); repeatable', collect, [])
    .option('--inputs <file>', 'inputs for every call, secret ones included (the caller\'s values win for the others); repeatable', collect, [])
    .option('--auth <source.scheme=value>', 'a credential for a security scheme (also ARAZZO_AUTH_<SOURCE>_<SCHEME>); repeatable', collect, [])
    .option('--max-steps <n>', 'budget of step executions per call')
    .option('--timeout <duration>', 'wall-clock budget of each call')
    .option('--poll-interval <duration>', 'wait between iterations of a step that goes to itself')
    .option('--request-timeout <duration>', 'deadline of each HTTP request')
    .addHelpText('after', MCP_EXAMPLES)
    .action(async (files: string[], options: Record<string, unknown>) => {
      if ((options.inputs as string[]).includes('-')) throw new UsageError('arazzo mcp cannot read --inputs from stdin: stdin carries the protocol', 'Give a file: --inputs secrets.yaml.');
      const { mcpCommand } = await import('../mcp/mcp-command.js');
      exitCode = await mcpCommand(files, options, io, (args, callIo) => main(args, callIo));
    });

  addQueueCommands(program, io, (code) => (exitCode = code), (args, callIo) => main(args, callIo));

  addSourceOptions(program
    .command('graph'))
    .description('Draw a workflow\'s control flow: Mermaid, Graphviz DOT, SVG or JSON.')
    .argument('<file>', 'Arazzo document (YAML or JSON)')
    .option('-w, --workflow <id>', 'workflowId to draw (optional when the file has one workflow)')
    .addOption(new Option('-f, --format <format>', 'output format (default: from -o\'s extension, else mermaid)').choices(['mermaid', 'dot', 'svg', 'json']))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addOption(new Option('--no-color', 'never use colour'))
    .addHelpText('after', `${GRAPH_EXAMPLES}${SOURCE_HELP}`)
    .action(async (file: string, options: Record<string, unknown>) => {
      const { graphCommand } = await import('./graph-command.js');
      exitCode = await graphCommand(file, options, io);
    });

  program
    .command('rules')
    .description('List every rule id with its default severity and a one-line description.')
    .option('--json', 'print the rules as a JSON array')
    .addOption(new Option('--no-color', 'never use colour'))
    .addHelpText('after', RULES_EXAMPLES)
    .action(async (options: Record<string, unknown>) => {
      const { rulesCommand } = await import('./rules-command.js');
      exitCode = rulesCommand(options, io);
    });

  addCompletionCommand(program, io);
  addHelpCommand(program);

  try {
    await program.parseAsync(joinReportValues(argv), { from: 'user' });
    return atLeastFailedAfterCrash(exitCode);
  } catch (error) {
    return atLeastFailedAfterCrash(handleError(error, io, argv));
  }
}

function handleError(error: unknown, io: CliIo, argv: readonly string[]): number {
  if (error instanceof CommanderError) {
    // Help shown because no command was given comes with exitCode 1: a usage error, unlike --help.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    if (error.code === 'commander.help' && error.exitCode === 0) return EXIT.ok;
    return EXIT.invalid;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`error: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`);
    return EXIT.invalid;
  }
  reportInternalError(error, io, isVerbose(argv));
  return EXIT.failed;
}
