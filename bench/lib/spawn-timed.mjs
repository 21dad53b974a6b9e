/** Child processes for the benchmarks: wall time, CPU time and peak RSS of a whole process. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPORT_USAGE = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));

/**
 * Runs `node [--import report-usage] ...args` to completion. Resolves with its exit code,
 * output, wall time (ms), CPU time (ms, user + system, all threads) and peak RSS (MB).
 */
export function runNode(args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', REPORT_USAGE, ...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const errText = Buffer.concat(stderr).toString('utf8');
      const usage = /BENCH_USAGE cpu_us=(\d+) max_rss_kb=(\d+)/.exec(errText);
      resolve({
        code,
        ms,
        cpuMs: usage ? Number(usage[1]) / 1000 : Number.NaN,
        maxRssMb: usage ? Number(usage[2]) / 1024 : Number.NaN,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: errText,
      });
    });
  });
}

/** Like runNode, but an exit code other than the expected one (default 0) is a broken benchmark. */
export async function runNodeChecked(args, options = {}) {
  const result = await runNode(args, options);
  const expected = options.expectCode ?? 0;
  if (result.code !== expected) {
    throw new Error(`node ${args.join(' ')} exited ${result.code} (expected ${expected})\n${result.stderr.slice(-2000)}`);
  }
  return result;
}
