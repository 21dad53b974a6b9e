/**
 * The engine hands its run signal to every request, which would cut the request in flight on the
 * first Ctrl-C. Here requests listen to the second-stage signal instead, so a stop lets the
 * request in flight finish (and be reported) before the run ends.
 */
import type { HttpPort } from '../engine/ports.js';

export function interruptOnlyOn(port: HttpPort, hard: AbortSignal): HttpPort {
  return {
    send: (request, options = {}) => port.send(request, { ...options, signal: hard }),
  };
}
