/**
 * RFC 9535 filters select the CHILDREN of the root, a trap the spec's own example falls into
 * (`$[?@.x == 'y']` over an object is empty). Lint warns with this text and a failed run says it too.
 */
export const ROOT_FILTER_MESSAGE = 'a filter on $ tests the children of the context value, not the value itself';

export const ROOT_FILTER_HINT =
  '`$[?count(@.pets) > 0]` is empty on {"pets": [...]}; to test the root use an existence query such as `$.pets[0]`, or a simple criterion';

export const isRootFilter = (query: string): boolean => query.startsWith('$[?');
