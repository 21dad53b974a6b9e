/** The transport flags' definitions, kept apart from transport-options.ts so defining them loads no HTTP client. */
import type { Command } from 'commander';
import { collect } from './parse-cli-values.js';

/** Transport flags: one definition for every command that sends requests (run, resume, worker). */
export function addTransportOptions(command: Command): Command {
  return command
    .option('--insecure', 'do not verify TLS certificates, also when downloading sources (local test servers only)')
    .option('--proxy <url>', 'send requests and source downloads through this HTTP proxy (default: HTTP_PROXY/HTTPS_PROXY, minus NO_PROXY)')
    .option('--cert <[source=]path>', 'client certificate (PEM) for mTLS, for all sources or one; repeatable', collect, [])
    .option('--key <[source=]path>', 'private key (PEM) of the client certificate; repeatable', collect, [])
    .option('--ca <[source=]path>', 'extra certificate authority (PEM) to trust, on top of the public ones; repeatable', collect, [])
    .option('--sign <source=signer>', 'sign a source\'s requests: <source>=oci[:profile] (~/.oci/config) or <source>=aws:<service>/<region> (SigV4); repeatable', collect, []);
}
