/**
 * A private RabbitMQ (Debian's rabbitmq-server, installed by .ci/run) on free 127.0.0.1 ports, with
 * its own node name and data folder. Debian's wrapper runs the broker as the rabbitmq user, so the
 * folder is world-writable. Starting takes a few seconds: one broker per test file. Stopped with
 * SIGTERM to the broker's own pid (from its pid file).
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accepts, freePort, stopChild } from './local-service.js';

export interface RabbitMq {
  url: string;
  stop(): Promise<void>;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, run as the rabbitmq user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function startRabbitMq(): Promise<RabbitMq> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arazzo-rabbitmq-'));
  chmodSync(dir, 0o777);
  const plugins = path.join(dir, 'enabled_plugins');
  writeFileSync(plugins, '[].\n', { mode: 0o666 });
  const port = await freePort();
  const distPort = await freePort();
  const name = `arazzo-test-${port}`;
  const pidFile = path.join(dir, 'rabbit.pid');
  const binary = existsSync('/usr/sbin/rabbitmq-server') ? '/usr/sbin/rabbitmq-server' : 'rabbitmq-server';
  const child = spawn(binary, [], {
    env: {
      ...process.env,
      RABBITMQ_NODE_PORT: String(port),
      RABBITMQ_DIST_PORT: String(distPort),
      RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
      RABBITMQ_NODENAME: `${name}@localhost`,
      RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
      RABBITMQ_LOG_BASE: path.join(dir, 'log'),
      RABBITMQ_ENABLED_PLUGINS_FILE: plugins,
      RABBITMQ_PID_FILE: pidFile,
    },
    stdio: 'ignore',
  });
  let failed: Error | undefined;
  child.once('error', (error) => (failed = new Error(`rabbitmq-server could not be started (is Debian's rabbitmq-server installed? .ci/run installs it): ${error.message}`)));
  const deadline = Date.now() + 60_000;
  while (!(await accepts(port))) {
    if (failed) throw failed;
    if (child.exitCode !== null) throw new Error(`rabbitmq-server exited with ${child.exitCode} (logs in ${dir}/log)`);
    if (Date.now() > deadline) throw new Error(`rabbitmq-server did not start within 60 s (logs in ${dir}/log)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `amqp://guest:guest@127.0.0.1:${port}`,
    async stop() {
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : undefined;
      if (pid) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // already gone
        }
        // Gone, not just closed to clients: the broker still writes its message stores after that.
        const until = Date.now() + 15_000;
        while (Date.now() < until && alive(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}
