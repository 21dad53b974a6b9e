/**
 * Regex criteria come from documents and run against server responses, so a pattern such as
 * `(a+)+$` must not pin the CPU on a crafted response. V8's flag
 * --enable-experimental-regexp-engine-on-excessive-backtracks moves a regex that backtracks too
 * much (V8's default threshold) to its linear-time engine. It is read when a regex is first
 * executed, so setting it before any criterion runs covers regexes compiled earlier too. Both the
 * CLI (main) and the library entry (index.ts) set it, so the protection holds either way.
 * Backreferences and lookarounds cannot move to the linear engine; the criteria compiler warns
 * about them (criterion-regex-unbounded).
 */
import { setFlagsFromString } from 'node:v8';

let bounded = false;

export function boundRegexBacktracking(): void {
  if (bounded) return;
  bounded = true;
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
}
