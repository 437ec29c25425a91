/**
 * The one script a host page includes: `<script type="module" src="https://HOST/widgets/ngo-widgets.js">`.
 * It imports nothing but the loader's part of the module table (`WIDGETS` in common/modules.ts). For each widget tag present on the page (now or added later)
 * it imports that widget's chunk, next to this file; lazy widgets (the map) wait until they scroll
 * near the viewport. A second copy of the loader on the same page does nothing.
 */
import { WIDGETS, type WidgetTag } from '../common/modules.js';

declare const __NGO_VERSION__: string;

const GUARD = Symbol.for('ngo.widgets.loader');

function start(): void {
  const tags = Object.keys(WIDGETS) as WidgetTag[];
  const requested = new Set<WidgetTag>();
  let observer: IntersectionObserver | undefined;

  const load = (tag: WidgetTag) => {
    if (requested.has(tag)) return;
    requested.add(tag);
    if (customElements.get(tag)) return;
    import(new URL(`${WIDGETS[tag].chunk}?v=${__NGO_VERSION__}`, import.meta.url).href).catch((err) => {
      requested.delete(tag);
      console.warn(`[ngo] could not load <${tag}>:`, err);
    });
  };

  const onVisible = (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const tag = entry.target.localName as WidgetTag;
      observer!.unobserve(entry.target);
      load(tag);
    }
  };

  const found = (el: Element) => {
    const tag = el.localName as WidgetTag;
    if (requested.has(tag)) return;
    if (WIDGETS[tag].lazy && typeof IntersectionObserver === 'function') {
      (observer ??= new IntersectionObserver(onVisible, { rootMargin: '300px' })).observe(el);
    } else load(tag);
  };

  const selector = tags.join(',');
  const scan = (root: Element | Document) => {
    if (root instanceof Element && root.matches(selector)) found(root);
    root.querySelectorAll(selector).forEach(found);
  };

  scan(document);
  new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach((n) => n instanceof Element && scan(n));
  }).observe(document, { childList: true, subtree: true });
}

try {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (!g[GUARD] && typeof customElements !== 'undefined') {
    g[GUARD] = true;
    start();
  }
} catch (err) {
  console.warn('[ngo] loader failed:', err);
}
