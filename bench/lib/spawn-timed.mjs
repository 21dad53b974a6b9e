/** Child processes for the benchmarks: wall time of a whole process, and collected output. */
import { spawn } from 'node:child_process';

/** Runs a command to completion; resolves with its exit code, output and wall time in ms. */
export function runTimed(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ code, ms, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** Like runTimed, but a non-zero exit (other than the expected one) is a broken benchmark. */
export async function runChecked(command, args, options = {}) {
  const result = await runTimed(command, args, options);
  const expected = options.expectCode ?? 0;
  if (result.code !== expected) {
    throw new Error(`${[command, ...args].join(' ')} exited ${result.code} (expected ${expected})\n${result.stderr.slice(-2000)}`);
  }
  return result;
}
