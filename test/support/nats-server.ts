/** A private nats-server (Debian's package, installed by .ci/run) on a free 127.0.0.1 port, for the AsyncAPI NATS tests. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { accepts, freePort, stopChild } from './local-service.js';

export interface NatsServer {
  url: string;
  stop(): Promise<void>;
}

export async function startNatsServer(): Promise<NatsServer> {
  const port = await freePort();
  const binary = existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server';
  const child = spawn(binary, ['-a', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let failed: Error | undefined;
  child.once('error', (error) => (failed = new Error(`nats-server could not be started (is Debian's nats-server installed? .ci/run installs it): ${error.message}`)));
  const deadline = Date.now() + 15_000;
  while (!(await accepts(port))) {
    if (failed) throw failed;
    if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('nats-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      await stopChild(child);
    },
  };
}
