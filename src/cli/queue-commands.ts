/**
 * The commands of runs on a queue (issue 15): submit, worker, status, runs, cancel. BullMQ and
 * ioredis are imported only when one of them runs.
 */
import { Command, Option } from 'commander';
import type { CliIo } from './cli-io.js';
import { collect } from './parse-cli-values.js';
import { addTransportOptions } from './transport-flags.js';

const REDIS_HELP = 'Redis URL (redis://[user:password@]host:port[/db], rediss:// for TLS)';

const QUEUE_EXAMPLES = `
Examples:
  $ arazzo worker --redis redis://127.0.0.1:6379 --concurrency 10
  $ ARAZZO_INPUT_API_TOKEN=… arazzo submit workflows/daytona-io-build-and-activate-snapshot-workflow.yml --input snapshotName=demo
  $ arazzo submit flow.yml --input id=42 --wait --json | jq .outputs
  $ arazzo submit flow.yml --report junit=results.xml        # kept with the result
  $ arazzo status 17 --report junit=results.xml              # written once the run ended
  $ arazzo status 17 --json
  $ arazzo runs --state delayed --state active
  $ arazzo cancel 17

Secret inputs are never written to Redis: each worker takes them from its own environment
(ARAZZO_INPUT_<NAME>). submit needs none of them (one given where you submit is checked, then
left out); every other input is checked before anything is enqueued.`;

/** SIGTERM or SIGINT for a real process; the io's signal when the CLI runs in-process. */
export function stopRequested(io: CliIo): Promise<void> {
  return new Promise((resolve) => {
    if (io.signal) {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
}

type SetExit = (code: number) => void;
type RunCli = (argv: readonly string[], io: CliIo) => Promise<number>;

function withQueueOptions(command: Command): Command {
  return command
    .addOption(new Option('--redis <url>', REDIS_HELP).env('ARAZZO_REDIS'))
    .option('-q, --queue <name>', 'queue name (default: arazzo)');
}

export function addQueueCommands(program: Command, io: CliIo, setExit: SetExit, runCli: RunCli): void {
  withQueueOptions(program.command('submit'))
    .description('Check a run as "arazzo run" would, then put it on a queue for "arazzo worker"; prints its run id.')
    .argument('<file>', 'Arazzo document (YAML or JSON); it travels with the run, with its OpenAPI files')
    .option('-w, --workflow <id>', 'workflowId to run (optional when the file has one workflow)')
    .option('-i, --input <name=value>', 'a workflow input; repeatable (secret ones are checked, not enqueued)', collect, [])
    .option('--inputs <file>', 'read inputs from a JSON or YAML file ("-" for stdin); repeatable', collect, [])
    .option('-s, --server <[source=]url>', 'replace a source description\'s server URL (as for run); repeatable', collect, [])
    .option('--server-variable <name=value>', 'set an OpenAPI server URL variable; repeatable', collect, [])
    .addOption(new Option('--poll-interval <duration>', 'wait between iterations of a step that goes to itself').env('ARAZZO_POLL_INTERVAL'))
    .addOption(new Option('--max-steps <n>', 'budget of step executions for the whole run').env('ARAZZO_MAX_STEPS'))
    .addOption(new Option('--timeout <duration>', 'wall-clock budget of the whole run').env('ARAZZO_TIMEOUT'))
    .addOption(new Option('--request-timeout <duration>', 'deadline of each HTTP request').env('ARAZZO_REQUEST_TIMEOUT'))
    .option('--response-checks <mode>', 'check responses against the description: off, warn or error')
    .option('--report <kind=path>', 'keep a json, junit or har report with the result (written to path with --wait; later: status --report); repeatable', collect, [])
    .option('--har <path>', 'keep a HAR of every exchange (as --report har=path)')
    .option('--keep <duration>', 'how long the result stays retrievable after the run ends (e.g. 24h)', '168h')
    .option('--wait', 'follow the run to its end; print its outputs and exit 0/1 like run')
    .option('--json', 'print one JSON object on stdout')
    .addOption(new Option('--no-color', 'never use colour'))
    .addHelpText('after', QUEUE_EXAMPLES)
    .action(async (file: string, options: Record<string, unknown>) => {
      const { submitCommand } = await import('../queue/submit-command.js');
      setExit(await submitCommand(file, options, io));
    });

  addTransportOptions(withQueueOptions(program.command('worker')))
    .description('Run the workflows submitted to a queue, several at a time, until SIGTERM.')
    .option('-c, --concurrency <n>', 'runs at a time in this process', '4')
    .option('--park-after <duration>', 'a wait this long or longer becomes a delayed job (frees the slot)', '1s')
    .option('--lock-duration <duration>', 'how long a run of a dead worker stays locked before another worker resumes it', '30s')
    .option('--drain-timeout <duration>', 'on SIGTERM, how long runs may take to reach their next wait', '10s')
    .option('--limit <source=n/s>', 'at most n requests per second to a source description, across every worker with the same limit; repeatable', collect, [])
    .addHelpText('after', QUEUE_EXAMPLES)
    .action(async (options: Record<string, unknown>) => {
      const { workerCommand } = await import('../queue/worker-command.js');
      setExit(await workerCommand(options, io, { runCli, stop: stopRequested(io), ...(io.stdout === process.stdout ? { hardExit: (code: number) => process.exit(code) } : {}) }));
    });

  withQueueOptions(program.command('status'))
    .description('Show a queued run: its state, and its status and outputs once it ended.')
    .argument('<runId>', 'the id arazzo submit printed')
    .option('--wait', 'follow the run to its end; print its outputs and exit 0/1 like run')
    .option('--json', 'print one JSON object on stdout')
    .option('--report <kind=path>', 'write a report the run kept (submit --report) to path; repeatable', collect, [])
    .option('--har <path>', 'write the HAR the run kept (as --report har=path)')
    .action(async (runId: string, options: Record<string, unknown>) => {
      const { statusCommand } = await import('../queue/status-command.js');
      setExit(await statusCommand(runId, options, io));
    });

  withQueueOptions(program.command('runs'))
    .description('List the runs of a queue (newest first within each state).')
    .option('--state <state>', 'waiting, active, delayed, completed, failed or prioritized; repeatable', collect, [])
    .option('--limit <n>', 'at most this many per state', '100')
    .option('--json', 'print a JSON array on stdout')
    .action(async (options: Record<string, unknown>) => {
      const { runsCommand } = await import('../queue/status-command.js');
      setExit(await runsCommand(options, io));
    });

  withQueueOptions(program.command('cancel'))
    .description('Cancel a queued run: removed if waiting or delayed, stopped after its current step if running.')
    .argument('<runId>', 'the id arazzo submit printed')
    .action(async (runId: string, options: Record<string, unknown>) => {
      const { cancelCommand } = await import('../queue/status-command.js');
      setExit(await cancelCommand(runId, options, io));
    });
}
