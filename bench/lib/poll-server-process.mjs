/** Starts bench/poll-server-child.mjs and talks to it: its URL, arm(n), close(). */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('../poll-server-child.mjs', import.meta.url));

export async function startPollServerProcess() {
  // stdin is a pipe so the server exits when the bench process dies, however it dies.
  const child = spawn(process.execPath, [CHILD], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffered = '';
  child.stdout.setEncoding('utf8');
  while (!buffered.includes('\n')) {
    const [chunk] = await Promise.race([once(child.stdout, 'data'), once(child, 'exit').then(() => { throw new Error('poll server exited early'); })]);
    buffered += chunk;
  }
  const { url } = JSON.parse(buffered.split('\n')[0]);
  return {
    url,
    async arm(after) {
      const response = await fetch(`${url}/arm?after=${after}`, { method: 'POST' });
      if (!response.ok) throw new Error(`arm failed: ${response.status}`);
      await response.arrayBuffer();
    },
    async close() {
      child.stdin.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
