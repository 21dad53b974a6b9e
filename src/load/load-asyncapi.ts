/**
 * Arazzo 1.1.0 §Source Description Object `type: asyncapi`: read with the AsyncAPI Initiative's own
 * parser (@asyncapi/parser: AsyncAPI 2.x and 3.0 validated against their schemas, `$ref`s resolved),
 * imported only when a document has such a source. The resolved document is what each step's
 * channel is then looked up in (plan/async-channel.ts).
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export type AsyncApiResult = { ok: true; document: unknown } | { ok: false; diagnostic: Diagnostic };

type Parser = { parse(input: string, options?: { source?: string }): Promise<{ document?: { json(): unknown }; diagnostics: ParserDiagnostic[] }> };
interface ParserDiagnostic {
  severity: number;
  message: string;
  path: ReadonlyArray<string | number>;
}

let parser: Promise<Parser> | undefined;

export async function loadAsyncApi(name: string, location: string, text: string, where: { file: string; pointer: string }): Promise<AsyncApiResult> {
  parser ??= import('@asyncapi/parser').then(({ Parser }) => new Parser() as unknown as Parser);
  const { document, diagnostics } = await (await parser).parse(text, { source: location });
  // Severity 0 is an error in the parser's (Spectral's) scale; warnings and hints do not stop a run.
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
  if (document && errors.length === 0) return { ok: true, document: document.json() };
  const first = errors[0];
  const at = first && first.path.length > 0 ? ` at #/${first.path.join('/')}` : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return {
    ok: false,
    diagnostic: makeDiagnostic('source-not-asyncapi', 'error', `Source description "${name}" (${location}) is not a valid AsyncAPI document${at}: ${first?.message ?? 'the parser gave no document'}${more}`, { ...where, hint: 'Fix the AsyncAPI document at that place, or point the source at another one.' }),
  };
}
