/**
 * A private mosquitto (Debian's package, installed by .ci/run) on a free 127.0.0.1 port, anonymous,
 * no persistence, for the AsyncAPI MQTT tests (issue 14). Stopped with SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accepts, freePort, stopChild } from './local-service.js';

export interface Mosquitto {
  url: string;
  stop(): Promise<void>;
}

const BINARY = ['/usr/sbin/mosquitto', 'mosquitto'];

export async function startMosquitto(): Promise<Mosquitto> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arazzo-mosquitto-'));
  const port = await freePort();
  const config = path.join(dir, 'mosquitto.conf');
  writeFileSync(config, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\nlog_type all\n`);
  const { existsSync } = await import('node:fs');
  const binary = BINARY.find((candidate) => !candidate.startsWith('/') || existsSync(candidate)) ?? 'mosquitto';
  const child = spawn(binary, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let failed: Error | undefined;
  child.once('error', (error) => (failed = new Error(`mosquitto could not be started (is Debian's mosquitto installed? .ci/run installs it): ${error.message}`)));
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  // Up once it accepts connections: its "Opening ipv4 listen socket" line comes before the socket listens.
  const deadline = Date.now() + 15_000;
  while (!(await accepts(port))) {
    if (failed) throw failed;
    if (child.exitCode !== null) throw new Error(`mosquitto exited with ${String(child.exitCode)}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`mosquitto did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
