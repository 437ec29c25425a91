/**
 * The embeddable widgets: tag, chunk file under /widgets/, and the iframe slug (`/embed/<slug>`).
 * The loader bundles this list, so keep it small.
 */
export const WIDGET_TAGS = {
  'ngo-map': { chunk: 'ngo-map.js', slug: 'map', lazy: true },
  'ngo-consultation': { chunk: 'ngo-consultation.js', slug: 'consultations', lazy: false },
  'ngo-admin': { chunk: 'ngo-admin.js', slug: 'admin', lazy: false },
} as const;

export type WidgetTag = keyof typeof WIDGET_TAGS;

/** Attributes an `/embed/<slug>?…` URL may pass on to the widget. */
export const EMBED_ATTRIBUTES: Record<string, readonly string[]> = {
  map: ['lang', 'district', 'area', 'kind', 'view', 'no-filters', 'tiles', 'boundaries', 'accessible', 'q', 'edit', 'confirm', 'org'],
  consultations: ['lang', 'consultation', 'district', 'confirm', 'confirm-support'],
};

/** postMessage sent by an embed page to its parent whenever its height changes. */
export interface EmbedResizeMessage { type: 'ngo-embed-resize'; slug: string; height: number }
