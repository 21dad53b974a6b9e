/**
 * `lint` and `describe` download remote source descriptions too: through HTTP_PROXY /
 * HTTPS_PROXY (minus NO_PROXY) when the environment names a proxy. undici is loaded only then,
 * so lint's start-up is unchanged without a proxy. (`run` builds its dispatcher from its flags.)
 */
import { loadPlan, type LoadedPlan, type LoadPlanOptions } from './load-plan.js';

const PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY'];

export async function loadPlanWithEnvProxy(file: string, options: LoadPlanOptions, env: Readonly<Record<string, string | undefined>>): Promise<LoadedPlan> {
  if (!PROXY_VARIABLES.some((name) => env[name])) return loadPlan(file, options);
  const { createDispatcher, proxyFromEnv, withSourceDispatcher } = await import('../http/create-dispatcher.js');
  const dispatcher = createDispatcher({ proxy: proxyFromEnv(env) });
  try {
    return await withSourceDispatcher(dispatcher, () => loadPlan(file, options));
  } finally {
    await dispatcher.close();
  }
}
