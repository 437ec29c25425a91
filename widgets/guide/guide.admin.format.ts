import { formatDate, type Lang } from '../core/i18n/index.js';

/** A calendar day (`2027-01-01`) in the panel's language; noon, so that no time zone moves it. */
export const day = (lang: Lang, d: string) => formatDate(lang, `${d}T12:00:00`);
