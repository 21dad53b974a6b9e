/** The CLI in-process (`main(argv, io)`): exit code, stdout and stderr, without a build. */
import { main } from '../../../src/cli/main.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(argv: readonly string[], cwd = process.cwd()): Promise<MainRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { NO_COLOR: '1' },
    cwd,
  });
  return { code, stdout, stderr };
}
