import { ACCESS_NEEDS, EVENT_LIMITS, type AccessNeed } from '../../common/events.js';
import type { FieldIssue } from '../../common/errors.js';
import type { FieldErrors } from '../core/form-state.js';
import type { Lang } from '../core/i18n/index.js';
import { checkContact, contactBody, contactIssue } from '../core/public-form.js';
import type { Question, RegistrationBody } from './events.api.js';

/**
 * The pure half of `<ngo-events>`'s registration form: the draft with its checks, the body it sends,
 * and the server's field issues mapped back onto the form. It loads with the form (events.form.ts);
 * what the list and the details need is in events.listing.ts.
 */

export type Answer = string | string[] | boolean;

export interface RegistrationDraft {
  contactName: string;
  contactEmail: string;
  organisation: string;
  /** Answers by question id. */
  answers: Record<string, Answer>;
  accessNeeds: AccessNeed[];
  accessNote: string;
  /** Sessions of a cycle the person will attend (every one to start with). */
  attend: string[];
  consent: boolean;
}

export const emptyDraft = (sessions: readonly string[] = []): RegistrationDraft => ({
  contactName: '', contactEmail: '', organisation: '', answers: {}, accessNeeds: [], accessNote: '', attend: [...sessions], consent: false,
});

/** Ids of the form's fields, in the order they appear: a question's is `q-<id>`. */
export type FieldId = 'contactName' | 'contactEmail' | 'organisation' | 'sessions' | `q-${string}` | 'accessNeeds' | 'accessNote' | 'consent';

export const fieldOrder = (questions: readonly Question[], withSessions: boolean): FieldId[] => [
  'contactName', 'contactEmail', 'organisation', ...(withSessions ? (['sessions'] as const) : []), ...questions.map((q) => `q-${q.id}` as const), 'accessNeeds', 'accessNote', 'consent',
];

const isEmpty = (v: Answer | undefined) => v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0);

/** The checks of `RegistrationInput` and of the server's answer check, as error keys per field. */
export function validateRegistration(d: RegistrationDraft, o: { questions: readonly Question[]; sessions: readonly string[] }): FieldErrors<FieldId> {
  const errors: FieldErrors<FieldId> = {};
  checkContact(d, errors as FieldErrors<'contactName' | 'contactEmail' | 'consent'>);
  if (d.organisation.trim().length > EVENT_LIMITS.organiser) errors.organisation = 'form.err.too_long';
  if (o.sessions.length && !d.attend.some((id) => o.sessions.includes(id))) errors.sessions = 'events.err.sessions';
  for (const q of o.questions) {
    const v = d.answers[q.id];
    if (q.required && isEmpty(v)) errors[`q-${q.id}`] = 'field.required';
    else if (typeof v === 'string' && v.trim().length > EVENT_LIMITS.answer) errors[`q-${q.id}`] = 'form.err.too_long';
  }
  if (d.accessNote.trim().length > EVENT_LIMITS.accessNote) errors.accessNote = 'form.err.too_long';
  return errors;
}

/** The body of `POST /v1/events/{id}/registrations`: empty answers left out, the sessions not ticked as skipped. */
export function toRegistrationBody(d: RegistrationDraft, o: { sessions: readonly string[]; askAccessNeeds: boolean; lang: Lang }): RegistrationBody {
  const answers = Object.fromEntries(Object.entries(d.answers).filter(([, v]) => !isEmpty(v)).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
  return {
    ...contactBody(d),
    lang: o.lang,
    organisation: d.organisation.trim() || null,
    answers,
    accessNeeds: o.askAccessNeeds ? ACCESS_NEEDS.filter((n) => d.accessNeeds.includes(n)) : [],
    accessNote: o.askAccessNeeds ? d.accessNote.trim() || null : null,
    skipSessions: o.sessions.filter((id) => !d.attend.includes(id)),
  };
}

/** The server's 422 issues as form errors; `other` holds the ones no field shows. */
export function issuesToErrors(issues: readonly FieldIssue[]): { errors: FieldErrors<FieldId>; other: FieldIssue[] } {
  const errors: FieldErrors<FieldId> = {};
  const other: FieldIssue[] = [];
  for (const issue of issues) {
    const kit = contactIssue(issue);
    if (kit) {
      errors[kit[0]] = kit[1];
      continue;
    }
    const path = issue.path;
    const tooLong = issue.code === 'too_long' || issue.code === 'too_big';
    if (path.startsWith('answers.')) errors[`q-${path.slice(8).split('.')[0]}`] = issue.code === 'required' ? 'field.required' : tooLong ? 'form.err.too_long' : 'events.err.answer';
    else if (path === 'skipSessions' || path.startsWith('skipSessions.')) errors.sessions = 'events.err.sessions';
    else if (path === 'organisation') errors.organisation = 'form.err.too_long';
    else if (path === 'accessNote') errors.accessNote = 'form.err.too_long';
    else if (path.startsWith('accessNeeds')) errors.accessNeeds = 'events.err.answer';
    else other.push(issue);
  }
  return { errors, other };
}

/** Toggles `value` in a list, keeping the order of `all`. */
export function toggled<T extends string>(list: readonly T[], value: T, on: boolean, all: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(value);
  else set.delete(value);
  return all.filter((x) => set.has(x));
}
