/**
 * A widget's view in the page URL, for widgets with `sync-url`: each key is a query parameter
 * `<prefix><key>` (`?ngo-district=12`, `?ngo-events-view=month`), so a link, a bookmark or a reload
 * opens the same view. Empty values are removed. A filter typed in replaces the history entry; a
 * new view (an event opened, the month grid chosen) may push one, so Back returns to the previous
 * view (`onUrlState` hears it). Other parameters of the host page are left alone.
 */

/** The values of `keys` in the page URL; a key that is absent is left out. */
export function readUrlState<K extends string>(prefix: string, keys: readonly K[]): Partial<Record<K, string>> {
  const p = new URLSearchParams(location.search);
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = p.get(prefix + k);
    if (v !== null) out[k] = v;
  }
  return out;
}

/** Writes `values` into the page URL (`push`: as a new history entry); nothing happens when the URL already says so. */
export function writeUrlState<K extends string>(prefix: string, values: Record<K, string>, o: { push?: boolean } = {}): void {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(values) as [K, string][]) {
    if (v) url.searchParams.set(prefix + k, v);
    else url.searchParams.delete(prefix + k);
  }
  if (url.href === location.href) return;
  if (o.push) history.pushState(history.state, '', url);
  else history.replaceState(history.state, '', url);
}

/** Calls `listener` when Back or Forward changes the URL; returns the function that stops listening. */
export function onUrlState(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
}
