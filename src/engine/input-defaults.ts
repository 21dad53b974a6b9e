import { setOwn } from '../document/set-own.js';
/**
 * A workflow's inputs with the `default` of each top-level property filled in when absent
 * (checklist 5.4 decision: defaults apply). The CLI applies them to the root workflow while
 * validating; this does the same for workflows started by a step, a goto, a retry or dependsOn.
 */
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function withInputDefaults(schema: unknown, inputs: Record<string, unknown>): Record<string, unknown> {
  const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : undefined;
  if (!properties) return inputs;
  let filled: Record<string, unknown> | undefined;
  for (const [name, property] of Object.entries(properties)) {
    if (Object.hasOwn(inputs, name) || !isObject(property) || !Object.hasOwn(property, 'default')) continue;
    filled ??= { ...inputs };
    setOwn(filled, name, structuredClone(property.default));
  }
  return filled ?? inputs;
}
