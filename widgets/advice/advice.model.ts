import { ADVICE_LIMITS, type Channel, type TimeWindow } from '../../common/advice.js';
import type { FieldIssue } from '../../common/errors.js';
import { isValidKrs } from '../../common/identifiers.js';
import type { OrgKind } from '../../common/org-kinds.js';
import type { FieldErrors } from '../core/form-state.js';
import { checkContact, contactBody, contactIssue } from '../core/public-form.js';
import type { AdviceTopic } from './advice.api.js';

/** The advice form's draft, checks and body: pure functions, tested on their own. */

export interface Draft {
  topic: string;
  orgName: string;
  krs: string;
  kind: OrgKind | '';
  contactName: string;
  contactEmail: string;
  phone: string;
  channel: Channel | '';
  windows: TimeWindow[];
  question: string;
  slotId: string;
  consent: boolean;
  /** The topic's extra fields, `f_<key>`. */
  [field: `f_${string}`]: string;
}

export type FieldId = Exclude<keyof Draft, `f_${string}`> | `f_${string}`;

export const emptyDraft = (topic = ''): Draft => ({ topic, orgName: '', krs: '', kind: '', contactName: '', contactEmail: '', phone: '', channel: 'email', windows: [], question: '', slotId: '', consent: false });

/** The order of the fields on the form, for the error summary. */
export const fieldOrder = (topic: AdviceTopic | undefined): FieldId[] => [
  'topic', ...(topic?.fields ?? []).map((f) => `f_${f.key}` as const), 'orgName', 'krs', 'kind', 'contactName', 'contactEmail', 'phone', 'channel', 'question', 'slotId', 'consent',
];

const PHONE = /^\+?[0-9 ()-]{7,30}$/;

/** The server's checks (common/advice.schema.ts and the topic's field definitions), as error keys. */
export function validateDraft(d: Draft, topic: AdviceTopic | undefined): FieldErrors<FieldId> {
  const errors: FieldErrors<FieldId> = {};
  if (!topic) errors.topic = 'err.topic';
  for (const f of topic?.fields ?? []) {
    const v = (d[`f_${f.key}`] ?? '').trim();
    if (!v && f.required) errors[`f_${f.key}`] = 'field.required';
    else if (v && f.type === 'number' && !/^-?\d+([.,]\d+)?$/.test(v)) errors[`f_${f.key}`] = 'err.number';
  }
  const name = d.orgName.trim();
  if (name.length < 2 || name.length > ADVICE_LIMITS.orgName) errors.orgName = 'err.org_name';
  if (d.krs.trim() && !isValidKrs(d.krs.trim())) errors.krs = 'err.krs';
  if (!d.kind) errors.kind = 'err.kind';
  checkContact(d, errors);
  if (d.phone.trim() && !PHONE.test(d.phone.trim())) errors.phone = 'err.phone';
  if (!d.channel) errors.channel = 'err.channel';
  const q = d.question.trim();
  if (q.length < 10 || q.length > ADVICE_LIMITS.question) errors.question = 'err.question';
  return errors;
}

/** The body of `POST /v1/advice/requests` (the kit adds `abuse`). */
export function toBody(d: Draft, topic: AdviceTopic, lang: string) {
  const fields = Object.fromEntries(topic.fields.map((f) => [f.key, (d[`f_${f.key}`] ?? '').trim()]).filter(([, v]) => v));
  return {
    topic: topic.id,
    organisation: { name: d.orgName.trim(), krs: d.krs.trim() || null, kind: d.kind },
    ...contactBody(d),
    phone: d.phone.trim() || null,
    channel: d.channel,
    timeWindows: d.windows,
    question: d.question.trim(),
    fields,
    slotId: d.slotId || null,
    lang,
  };
}

/** The server's field issues on the form's fields; issues it cannot place go to `other`. */
export function issuesToErrors(issues: readonly FieldIssue[]): { errors: FieldErrors<FieldId>; other: FieldIssue[] } {
  const errors: FieldErrors<FieldId> = {};
  const other: FieldIssue[] = [];
  const at: Record<string, FieldId> = { topic: 'topic', 'organisation.name': 'orgName', 'organisation.krs': 'krs', 'organisation.kind': 'kind', phone: 'phone', channel: 'channel', question: 'question', slotId: 'slotId' };
  for (const i of issues) {
    const kit = contactIssue(i);
    if (kit) errors[kit[0]] = kit[1];
    else if (i.path.startsWith('fields.')) errors[`f_${i.path.slice(7)}`] = i.code === 'required' ? 'field.required' : 'err.field';
    else if (at[i.path]) errors[at[i.path]!] = i.path === 'question' ? 'err.question' : i.path === 'organisation.name' ? 'err.org_name' : 'err.field';
    else other.push(i);
  }
  return { errors, other };
}

export { checkFiles } from './advice.files.js';
