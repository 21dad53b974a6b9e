/**
 * Arazzo 1.1.0 §Step Object (channelPath, operationId/operationPath of an `asyncapi` source, action,
 * correlationId): where an AsyncAPI step sends or receives — the channel address, the broker's URL
 * and protocol, and where the messages carry their correlation id. Pure: the AsyncAPI document
 * (2.6 or 3.0, as parsed) in, a channel or a problem out. Local `$ref`s (`#/…`) are followed.
 */
import { unescapePointerToken, type Problem } from '../diagnostics/diagnostic.js';
import { isObject, ownField } from '../document/model.js';
import type { ServerVariable } from './operation.js';
import { fillServerVariables, serverVariableNames } from './server-variables.js';

export interface AsyncChannel {
  /** The source description's name. */
  source: string;
  /** Topic / subject / routing key; `{name}` parameters filled at run time. */
  address: string;
  action: 'send' | 'receive';
  /** Lower-cased, e.g. mqtt, amqp, nats, ws, kafka. */
  protocol: string;
  /** e.g. mqtt://127.0.0.1:1883 */
  serverUrl: string;
  /** The message's correlationId location, e.g. `$message.header#/orderRequestId`. */
  correlationLocation?: string;
  contentType?: string;
  /** AMQP: the exchange the channel's amqp binding names (`bindings.amqp.exchange.name`). */
  exchange?: string;
  /** The server variables its server URL can take (--server-variable names). */
  serverVariables?: string[];
}

export interface AsyncStepReference {
  field: 'operationId' | 'operationPath' | 'channelPath';
  text: string;
}

type Resolved = { ok: true; channel: AsyncChannel } | { ok: false; problem: Problem };

const fail = (message: string, hint?: string): Resolved => ({ ok: false, problem: { code: 'asyncapi-step-unsupported', message, ...(hint ? { hint } : {}) } });

/** One token of a URI fragment JSON Pointer: percent-decoded (a malformed escape is kept as written), then ~1 and ~0. */
function fragmentToken(token: string): string {
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // '%' not followed by two hex digits: not an escape.
  }
  return unescapePointerToken(decoded);
}

function deref(root: unknown, value: unknown, depth = 0): unknown {
  const ref = isObject(value) ? ownField(value, '$ref') : undefined;
  if (typeof ref !== 'string' || !ref.startsWith('#/') || depth > 20) return value;
  let node: unknown = root;
  for (const token of ref.slice(2).split('/').map(fragmentToken)) node = isObject(node) ? ownField(node, token) : undefined;
  return deref(root, node, depth + 1);
}

const fragmentOf = (text: string): string | undefined => {
  const hash = text.indexOf('#');
  return hash < 0 ? undefined : text.slice(hash + 1);
};
const atPointer = (root: unknown, pointer: string): unknown => deref(root, { $ref: `#${pointer}` });

/** The operation (v3: operations map or operationId; v2: a publish/subscribe with that operationId). */
function findOperation(doc: Record<string, unknown>, id: string): { operation: Record<string, unknown>; channel?: unknown; channelName?: string } | undefined {
  const operations = ownField(doc, 'operations');
  if (isObject(operations)) {
    for (const [key, value] of Object.entries(operations)) {
      const operation = deref(doc, value);
      if (isObject(operation) && (key === id || ownField(operation, 'operationId') === id)) return { operation, channel: deref(doc, ownField(operation, 'channel')) };
    }
  }
  const channels = ownField(doc, 'channels');
  if (isObject(channels)) {
    for (const [name, value] of Object.entries(channels)) {
      const channel = deref(doc, value);
      for (const verb of ['publish', 'subscribe']) {
        const operation = isObject(channel) ? deref(doc, ownField(channel, verb)) : undefined;
        if (isObject(operation) && ownField(operation, 'operationId') === id) return { operation, channel, channelName: name };
      }
    }
  }
  return undefined;
}

