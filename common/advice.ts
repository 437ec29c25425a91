/**
 * Advisory point: vocabularies, limits and labels shared by the API, `<ngo-advice-form>`,
 * `<ngo-advice-status>` and the staff section. Plain data, no zod.
 */
import { labelTranslator } from './i18n.js';
import type { Labels } from './langs.js';

/** Life of a case. `closed` is final; a requester's reply moves `waiting_for_requester` and `answered` back to `in_progress`. */
export const CASE_STATUSES = ['new', 'assigned', 'in_progress', 'waiting_for_requester', 'answered', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the case still waits for the advisory point (due dates and reminders apply). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'assigned', 'in_progress'];

export const CHANNELS = ['email', 'phone', 'online', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

/** When the requester prefers to be called or met. */
export const TIME_WINDOWS = ['weekday_morning', 'weekday_afternoon', 'weekday_evening', 'weekend'] as const;
export type TimeWindow = (typeof TIME_WINDOWS)[number];

/** How a meeting slot takes place. */
export const SLOT_MODES = ['in_person', 'online'] as const;
export type SlotMode = (typeof SLOT_MODES)[number];

/** The kinds of an extra topic field. */
export const FIELD_TYPES = ['text', 'textarea', 'select', 'number', 'date'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Who wrote an entry of a case's thread; `note` is internal and never shown to the requester. */
export const MESSAGE_AUTHORS = ['requester', 'staff', 'note'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

export const ADVICE_LIMITS = {
  question: 8000, reply: 8000, note: 4000, orgName: 300, phone: 30, fieldValue: 1000, fields: 20, fieldKey: 40, label: 200, explanation: 500,
  options: 30, timeWindows: 4, satisfactionComment: 1000, address: 300, url: 500, topics: 50,
} as const;

/** Uploaded attachments: accepted types (checked by content), size and count. */
export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;
export type AttachmentExt = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_LIMITS = { maxBytes: 5 * 1024 * 1024, perCase: 10, filename: 200 } as const;
/** What an `<input type=file accept>` lists. */
export const ATTACHMENT_ACCEPT = Object.keys(ATTACHMENT_TYPES).map((e) => `.${e}`).join(',') + ',' + [...new Set(Object.values(ATTACHMENT_TYPES))].join(',');

/** A readable case number: `PD/2026/0042` (sequential per year). */
export const caseNumber = (year: number, seq: number) => `PD/${year}/${String(seq).padStart(4, '0')}`;

/** The satisfaction question after closing: 1 (not at all) to 5 (very). */
export const SATISFACTION_SCORES = [1, 2, 3, 4, 5] as const;

export const CASE_STATUS_LABELS: Record<CaseStatus, Labels> = {
  new: { pl: 'Nowa', en: 'New', uk: 'Нова' },
  assigned: { pl: 'Przydzielona doradcy', en: 'Assigned to an adviser', uk: 'Передано консультантові' },
  in_progress: { pl: 'W toku', en: 'In progress', uk: 'У роботі' },
  waiting_for_requester: { pl: 'Czeka na Twoją odpowiedź', en: 'Waiting for your reply', uk: 'Очікує на вашу відповідь' },
  answered: { pl: 'Udzielono odpowiedzi', en: 'Answered', uk: 'Надано відповідь' },
  closed: { pl: 'Zamknięta', en: 'Closed', uk: 'Закрито' },
};

export const CHANNEL_LABELS: Record<Channel, Labels> = {
  email: { pl: 'E-mail', en: 'E-mail', uk: 'Електронна пошта' },
  phone: { pl: 'Telefon', en: 'Phone', uk: 'Телефон' },
  online: { pl: 'Spotkanie online', en: 'Online meeting', uk: 'Онлайн-зустріч' },
  in_person: { pl: 'Spotkanie osobiste', en: 'In person', uk: 'Особиста зустріч' },
};

/** The vocabularies on the translator core (common/i18n.ts), for mail and exports. */
export const tCaseStatus = /* @__PURE__ */ labelTranslator(CASE_STATUS_LABELS);
export const tChannel = /* @__PURE__ */ labelTranslator(CHANNEL_LABELS);

export const TIME_WINDOW_LABELS: Record<TimeWindow, Labels> = {
  weekday_morning: { pl: 'Dni robocze, rano (8–12)', en: 'Weekdays, morning (8–12)', uk: 'Робочі дні, ранок (8–12)' },
  weekday_afternoon: { pl: 'Dni robocze, po południu (12–16)', en: 'Weekdays, afternoon (12–16)', uk: 'Робочі дні, після обіду (12–16)' },
  weekday_evening: { pl: 'Dni robocze, wieczorem (16–19)', en: 'Weekdays, evening (16–19)', uk: 'Робочі дні, увечері (16–19)' },
  weekend: { pl: 'Weekend', en: 'Weekend', uk: 'Вихідні' },
};

export const SLOT_MODE_LABELS: Record<SlotMode, Labels> = {
  in_person: { pl: 'Na miejscu', en: 'In person', uk: 'Особисто' },
  online: { pl: 'Online', en: 'Online', uk: 'Онлайн' },
};
