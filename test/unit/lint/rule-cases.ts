/** One failing and one passing document per rule; the failing one marks the expected line with `# <-`. */
import { describe, expect, it } from 'vitest';
import type { RuleSettings } from '../../../src/lint/lint-input.js';
import { lintText, markedLine } from './lint-document.js';

export interface RuleCase {
  rule: string;
  /** What the describe() names: the spec section, checklist item or issue line checked. */
  about: string;
  fail: string;
  pass: string;
  settings?: RuleSettings;
}

export function describeRuleCases(cases: readonly RuleCase[]): void {
  for (const c of cases) {
    describe(`${c.rule} — ${c.about}`, () => {
      it('is reported at the marked line of the failing document', async () => {
        const found = (await lintText(c.fail, c.settings)).filter((d) => d.code === c.rule);
        expect(found.map((d) => d.line)).toEqual([markedLine(c.fail)]);
      });

      it('is not reported for the corrected document', async () => {
        const found = (await lintText(c.pass, c.settings)).filter((d) => d.code === c.rule);
        expect(found).toEqual([]);
      });
    });
  }
}
