/**
 * Sets an own, enumerable, writable property. Plain assignment with a key taken from a document
 * or a server (`copy[key] = value`) would call the `__proto__` setter and change the object's
 * prototype instead. That accessor is the only setter on Object.prototype (every other inherited
 * property is a writable data property, which assignment shadows with an own one), so a new key
 * other than that one is assigned, which is several times cheaper than defineProperty and counts
 * in the copies a state file makes on every transition (bench/ figure 5). An existing own
 * property (it may be a getter) is redefined.
 */
export function setOwn(target: object, key: string, value: unknown): void {
  if (key === '__proto__' || Object.hasOwn(target, key)) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
}
