/**
 * Sets an own, enumerable, writable property. Plain assignment with a key taken from a document
 * or a server (`copy[key] = value`) would call the `__proto__` setter and change the object's
 * prototype instead; defining the property never does.
 */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
