/**
 * `ARAZZO_INPUT_<name>` environment variables, for the inputs the workflow declares. Besides the
 * exact name, the shell-style spellings are accepted: `apiToken` can be `ARAZZO_INPUT_apiToken`,
 * `ARAZZO_INPUT_APITOKEN` or `ARAZZO_INPUT_API_TOKEN` (the exact spelling wins).
 */
export const ENV_PREFIX = 'ARAZZO_INPUT_';

export interface EnvInput {
  name: string;
  variable: string;
  text: string;
}

export function envSpellings(name: string): string[] {
  const upper = name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase();
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]/g, '_')
    .toUpperCase();
  return [...new Set([name, upper, snake])].map((spelling) => `${ENV_PREFIX}${spelling}`);
}

export function inputsFromEnv(env: Readonly<Record<string, string | undefined>>, declared: readonly string[]): EnvInput[] {
  const found: EnvInput[] = [];
  for (const name of declared) {
    for (const variable of envSpellings(name)) {
      const text = env[variable];
      if (text === undefined) continue;
      found.push({ name, variable, text });
      break;
    }
  }
  return found;
}
