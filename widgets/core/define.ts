/**
 * Guarded registration: two copies of the library on one page must not throw.
 * Skips a tag that is already defined; warns once when another class (another copy or version) owns it.
 */
export function defineOnce(tag: string, cls: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (existing) {
    if (existing !== cls) console.warn(`[ngo] <${tag}> is already defined by another version; keeping it.`);
    return;
  }
  try {
    registry.define(tag, cls);
  } catch (err) {
    // Another copy may register between get() and define(), or the class may be registered under another tag.
    console.warn(`[ngo] could not define <${tag}>:`, err);
  }
}
