import ical, { ICalCalendarMethod } from 'ical-generator';
import { labelTranslator } from '../../common/i18n.js';
import type { Lang } from '../../common/taxonomy.js';
import type { SlotRow } from './advice.repository.js';

const tIcs = labelTranslator({ summary: { pl: 'Spotkanie z doradcą', en: 'Meeting with an adviser', uk: 'Зустріч із консультантом' } });

/** The `.ics` of a booked meeting (RFC 5545, through ical-generator), in UTC so no zone data is needed. */
export function bookingIcs(slot: Pick<SlotRow, 'id' | 'starts_at' | 'ends_at' | 'mode' | 'address' | 'online_url'>, o: { number: string; publicUrl: string; lang: Lang; statusLink: string }): string {
  const cal = ical({ prodId: { company: 'WiP NGO widgets', product: 'advice', language: o.lang.toUpperCase() }, method: ICalCalendarMethod.PUBLISH });
  cal.createEvent({
    id: `advice-${slot.id}@${new URL(o.publicUrl).hostname}`,
    start: new Date(slot.starts_at),
    end: new Date(slot.ends_at),
    stamp: new Date(),
    summary: `${tIcs(o.lang, 'summary')} (${o.number})`,
    description: o.statusLink,
    location: slot.mode === 'in_person' ? slot.address : slot.online_url,
    url: slot.mode === 'online' ? slot.online_url : null,
  });
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
