/**
 * The composition root: the commander program, --help with examples, --version, and the one
 * place that turns outcomes into exit codes. Commands are imported only when they run.
 */
import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { processIo, type CliIo } from './cli-io.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { collect, UsageError } from './parse-cli-values.js';

const RUN_EXAMPLES = `
Examples:
  $ arazzo run workflows/daytona-io-build-and-activate-snapshot-workflow.yml \\
      --input apiToken=$DAYTONA_TOKEN --input name=my-snap --input imageName=ubuntu:22.04
  $ arazzo run flow.yml --workflow login --server petStore=http://127.0.0.1:4010 --json
  $ arazzo run flow.yml --poll-interval 500ms --max-steps 200 --timeout 10m

${EXIT_CODES_HELP}`;

const PROGRAM_EXAMPLES = `Examples:
  $ arazzo run workflows/daytona-io-build-and-activate-snapshot-workflow.yml \\
      --input apiToken=$DAYTONA_TOKEN --input name=my-snap --input imageName=ubuntu:22.04 --json
  $ arazzo lint workflows/*.yml
  $ arazzo run --help        more options and examples for one command`;

const LINT_EXAMPLES = `
Examples:
  $ arazzo lint workflows/*.yml
  $ arazzo lint flow.yml --format json

${EXIT_CODES_HELP}`;

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('arazzo')
    .description('Run and lint Arazzo 1.0.1 workflows.')
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run arazzo --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText('after', `\n${PROGRAM_EXAMPLES}\n\n${EXIT_CODES_HELP}`);

  program
    .command('run')
    .description('Run a workflow: send its requests, follow its actions, print its outputs.')
    .argument('<file>', 'Arazzo document (YAML or JSON)')
    .option('-w, --workflow <id>', 'workflowId to run (optional when the file has one workflow)')
    .option('-i, --input <name=value>', 'a workflow input; repeatable; typed by the inputs schema', collect, [])
    .option('-s, --server <source=url>', 'replace a source description\'s server URL; repeatable', collect, [])
    .option('--server-variable <name=value>', 'set an OpenAPI server URL variable (e.g. region=eu-frankfurt-1); repeatable', collect, [])
    .option('--poll-interval <duration>', 'wait between iterations of a step that goes to itself', '2s')
    .option('--max-steps <n>', 'budget of step executions for the whole run', '1000')
    .option('--timeout <duration>', 'wall-clock budget of the whole run')
    .option('--request-timeout <duration>', 'timeout of each HTTP request', '30s')
    .option('--json', 'print one JSON result object on stdout')
    .addOption(new Option('--no-color', 'never use colour'))
    .option('-v, --verbose', 'show each request and response (secrets masked)')
    .addHelpText('after', RUN_EXAMPLES)
    .action(async (file: string, options: Record<string, unknown>) => {
      const { runCommand } = await import('./run-command.js');
      exitCode = await runCommand(file, options, io);
    });

  program
    .command('lint')
    .description('Check workflow files without sending anything.')
    .argument('<files...>', 'Arazzo documents')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .addOption(new Option('--no-color', 'never use colour'))
    .addHelpText('after', LINT_EXAMPLES)
    .action(async (files: string[], options: Record<string, unknown>) => {
      const { lintCommand } = await import('./lint-command.js');
      exitCode = await lintCommand(files, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

function handleError(error: unknown, io: CliIo): number {
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
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  io.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  io.stderr.write(verbose && error instanceof Error && error.stack ? `${error.stack}\n` : 'This is a bug in arazzo; run again with --verbose for the stack trace and report it.\n');
  return EXIT.failed;
}
