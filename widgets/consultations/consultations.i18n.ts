import { createTranslator, type Lang, type Messages } from '../core/i18n/index.js';
import type { ConsultationSource } from './consultations.i18n.pl.js';

/**
 * Strings of `<ngo-consultation>`, one chunk per language (`consultations.i18n.{pl,en,uk}.ts`) like
 * the core dictionaries: a page loads only its own language, before the widget's first render.
 */
export type { ConsultationSource };
export type ConsultationKey = keyof ConsultationSource;

const dicts: Partial<Record<Lang, Messages<ConsultationSource>>> = {};
const pending = new Map<Lang, Promise<void>>();
const chunks: Record<Lang, () => Promise<{ default: Messages<ConsultationSource> }>> = {
  pl: () => import('./consultations.i18n.pl.js'),
  en: () => import('./consultations.i18n.en.js'),
  uk: () => import('./consultations.i18n.uk.js'),
};

/** Loads the widget's dictionary for `lang`; undefined when it is already there. */
export function loadConsultationLang(lang: Lang): Promise<void> | undefined {
  if (dicts[lang]) return undefined;
  let p = pending.get(lang);
  if (!p) {
    p = chunks[lang]().then(
      (m) => void (dicts[lang] = m.default),
      (err) => {
        pending.delete(lang);
        console.warn('[ngo] could not load translations:', err);
      },
    );
    pending.set(lang, p);
  }
  return p;
}

const none = {} as ConsultationSource;

/** `tc(lang, key, vars)`: the widget's strings in `lang` (once loaded), then the core ones. */
export const tc = createTranslator<ConsultationSource>({
  get pl() {
    return (dicts.pl as ConsultationSource | undefined) ?? none;
  },
  get en() {
    return dicts.en ?? none;
  },
  get uk() {
    return dicts.uk ?? none;
  },
});
