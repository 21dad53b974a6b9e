/**
 * A private mosquitto (Debian's package, installed by .ci/run) on a free 127.0.0.1 port, anonymous,
 * no persistence, for the AsyncAPI MQTT tests (issue 14). Stopped with SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, stopChild } from './local-service.js';

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
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mosquitto did not start:\n${output}`)), 15_000);
    child.once('error', (error) => reject(new Error(`mosquitto could not be started (is Debian's mosquitto installed? .ci/run installs it): ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`mosquitto exited with ${String(code)}:\n${output}`)));
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/running|Opening ipv4 listen socket/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  return {
    url: `mqtt://127.0.0.1:${port}`,
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
