/**
 * The one JUnit XML writer, for `run --report junit=…` and `lint --format junit`. Callers describe
 * suites and test cases as values; the counts on <testsuites> and <testsuite> are derived here
 * from the cases, so a failure is counted exactly once. The output is well-formed XML 1.0 for any
 * input text: markup is escaped, and code points XML cannot carry at all (control characters,
 * lone surrogates, U+FFFE/U+FFFF) are dropped.
 */

export interface JunitFailure {
  type: string;
  message: string;
  /** The element's text: the long form (what failed, the request, the status). */
  detail: string;
}

export interface JunitCase {
  name: string;
  classname: string;
  file?: string;
  /** Omitted from the XML when undefined. */
  seconds?: number;
  failure?: JunitFailure;
  /** The reason the case was skipped. */
  skipped?: string;
  /** Shown only on a case without a failure (a failure's detail says the same). */
  systemOut?: string;
}

export interface JunitSuite {
  name: string;
  file?: string;
  seconds?: number;
  timestamp?: string;
  cases: readonly JunitCase[];
}

export interface JunitDocument {
  name: string;
  seconds?: number;
  timestamp?: string;
  suites: readonly JunitSuite[];
}

interface Counts {
  tests: number;
  failures: number;
  skipped: number;
}

export function renderJunit(document: JunitDocument): string {
  const suiteCounts = document.suites.map((suite) => countCases(suite.cases));
  const total = suiteCounts.reduce((sum, c) => ({ tests: sum.tests + c.tests, failures: sum.failures + c.failures, skipped: sum.skipped + c.skipped }), { tests: 0, failures: 0, skipped: 0 });
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attributes({ name: document.name, ...countAttributes(total), time: seconds(document.seconds), timestamp: document.timestamp })}>`];
  document.suites.forEach((suite, i) => {
    const head = attributes({ name: suite.name, file: suite.file, ...countAttributes(suiteCounts[i]!), time: seconds(suite.seconds), timestamp: suite.timestamp });
    lines.push(`  <testsuite${head}>`, ...suite.cases.flatMap(renderCase), '  </testsuite>');
  });
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function renderCase(testCase: JunitCase): string[] {
  const open = `    <testcase${attributes({ name: testCase.name, classname: testCase.classname, file: testCase.file, time: seconds(testCase.seconds) })}`;
  const body: string[] = [];
  const { failure } = testCase;
  if (failure) body.push(`      <failure${attributes({ message: failure.message, type: failure.type })}>${escapeXmlText(failure.detail)}</failure>`);
  if (testCase.skipped !== undefined) body.push(`      <skipped${attributes({ message: testCase.skipped })}/>`);
  if (testCase.systemOut !== undefined && !failure) body.push(`      <system-out>${escapeXmlText(testCase.systemOut)}</system-out>`);
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, '    </testcase>'];
}

function countCases(cases: readonly JunitCase[]): Counts {
  return { tests: cases.length, failures: cases.filter((c) => c.failure).length, skipped: cases.filter((c) => c.skipped !== undefined).length };
}

const countAttributes = (c: Counts): Record<string, string> => ({ tests: String(c.tests), failures: String(c.failures), errors: '0', skipped: String(c.skipped) });

const seconds = (value: number | undefined): string | undefined => (value === undefined ? undefined : Math.max(0, value).toFixed(3));

function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
}

/** Code points outside XML 1.0's Char production; with the u flag a lone surrogate is one of them. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Element text: &, < and > escaped (">" too, so "]]>" cannot appear). */
export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value (either quote); tab, CR and LF as character references so parsers keep them. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
