import { describe, expect, it } from 'vitest';
import { formatAnnotation, runFailureAnnotation, stepSummaryMarkdown } from '../../../src/report/github-actions.js';
import { failedOnCriterion, succeeded } from './run-result-fixtures.js';

describe('issue 5 GitHub Actions: ::error workflow commands', () => {
  it('escapes data (% CR LF) and properties (also : and ,)', () => {
    expect(formatAnnotation('error', '50% done\nnext', { file: 'a,b:c.yml', line: 12, column: 3, title: 'x: y' }))
      .toBe('::error file=a%2Cb%3Ac.yml,line=12,col=3,title=x%3A y::50%25 done%0Anext');
  });

  it('a failed run is one ::error at the failing step, naming step, criterion and status', () => {
    const seen: Array<[string, string | undefined]> = [];
    const line = runFailureAnnotation(failedOnCriterion, (workflowId, stepId) => {
      seen.push([workflowId, stepId]);
      return { file: 'workflows/flow.yml', line: 42, column: 5 };
    });
    expect(seen[0]).toEqual(['build', 'create']);
    expect(line).toMatch(/^::error file=workflows\/flow\.yml,line=42,col=5,title=[^:]+::step create failed: /);
    expect(line).toContain('$statusCode == 200');
    expect(line).toContain('401');
  });

  it('a succeeded run has no annotation', () => {
    expect(runFailureAnnotation(succeeded, () => ({ file: 'f.yml', line: 1 }))).toBeUndefined();
  });
});

describe('issue 5 GitHub Actions: Markdown for $GITHUB_STEP_SUMMARY', () => {
  it('has the outcome, a row per step and the outputs', () => {
    const markdown = stepSummaryMarkdown(succeeded, 'flow.yml');
    expect(markdown).toMatch(/^### ✅ arazzo: `build` succeeded/);
    expect(markdown).toContain('| build | poll | ✅ succeeded | 7 | 200 |');
    expect(markdown).toContain('"id": "snap-1"');
  });

  it('a failure gives the error code and the reason; pipes in cells are escaped', () => {
    const result = { ...failedOnCriterion, steps: [{ ...failedOnCriterion.steps[0]!, reason: 'a || b' }] };
    const markdown = stepSummaryMarkdown(result, 'flow.yml');
    expect(markdown).toContain('**step-failed**');
    expect(markdown).toContain('a \\|\\| b');
  });
});
