/**
 * The remark and support forms' model: what the person types, the client-side checks (the same
 * rules as `RemarkInput` and `SupportInput` in common/consultations.schema.ts), the bodies to send
 * and the mapping of the server's field issues. Pure functions: errors are dictionary keys.
 */
import type { FieldIssue } from '../../common/errors.js';
import { CONSULTATION_LIMITS, NGO_AUDIENCE_AUTHORS, ORGANISATION_AUTHORS, AUTHOR_TYPES, type Audience, type AuthorType } from '../../common/consultations.js';
import type { RemarkBody, SupportBody } from './consultations.api.js';

export interface Draft {
  currentWording: string;
  proposedWording: string;
  justification: string;
  authorType: AuthorType | '';
  organisationName: string;
  krs: string;
  contactName: string;
  contactEmail: string;
  consent: boolean;
}

export type FieldId = keyof Draft;

/** Fields in the order they appear, for the error summary; a support form shows only the last five. */
export const REMARK_FIELDS: readonly FieldId[] = ['currentWording', 'proposedWording', 'justification', 'authorType', 'organisationName', 'krs', 'contactName', 'contactEmail', 'consent'];
export const SUPPORT_FIELDS: readonly FieldId[] = ['organisationName', 'krs', 'contactName', 'contactEmail', 'consent'];

export type ErrorKey =
  | 'field.required'
  | 'field.invalid_email'
  | `cons.err.${'too_long' | 'justification' | 'author' | 'not_allowed' | 'organisation' | 'krs' | 'person' | 'consent' | 'invalid'}`;
export type FieldErrors = Partial<Record<FieldId, ErrorKey>>;

export const emptyDraft = (): Draft => ({
  currentWording: '', proposedWording: '', justification: '', authorType: '', organisationName: '', krs: '', contactName: '', contactEmail: '', consent: false,
});

/** Who may write a remark: NGOs and informal groups when the consultation is for NGOs only. */
export const allowedAuthors = (audience: Audience): readonly AuthorType[] => (audience === 'ngo' ? NGO_AUDIENCE_AUTHORS : AUTHOR_TYPES);

/** Whether the author type speaks for an organisation, which must then be named. */
export const needsOrganisation = (t: AuthorType | ''): boolean => t !== '' && ORGANISATION_AUTHORS.includes(t);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The same rule as `isValidKrs` in common/map.ts, which the widget does not import: that module is mostly map data. */
const KRS = /^\d{10}$/;
const L = CONSULTATION_LIMITS;

function checkContact(d: Draft, e: FieldErrors, withOrganisation: boolean): void {
  const org = d.organisationName.trim();
  if (withOrganisation) {
    if (!org) e.organisationName = 'field.required';
    else if (org.length < 2) e.organisationName = 'cons.err.organisation';
    else if (org.length > L.name) e.organisationName = 'cons.err.too_long';
    if (d.krs.trim() && !KRS.test(d.krs.trim())) e.krs = 'cons.err.krs';
  }
  const name = d.contactName.trim();
  if (!name) e.contactName = 'field.required';
  else if (name.length < 2) e.contactName = 'cons.err.person';
  else if (name.length > L.name) e.contactName = 'cons.err.too_long';
  const email = d.contactEmail.trim();
  if (!email) e.contactEmail = 'field.required';
  else if (!EMAIL.test(email) || email.length > 254) e.contactEmail = 'field.invalid_email';
  if (!d.consent) e.consent = 'cons.err.consent';
}

export function validateRemark(d: Draft, audience: Audience): FieldErrors {
  const e: FieldErrors = {};
  if (d.currentWording.trim().length > L.wording) e.currentWording = 'cons.err.too_long';
  if (d.proposedWording.trim().length > L.wording) e.proposedWording = 'cons.err.too_long';
  const why = d.justification.trim();
  if (!why) e.justification = 'field.required';
  else if (why.length < 10) e.justification = 'cons.err.justification';
  else if (why.length > L.justification) e.justification = 'cons.err.too_long';
  if (!d.authorType) e.authorType = 'cons.err.author';
  else if (!allowedAuthors(audience).includes(d.authorType)) e.authorType = 'cons.err.not_allowed';
  checkContact(d, e, needsOrganisation(d.authorType));
  return e;
}

export function validateSupport(d: Draft): FieldErrors {
  const e: FieldErrors = {};
  checkContact(d, e, true);
  return e;
}

const contact = (d: Draft) => ({ contact: { name: d.contactName.trim(), email: d.contactEmail.trim() }, consent: true as const });

/** The remark to send: organisation fields only for organisation authors. */
export function toRemarkBody(d: Draft, unitId: string | null, lang: RemarkBody['lang']): RemarkBody {
  const org = needsOrganisation(d.authorType);
  return {
    unitId,
    currentWording: d.currentWording.trim(),
    proposedWording: d.proposedWording.trim(),
    justification: d.justification.trim(),
    authorType: d.authorType as AuthorType,
    organisationName: org ? d.organisationName.trim() : null,
    krs: org && d.krs.trim() ? d.krs.trim() : null,
    ...contact(d),
    lang,
  };
}

export const toSupportBody = (d: Draft, lang: SupportBody['lang']): SupportBody => ({
  organisationName: d.organisationName.trim(),
  krs: d.krs.trim() || null,
  ...contact(d),
  lang,
});

const MESSAGES: FieldErrors = {
  justification: 'cons.err.justification',
  authorType: 'cons.err.author',
  organisationName: 'cons.err.organisation',
  krs: 'cons.err.krs',
  contactName: 'cons.err.person',
  contactEmail: 'field.invalid_email',
  consent: 'cons.err.consent',
};

/**
 * The server's field issues as field errors (`authorType` with `not_allowed` when the consultation
 * is for NGOs only); issues that name no field of the form (`unitId`, `abuse`) come back apart.
 */
export function issuesToErrors(issues: readonly FieldIssue[], fields: readonly FieldId[]): { errors: FieldErrors; other: FieldIssue[] } {
  const errors: FieldErrors = {};
  const other: FieldIssue[] = [];
  for (const issue of issues) {
    const [head, sub] = issue.path.split('.');
    const id = (head === 'contact' ? (sub === 'name' ? 'contactName' : sub === 'email' ? 'contactEmail' : '') : head) as FieldId;
    if (!fields.includes(id)) {
      other.push(issue);
      continue;
    }
    errors[id] ??=
      issue.code === 'not_allowed' ? 'cons.err.not_allowed'
      : issue.code === 'too_long' ? 'cons.err.too_long'
      : issue.code === 'required' && id !== 'consent' ? 'field.required'
      : MESSAGES[id] ?? 'cons.err.invalid';
  }
  return { errors, other };
}
