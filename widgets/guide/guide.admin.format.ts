import { formatDate, type Lang } from '../core/i18n/index.js';

/** A calendar day (`2027-01-01`) in the panel's language; noon, so that no time zone moves it. */
export const day = (lang: Lang, d: string) => formatDate(lang, `${d}T12:00:00`);
/** The same, short (`20 lis 2027`), for table cells. */
export const shortDay = (lang: Lang, d: string) => formatDate(lang, `${d}T12:00:00`, { dateStyle: 'medium' });
