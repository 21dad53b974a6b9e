/** Runs the poll server in its own process (so it does not share the client's CPU) and prints its URL. */
import { startPollServer } from './lib/poll-server.mjs';

const server = await startPollServer();
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
