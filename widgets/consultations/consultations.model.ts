/**
 * The remark and support forms' model: what the person types, the client-side checks (the same
 * rules as `RemarkInput` and `SupportInput` in common/consultations.schema.ts), the bodies to send
 * and the mapping of the server's field issues. Pure functions: errors are dictionary keys.
 */
import type { FieldIssue } from '../../common/errors.js';
import { CONSULTATION_LIMITS, NGO_AUDIENCE_AUTHORS, ORGANISATION_AUTHORS, AUTHOR_TYPES, type Audience, type AuthorType } from '../../common/consultations.js';
import { checkContact, contactBody, contactIssue, type KitErrorKey } from '../core/public-form.js';
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

/** Error keys of the widget's dictionary, the kit's (`form.*`) and the core `field.*` ones. */
export type ErrorKey = KitErrorKey | `cons.err.${'justification' | 'author' | 'not_allowed' | 'organisation' | 'krs' | 'invalid'}`;
export type FieldErrors = Partial<Record<FieldId, ErrorKey>>;

export const emptyDraft = (): Draft => ({
  currentWording: '', proposedWording: '', justification: '', authorType: '', organisationName: '', krs: '', contactName: '', contactEmail: '', consent: false,
});

/** Who may write a remark: NGOs and informal groups when the consultation is for NGOs only. */
export const allowedAuthors = (audience: Audience): readonly AuthorType[] => (audience === 'ngo' ? NGO_AUDIENCE_AUTHORS : AUTHOR_TYPES);

/** Whether the author type speaks for an organisation, which must then be named. */
export const needsOrganisation = (t: AuthorType | ''): boolean => t !== '' && ORGANISATION_AUTHORS.includes(t);

/** The same rule as `isValidKrs` in common/map.ts, which the widget does not import: that module is mostly map data. */
const KRS = /^\d{10}$/;
const L = CONSULTATION_LIMITS;

/** The organisation (when the author speaks for one) and the contact with its consent. */
function checkAuthor(d: Draft, e: FieldErrors, withOrganisation: boolean): void {
  const org = d.organisationName.trim();
  if (withOrganisation) {
    if (!org) e.organisationName = 'field.required';
    else if (org.length < 2) e.organisationName = 'cons.err.organisation';
    else if (org.length > L.name) e.organisationName = 'form.err.too_long';
    if (d.krs.trim() && !KRS.test(d.krs.trim())) e.krs = 'cons.err.krs';
  }
  checkContact(d, e);
}

export function validateRemark(d: Draft, audience: Audience): FieldErrors {
  const e: FieldErrors = {};
  if (d.currentWording.trim().length > L.wording) e.currentWording = 'form.err.too_long';
  if (d.proposedWording.trim().length > L.wording) e.proposedWording = 'form.err.too_long';
  const why = d.justification.trim();
  if (!why) e.justification = 'field.required';
  else if (why.length < 10) e.justification = 'cons.err.justification';
  else if (why.length > L.justification) e.justification = 'form.err.too_long';
  if (!d.authorType) e.authorType = 'cons.err.author';
  else if (!allowedAuthors(audience).includes(d.authorType)) e.authorType = 'cons.err.not_allowed';
  checkAuthor(d, e, needsOrganisation(d.authorType));
  return e;
}

export function validateSupport(d: Draft): FieldErrors {
  const e: FieldErrors = {};
  checkAuthor(d, e, true);
  return e;
}


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
    ...contactBody(d),
    lang,
  };
}

export const toSupportBody = (d: Draft, lang: SupportBody['lang']): SupportBody => ({
  organisationName: d.organisationName.trim(),
  krs: d.krs.trim() || null,
  ...contactBody(d),
  lang,
});

const MESSAGES: FieldErrors = {
  justification: 'cons.err.justification',
  authorType: 'cons.err.author',
  organisationName: 'cons.err.organisation',
  krs: 'cons.err.krs',
};

/**
 * The server's field issues as field errors (`authorType` with `not_allowed` when the consultation
 * is for NGOs only); issues that name no field of the form (`unitId`, `abuse`) come back apart.
 */
export function issuesToErrors(issues: readonly FieldIssue[], fields: readonly FieldId[]): { errors: FieldErrors; other: FieldIssue[] } {
  const errors: FieldErrors = {};
  const other: FieldIssue[] = [];
  for (const issue of issues) {
    const contact = contactIssue(issue);
    const id = contact?.[0] ?? (issue.path.split('.')[0] as FieldId);
    if (!fields.includes(id)) {
      other.push(issue);
      continue;
    }
    errors[id] ??=
      contact?.[1] ??
      (issue.code === 'not_allowed' ? 'cons.err.not_allowed'
      : issue.code === 'too_long' ? 'form.err.too_long'
      : issue.code === 'required' ? 'field.required'
      : MESSAGES[id] ?? 'cons.err.invalid');
  }
  return { errors, other };
}
