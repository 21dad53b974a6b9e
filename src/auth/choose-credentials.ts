/**
 * Which credentials a request gets (OpenAPI Security Requirement Object): the operation lists
 * alternatives, any one of which suffices; every scheme of the chosen alternative applies.
 *
 * A scheme is filled, in this order, by: a step parameter that already carries it (an explicit
 * parameter wins: nothing is added), `--auth` / `ARAZZO_AUTH_*`, then the step's (or workflow's)
 * x-security entry. The first alternative that can be filled whole is used; an alternative with
 * nothing to add (`{}`, or all given as parameters) is used only when no other can be filled.
 * x-security entries naming a scheme outside the chosen alternative (or inline schemes) are
 * applied as well: the author asked for them.
 */
import type { OperationSecurity, SecurityRequirement, SecurityScheme } from '../plan/operation.js';
import type { Credential, ExplicitCredentials, RequestParts, SecurityEntry } from './credential.js';
import { requestCarries } from './request-carries.js';
import { credentialFromExplicit, credentialFromValues, type SchemeFill } from './scheme-credentials.js';

export interface CredentialChoice {
  credentials: Credential[];
  /** Values to mask from now on. */
  secrets: string[];
  /** Set when no alternative could be filled: the schemes missing, each with why. */
  missing?: { schemeName: string; why: string }[];
}

export interface ChooseInput {
  sourceName: string;
  security: OperationSecurity | undefined;
  entries: readonly SecurityEntry[];
  explicit: ExplicitCredentials;
  request: RequestParts;
}

/** Why a scheme is missing when no value was given at all. */
export const NOTHING = 'nothing supplies it';

type Filled = { schemeName: string; fill: SchemeFill | 'given' };

export function chooseCredentials(input: ChooseInput): CredentialChoice {
  const choice: CredentialChoice = { credentials: [], secrets: [] };
  const used = new Set<string>();
  const requirements = input.security?.requirements ?? [];
  if (requirements.length > 0) {
    const attempts = requirements.map((requirement) => fillAlternative(input, requirement));
    const full = attempts.filter((a) => a.every((s) => s.fill === 'given' || s.fill.ok));
    const chosen = full.find((a) => a.some((s) => s.fill !== 'given')) ?? full[0];
    if (chosen) {
      for (const { schemeName, fill } of chosen) {
        used.add(schemeName);
        if (fill !== 'given' && fill.ok) add(choice, fill);
      }
    } else {
      // The alternative closest to being filled tells the user what to supply.
      const closest = [...attempts].sort((a, b) => unfilled(a).length - unfilled(b).length)[0]!;
      choice.missing = unfilled(closest).map(({ schemeName, fill }) => ({ schemeName, why: fill !== 'given' && !fill.ok ? fill.why : '' }));
      for (const s of closest) used.add(s.schemeName);
    }
  }
  for (const entry of input.entries) {
    const schemeName = entry.schemeName ?? '';
    if (entry.schemeName !== undefined && used.has(entry.schemeName)) continue;
    const scheme = entry.scheme ?? (entry.schemeName !== undefined ? input.security?.schemes[entry.schemeName] : undefined);
    if (!scheme || (entry.schemeName !== undefined && requestCarries(input.request, scheme))) continue;
    if (entry.schemeName !== undefined) used.add(entry.schemeName);
    const fill = credentialFromValues(schemeName, scheme, entry.values, []);
    if (fill.ok) add(choice, fill);
  }
  return choice;
}

const unfilled = (attempt: Filled[]): Filled[] => attempt.filter((s) => s.fill !== 'given' && !s.fill.ok);

function add(choice: CredentialChoice, fill: SchemeFill & { ok: true }): void {
  choice.credentials.push(fill.credential);
  choice.secrets.push(...fill.secrets);
}

function fillAlternative(input: ChooseInput, requirement: SecurityRequirement): Filled[] {
  return Object.entries(requirement).map(([schemeName, scopes]) => ({ schemeName, fill: fillScheme(input, schemeName, scopes) }));
}

function fillScheme(input: ChooseInput, schemeName: string, scopes: readonly string[]): SchemeFill | 'given' {
  const scheme: SecurityScheme | undefined = input.security?.schemes[schemeName];
  if (!scheme) return { ok: false, why: `source "${input.sourceName}" declares no security scheme "${schemeName}"` };
  // mutualTLS is filled by the transport (--cert/--key), not by anything in the request.
  if (scheme.type === 'mutualTLS' || requestCarries(input.request, scheme)) return 'given';
  const explicit = input.explicit(input.sourceName, schemeName);
  if (explicit !== undefined) return credentialFromExplicit(schemeName, scheme, explicit, scopes);
  const entry = input.entries.find((e) => e.schemeName === schemeName);
  if (entry) return credentialFromValues(schemeName, entry.scheme ?? scheme, entry.values, scopes);
  return { ok: false, why: NOTHING };
}
