/**
 * The CLI in this process: `main(argv, io)` with captured stdout and stderr, the same options and
 * result shape as the spawned `runCli`, and no build. End-to-end tests use this; only what needs
 * a real process (signals, a pseudo-terminal, bin/ itself, the built package) spawns one.
 *
 * The environment is exactly NO_COLOR=1 plus `options.env` (nothing inherited from the machine
 * running the tests), stdin is `options.stdin` (empty by default) and stdout is not a TTY.
 */
import { main } from '../../src/cli/main.js';
import { repoRoot, type CliOptions, type CliRun } from './run-cli.js';

export async function runCliInProcess(args: readonly string[], options: CliOptions = {}): Promise<CliRun & { code: number }> {
  let stdout = '';
  let stderr = '';
  const env: Record<string, string> = { NO_COLOR: '1' };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    env,
    cwd: options.cwd ?? repoRoot,
    readStdin: async () => options.stdin ?? '',
  });
  return { code, signal: null, stdout, stderr };
}
