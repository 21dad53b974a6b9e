/**
 * `arazzo mock`'s memory of what was created (issue 16 "stateful"): a POST answered 2xx with an
 * object body carrying an `id` creates the resource at `<path>/<id>`, and a GET of that path returns
 * it where the description's example would otherwise answer. A scripted response is the resource as
 * written (members the request sent and it leaves out added); an answer from the description is its
 * sample with the request's members put in, and that is also what the POST answers. Scripted GETs
 * always win: a scenario's poll still walks its sequence.
 */
import { isObject } from '../document/model.js';
import type { ScriptedResponse } from './read-scenario.js';

export interface ResourceStore {
  /** Remembers what a POST created; returns the body to answer it with. */
  created(pathname: string, requestBody: string, response: ScriptedResponse, fromDescription: boolean): unknown;
  lookup(pathname: string): unknown;
}

export function createResourceStore(): ResourceStore {
  const resources = new Map<string, unknown>();
  const key = (pathname: string): string => pathname.replace(/\/+$/, '');
  return {
    created(pathname, requestBody, response, fromDescription) {
      const body = response.body;
      if (response.status < 200 || response.status > 299 || !isObject(body)) return body;
      const id = body.id;
      if (typeof id !== 'string' && typeof id !== 'number') return body;
      let sent: unknown;
      try {
        sent = JSON.parse(requestBody);
      } catch {
        sent = undefined;
      }
      const members = isObject(sent) ? sent : {};
      const resource = fromDescription ? { ...body, ...members, id } : { ...members, ...body };
      resources.set(`${key(pathname)}/${encodeURIComponent(String(id))}`, resource);
      return fromDescription ? resource : body;
    },
    lookup: (pathname) => resources.get(key(pathname)),
  };
}