function firstMessage(doc: unknown, operation: Record<string, unknown> | undefined, channel: unknown): Record<string, unknown> | undefined {
  const candidates = [operation ? ownField(operation, 'messages') : undefined, operation ? ownField(operation, 'message') : undefined, isObject(channel) ? ownField(channel, 'messages') : undefined];
  for (const candidate of candidates) {
    const list = Array.isArray(candidate) ? candidate : isObject(candidate) && ownField(candidate, '$ref') === undefined && ownField(candidate, 'payload') === undefined ? Object.values(candidate) : candidate ? [candidate] : [];
    const message = deref(doc, list[0]);
    if (isObject(message)) return message;
  }
  return undefined;
}

/**
 * The channel's (else the document's first) server as a URL: `url` (2.x) or host + pathname (3.0),
 * `{variables}` filled from --server-variable or their defaults.
 */
function serverOf(doc: Record<string, unknown>, channel: unknown, given: Readonly<Record<string, string>>, source: string): { url: string; protocol: string; variables: string[] } | { problem: Problem } | undefined {
  const servers = ownField(doc, 'servers');
  if (!isObject(servers)) return undefined;
  const listed = isObject(channel) ? ownField(channel, 'servers') : undefined;
  const entries = Array.isArray(listed) && listed.length > 0
    ? listed.map((item) => (typeof item === 'string' ? ownField(servers, item) : deref(doc, item)))
    : Object.values(servers).map((item) => deref(doc, item));
  for (const server of entries) {
    if (!isObject(server)) continue;
    const protocol = String(ownField(server, 'protocol') ?? '').toLowerCase();
    const url = ownField(server, 'url');
    const host = ownField(server, 'host');
    const pathname = ownField(server, 'pathname');
    const template = typeof url === 'string' ? (url.includes('://') ? url : `${protocol}://${url}`)
      : typeof host === 'string' ? `${protocol}://${host}${typeof pathname === 'string' ? pathname : ''}` : undefined;
    if (template === undefined) continue;
    const declared = { url: template, variables: serverVariables(doc, server) };
    const filled = fillServerVariables(declared, given, `pass --server ${source}=${protocol}://host:port`);
    return filled.ok ? { url: filled.url, protocol, variables: serverVariableNames(declared) } : { problem: filled.problem };
  }
  return undefined;
}

/** AsyncAPI Server Variable Objects (`default`, `enum`; a `$ref` followed). */
function serverVariables(doc: Record<string, unknown>, server: Record<string, unknown>): Record<string, ServerVariable> {
  const variables = deref(doc, ownField(server, 'variables'));
  const found: Record<string, ServerVariable> = {};
  if (!isObject(variables)) return found;
  for (const [name, raw] of Object.entries(variables)) {
    const variable = deref(doc, raw);
    if (!isObject(variable)) continue;
    const fallback = ownField(variable, 'default');
    const choices = ownField(variable, 'enum');
    found[name] = {
      ...(typeof fallback === 'string' ? { default: fallback } : {}),
      ...(Array.isArray(choices) ? { enum: choices.filter((c): c is string => typeof c === 'string') } : {}),
    };
  }
  return found;
}

const SOURCE_NAME = /\$sourceDescriptions\.([A-Za-z0-9_-]+)/;

/**
 * The loaded asyncapi source an AsyncAPI step names: its declared source, else the name in its
 * reference (a channelPath may be `{$sourceDescriptions.<name>.url}#/channels/…`).
 */
export function asyncSourceOf<Source extends { name: string; type: string }>(target: { source?: { name: string }; reference: AsyncStepReference }, sources: readonly Source[]): Source | undefined {
  const name = target.source?.name ?? SOURCE_NAME.exec(target.reference.text)?.[1];
  return name === undefined ? undefined : sources.find((source) => source.name === name && source.type === 'asyncapi');
}

/** The operation (if the reference names one), its channel and the channel's address. */
export type FoundChannel = { ok: true; operation?: Record<string, unknown>; channel: unknown; address: string } | { ok: false; problem: Problem };

/**
 * Where a step's reference points in the AsyncAPI document, nothing about servers: what lint can
 * check without --server (plan/compile-step.ts) and the first half of resolveAsyncChannel.
 */
