/**
 * A response against its operation's description (issue 13 "Response checks"): the status is
 * declared (exactly, as a range such as 2XX, or by `default`), its content type is one the status
 * declares, and a JSON body is valid against that media type's schema (schema-check.ts).
 */
import type { ResponseCheckPort } from '../engine/ports.js';
import { createSchemaCheck, isJsonMediaType, mediaTypeMatches } from './schema-check.js';

export function createResponseChecker(): ResponseCheckPort {
  const check = createSchemaCheck('response');
  return async (responses, response) => {
    const status = String(response.status);
    const key = [status, `${status[0]}XX`, 'DEFAULT'].find((k) => Object.hasOwn(responses.byStatus, k));
    if (key === undefined) {
      return [{ check: 'status', message: `status ${status} is not declared (declared: ${Object.keys(responses.byStatus).join(', ').toLowerCase() || 'none'})` }];
    }
    const media = responses.byStatus[key]!;
    const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const declared = Object.keys(media);
    if (contentType === '' || declared.length === 0) return [];
    const matched = declared.find((type) => mediaTypeMatches(type, contentType));
    if (matched === undefined) return [{ check: 'content-type', message: `content type ${contentType} is not declared for ${key.toLowerCase()} (declared: ${declared.join(', ')})` }];
    const schema = media[matched];
    if (schema === undefined || !isJsonMediaType(contentType) || typeof response.body === 'string') return [];
    const failure = await check(schema, responses.dialect, response.body);
    if (!failure) return [];
    return [{ check: 'schema', message: `body${failure.path ? ` at ${failure.path}` : ''} ${failure.message}`, pointer: failure.path }];
  };
}
