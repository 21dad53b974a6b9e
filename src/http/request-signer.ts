/** A request signer: the last step before a request leaves (composed into the HttpPort per source). */
import type { HttpRequest } from '../engine/ports.js';

export type RequestSigner = (request: HttpRequest) => HttpRequest;
