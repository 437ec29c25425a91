import { formatDateTime, formatTime, type Lang } from '../core/i18n/index.js';
import type { Slot } from './advice.api.js';
import { ta } from './advice.i18n.js';

/** When a meeting is, in Warsaw time: "5 gru 2026, 10:00–11:00". */
export const slotWhen = (lang: Lang, s: Pick<Slot, 'startsAt' | 'endsAt'>) => `${formatDateTime(lang, s.startsAt)}–${formatTime(lang, s.endsAt)}`;

/** A slot as the pickers list it: when, and where (an address) or online. */
export const slotText = (lang: Lang, s: Pick<Slot, 'startsAt' | 'endsAt' | 'mode' | 'address'>) =>
  s.mode === 'in_person' ? ta(lang, 'advice.slot.in_person', { when: slotWhen(lang, s), address: s.address ?? '' }) : ta(lang, 'advice.slot.online', { when: slotWhen(lang, s) });
