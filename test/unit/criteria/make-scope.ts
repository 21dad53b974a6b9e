/** Plain-object ExpressionScope for criteria tests: no mocks, just data. */
import type { ExpressionScope, ResponseView } from '../../../src/expressions/scope.js';

export function makeScope(response?: Partial<ResponseView>, extra: Partial<ExpressionScope> = {}): ExpressionScope {
  return {
    inputs: {},
    steps: {},
    workflows: {},
    sourceDescriptions: {},
    ...(response === undefined ? {} : { response: { statusCode: 200, headers: {}, ...response } }),
    ...extra,
  };
}