export function findAsyncChannel(document: unknown, source: string, reference: AsyncStepReference): FoundChannel {
  const missing = (message: string, hint?: string): FoundChannel => ({ ok: false, problem: { code: 'asyncapi-step-unsupported', message, ...(hint ? { hint } : {}) } });
  if (!isObject(document) || (typeof ownField(document, 'asyncapi') !== 'string')) return missing(`source ${source} is not an AsyncAPI document`);
  const fragment = fragmentOf(reference.text);
  let operation: Record<string, unknown> | undefined;
  let channel: unknown;
  let channelName: string | undefined;
  if (fragment !== undefined) {
    const target = atPointer(document, fragment);
    if (!isObject(target)) return missing(`${reference.text} points at nothing in source ${source}`);
    if (/^\/channels\/[^/]+$/.test(fragment)) {
      channel = target;
      channelName = fragmentToken(fragment.split('/')[2]!);
    } else {
      operation = target;
      channel = deref(document, ownField(target, 'channel'));
    }
  } else {
    const id = reference.text.replace(/^\$sourceDescriptions\.[A-Za-z0-9_-]+\./, '');
    const found = findOperation(document, id);
    if (!found) return missing(`operation ${id} is not in the AsyncAPI source ${source}`, 'Name an operation of the AsyncAPI document (v3: a key of operations; v2: an operationId).');
    ({ operation, channel, channelName } = found);
  }
  const address = (isObject(channel) ? ownField(channel, 'address') : undefined) ?? channelName;
  if (typeof address !== 'string') return missing(`the channel of ${reference.text} has no address in source ${source}`);
  return { ok: true, ...(operation ? { operation } : {}), channel, address };
}

/** `variables`: --server-variable values, for `{name}` placeholders of the server's host and pathname. */
export function resolveAsyncChannel(document: unknown, source: string, reference: AsyncStepReference, action: 'send' | 'receive' | undefined, serverOverride?: string, variables: Readonly<Record<string, string>> = {}): Resolved {
  const found = findAsyncChannel(document, source, reference);
  if (!found.ok) return found;
  const { operation, channel, address } = found;
  if (!isObject(document)) return fail(`source ${source} is not an AsyncAPI document`);
  const declared = operation ? ownField(operation, 'action') : undefined;
  // AsyncAPI 3 describes the application's side and 2.x the client's (a known ambiguity, Arazzo
  // issue #563): the step's own `action` is what the runner does; without it nothing is guessed.
  const chosen = action ?? undefined;
  if (chosen === undefined) return fail(`step uses ${reference.text} without action: send or receive`, `Add action: send or action: receive (the AsyncAPI operation says "${String(declared ?? 'nothing')}", from the application's side).`);
  const server = serverOverride ? { url: serverOverride, protocol: serverOverride.split(':')[0]!.toLowerCase() } : serverOf(document, channel, variables, source);
  if (!server) return fail(`source ${source} declares no server for ${address}`, `Give one with --server ${source}=mqtt://host:port.`);
  if ('problem' in server) return { ok: false, problem: server.problem };
  const message = firstMessage(document, operation, channel);
  const correlation = message ? deref(document, ownField(message, 'correlationId')) : undefined;
  const location = isObject(correlation) ? ownField(correlation, 'location') : undefined;
  const contentType = (message ? ownField(message, 'contentType') : undefined) ?? ownField(document, 'defaultContentType');
  const bindings = isObject(channel) ? deref(document, ownField(channel, 'bindings')) : undefined;
  const amqpBinding = isObject(bindings) ? deref(document, ownField(bindings, 'amqp')) : undefined;
  const exchangeObject = isObject(amqpBinding) ? ownField(amqpBinding, 'exchange') : undefined;
  const exchange = isObject(exchangeObject) ? ownField(exchangeObject, 'name') : undefined;
  return {
    ok: true,
    channel: {
      source,
      address,
      action: chosen,
      protocol: server.protocol,
      serverUrl: server.url,
      ...(typeof location === 'string' ? { correlationLocation: location } : {}),
      ...(typeof contentType === 'string' ? { contentType } : {}),
      ...(typeof exchange === 'string' && exchange !== '' ? { exchange } : {}),
      ...('variables' in server && server.variables.length > 0 ? { serverVariables: server.variables } : {}),
    },
  };
}
