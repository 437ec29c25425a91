import type { Lang } from '../core/i18n/index.js';
import { readUrlState, urlWith, writeUrlState } from '../core/url-state.js';
import type { UrlView } from './consultations.ui.js';

/**
 * The view of `<ngo-consultation>` in the page URL (`?ngo-cons-id=…&ngo-cons-unit=…&ngo-cons-remark=…`,
 * with `sync-url`), and the address of a view for its links.
 */
const URL_PREFIX = 'ngo-cons-';
const URL_KEYS = ['id', 'unit', 'remark'] as const;

/** What the widget's URL depends on. */
export interface UrlPlace {
  syncUrl: boolean;
  /** The `consultation` attribute: when set, the page names the consultation, and the URL leaves its id alone. */
  consultation: string;
  /** The consultation opened from the list. */
  selected: string;
  api: string;
  lang: Lang;
}

/** The view the page URL names. */
export const readView = (): Partial<UrlView> => readUrlState(URL_PREFIX, URL_KEYS);

/** Writes the view into the page URL, with `sync-url` only (`push`: a new history entry, so Back returns to the previous view). */
export function writeView(p: UrlPlace, v: Partial<UrlView>, push: boolean): void {
  if (!p.syncUrl) return;
  writeUrlState(URL_PREFIX, { id: p.consultation ? '' : p.selected, unit: '', remark: '', ...v }, { push });
}

/**
 * The address of a view: this page's URL with the view's parameters (with `sync-url`), else the
 * consultation's own `/embed/consultations` page, so a link opened in a new tab shows the same.
 */
export function viewHref(p: UrlPlace, v: Partial<UrlView>): string {
  const view = { unit: v.unit ?? '', remark: v.remark ?? '' };
  const id = v.id ?? (p.consultation || p.selected);
  if (p.syncUrl) return (p.consultation ? urlWith(URL_PREFIX, view) : urlWith(URL_PREFIX, { id, ...view })).href;
  const embed = new URL(`${p.api}/embed/consultations`);
  embed.searchParams.set('lang', p.lang);
  embed.searchParams.set('sync-url', '');
  return urlWith(URL_PREFIX, { id, ...view }, embed).href;
}
