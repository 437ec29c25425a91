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

/**
 * `base` (the page URL by default; a relative one is read against it) with `values` as its `<prefix><key>` parameters: a value is set,
 * an empty one removed; the other parameters stay. The link to a view, for a new tab or a bookmark.
 */
export function urlWith<K extends string>(prefix: string, values: Record<K, string>, base: string | URL = location.href): URL {
  const url = new URL(base, location.href);
  for (const [k, v] of Object.entries(values) as [K, string][]) {
    if (v) url.searchParams.set(prefix + k, v);
    else url.searchParams.delete(prefix + k);
  }
  return url;
}

/** Writes `values` into the page URL (`push`: as a new history entry); nothing happens when the URL already says so. */
export function writeUrlState<K extends string>(prefix: string, values: Record<K, string>, o: { push?: boolean } = {}): void {
  const url = urlWith(prefix, values);
  if (url.href === location.href) return;
  if (o.push) history.pushState(history.state, '', url);
  else history.replaceState(history.state, '', url);
}

/** Calls `listener` when Back or Forward changes the URL; returns the function that stops listening. */
export function onUrlState(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
}

/** A left click without a modifier, which a widget's link may follow in place; any other (middle, Ctrl, Shift, Alt) is the browser's. */
export const isPlainClick = (e: MouseEvent): boolean => e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;
