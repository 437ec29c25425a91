/**
 * The contribution form's model: what the person types (`Draft`, all strings and lists), the
 * conversion to and from the API's `OrganisationInput`, client-side checks and the mapping of the
 * server's field issues. Pure functions, no DOM and no i18n: errors are dictionary keys.
 */
import type { FieldIssue } from '../../common/errors.js';
import { MAP_LIMITS, isInKrakow, isValidKrs, isValidNip, isValidRegon, type OrgKind } from '../../common/map.js';
import type { OrganisationInput } from '../../common/map.schema.js';
import { parseCoord, pointOf } from './point-picker.model.js';
import { EMAIL_PATTERN as EMAIL, checkContact, contactBody, contactIssue, type KitErrorKey } from '../core/public-form.js';

/** `staff`: a signed-in moderator or editor edits an entry (or adds one) directly, through `/v1/admin/map`. */
export type MapFormMode = 'create' | 'correction' | 'owner' | 'confirm' | 'staff';

/** An `OrganisationInput` as a host may hand it over (missing fields get their defaults). */
export type OrganisationDraftInput = Partial<OrganisationInput>;

export interface Draft {
  name: string;
  description: string;
  kind: OrgKind;
  legalForm: string;
  krs: string;
  regon: string;
  nip: string;
  areas: string[];
  targetGroups: string[];
  districts: number[];
  cityWide: boolean;
  address: string;
  lon: string;
  lat: string;
  website: string;
  email: string;
  phone: string;
  languages: string[];
  accessibility: string[];
  contactName: string;
  contactEmail: string;
  note: string;
  consent: boolean;
  /** Staff adding an entry: who gets the owner's edit link and the yearly reminders (optional). */
  ownerEmail: string;
}

export type FieldId = keyof Draft;

/** Error keys of the form's dictionary, the kit's (`form.*`) and the core `field.*` ones. */
export type ErrorKey =
  | KitErrorKey
  | `mapForm.err.${'name' | 'legalForm' | 'krs' | 'regon' | 'nip' | 'areas' | 'districts' | 'number' | 'number_lat' | 'both' | 'outside' | 'website' | 'phone' | 'invalid'}`;

export type FieldErrors = Partial<Record<FieldId, ErrorKey>>;

const str = (v: string | null | undefined) => v ?? '';

export function toDraft(o: OrganisationDraftInput = {}): Draft {
  return {
    name: str(o.name),
    description: str(o.description),
    kind: o.kind ?? 'ngo',
    legalForm: str(o.legalForm),
    krs: str(o.krs),
    regon: str(o.regon),
    nip: str(o.nip),
    areas: [...(o.areas ?? [])],
    targetGroups: [...(o.targetGroups ?? [])],
    districts: [...(o.districts ?? [])],
    cityWide: o.cityWide ?? false,
    address: str(o.address),
    lon: o.location ? String(o.location.lon) : '',
    lat: o.location ? String(o.location.lat) : '',
    website: str(o.website),
    email: str(o.email),
    phone: str(o.phone),
    languages: [...(o.languages ?? ['pl'])],
    accessibility: [...(o.accessibility ?? [])],
    contactName: '',
    contactEmail: '',
    note: '',
    consent: false,
    // Staff see and may change who owns the entry (the staff API returns it with the entry).
    ownerEmail: str((o as { ownerEmail?: string | null }).ownerEmail),
  };
}

const blank = (v: string) => v.trim() || null;

/** A coordinate as typed: a dot or a comma as the decimal separator. NaN when it is not a number. */
export { parseCoord };

/**
 * The organisation to send. Fields the form does not show (the translations) come from `base`
 * unchanged, so an owner who saves without editing sends exactly what they were given.
 */
export function toOrganisationInput(d: Draft, base: OrganisationDraftInput = {}): OrganisationInput {
  const hasPoint = d.lon.trim() !== '' || d.lat.trim() !== '';
  return {
    name: d.name.trim(),
    description: d.description.trim(),
    translations: base.translations ?? {},
    kind: d.kind,
    legalForm: (blank(d.legalForm) as OrganisationInput['legalForm']) ?? null,
    krs: blank(d.krs),
    regon: blank(d.regon),
    nip: blank(d.nip),
    areas: d.areas,
    targetGroups: d.targetGroups as OrganisationInput['targetGroups'],
    districts: d.districts,
    cityWide: d.cityWide,
    address: blank(d.address),
    location: hasPoint ? { lon: parseCoord(d.lon), lat: parseCoord(d.lat) } : null,
    website: blank(d.website),
    email: blank(d.email),
    phone: blank(d.phone),
    languages: d.languages as OrganisationInput['languages'],
    accessibility: d.accessibility as OrganisationInput['accessibility'],
  };
}

/** The coordinates as typed, when both are numbers; null otherwise (the picker then shows no pin). */
export const typedPoint = (d: Pick<Draft, 'lat' | 'lon'>): { lat: number; lon: number } | null => pointOf(d.lat, d.lon);

/** A web address typed without its scheme (`fundacja.pl`) gets `https://`. */
export const withScheme = (url: string): string => {
  const v = url.trim();
  return v && !/^[a-z][a-z\d+.-]*:/i.test(v) ? `https://${v}` : v;
};

export { EMAIL };
const PHONE = /^\+?[\d\s()-]{6,20}$/;

function isHttpUrl(v: string): boolean {
  try {
    return /^https?:$/.test(new URL(v).protocol);
  } catch {
    return false;
  }
}

/** Client-side checks, the same rules as the API's schema. Submitter fields only where the mode has them. */
export function validateDraft(d: Draft, mode: MapFormMode): FieldErrors {
  const e: FieldErrors = {};
  const name = d.name.trim();
  if (!name) e.name = 'field.required';
  else if (name.length < 2) e.name = 'mapForm.err.name';
  else if (name.length > MAP_LIMITS.name) e.name = 'form.err.too_long';
  if (d.description.trim().length > MAP_LIMITS.description) e.description = 'form.err.too_long';
  if (d.kind === 'ngo' && !d.legalForm) e.legalForm = 'mapForm.err.legalForm';
  if (d.krs.trim() && !isValidKrs(d.krs.trim())) e.krs = 'mapForm.err.krs';
  if (d.regon.trim() && !isValidRegon(d.regon.trim())) e.regon = 'mapForm.err.regon';
  if (d.nip.trim() && !isValidNip(d.nip.trim())) e.nip = 'mapForm.err.nip';
  if (d.areas.length < 1 || d.areas.length > 10) e.areas = 'mapForm.err.areas';
  if (!d.cityWide && d.districts.length === 0) e.districts = 'mapForm.err.districts';
  if (d.address.trim().length > MAP_LIMITS.address) e.address = 'form.err.too_long';
  const [lonText, latText] = [d.lon.trim(), d.lat.trim()];
  if (lonText || latText) {
    const [lon, lat] = [parseCoord(lonText), parseCoord(latText)];
    if (!lonText) e.lon = 'mapForm.err.both';
    else if (Number.isNaN(lon)) e.lon = 'mapForm.err.number';
    if (!latText) e.lat = 'mapForm.err.both';
    else if (Number.isNaN(lat)) e.lat = 'mapForm.err.number_lat';
    if (!e.lon && !e.lat && !isInKrakow(lon, lat)) e.lon = 'mapForm.err.outside';
  }
  const website = d.website.trim();
  if (website && (!isHttpUrl(website) || website.length > MAP_LIMITS.url)) e.website = 'mapForm.err.website';
  if (d.email.trim() && !EMAIL.test(d.email.trim())) e.email = 'field.invalid_email';
  if (d.phone.trim() && !PHONE.test(d.phone.trim())) e.phone = 'mapForm.err.phone';
  if (d.note.trim().length > MAP_LIMITS.reason) e.note = 'form.err.too_long';
  if (mode === 'staff' && d.ownerEmail.trim() && !EMAIL.test(d.ownerEmail.trim())) e.ownerEmail = 'field.invalid_email';
  if (mode === 'create' || mode === 'correction') checkContact(d, e);
  return e;
}

/**
 * Which organisation field a server issue path names: `organisation.krs` → `krs` (the contact and
 * consent are the kit's: `contactIssue`).
 * A staff body is the organisation itself, so its paths start at the field (`krs`, `ownerEmail`).
 */
export function issueField(path: string, staff = false): FieldId | undefined {
  if (staff) return path === 'ownerEmail' ? path : issueField(`organisation.${path}`);
  const [head, sub] = path.split('.');
  if (head === 'note') return head;
  if (head !== 'organisation' || !sub) return undefined;
  if (sub === 'location') return 'lon';
  return ORGANISATION_FIELDS.has(sub) ? (sub as FieldId) : undefined;
}

/** The message a field shows for any invalid value. */
const FIELD_MESSAGES: FieldErrors = {
  name: 'mapForm.err.name',
  legalForm: 'mapForm.err.legalForm',
  krs: 'mapForm.err.krs',
  regon: 'mapForm.err.regon',
  nip: 'mapForm.err.nip',
  areas: 'mapForm.err.areas',
  districts: 'mapForm.err.districts',
  lon: 'mapForm.err.outside',
  website: 'mapForm.err.website',
  email: 'field.invalid_email',
  phone: 'mapForm.err.phone',
  ownerEmail: 'field.invalid_email',
};
/** The organisation's fields the form shows under the same name as the API (`location` is the pair `lon`, `lat`). */
const ORGANISATION_FIELDS = new Set<string>([
  'name', 'description', 'kind', 'legalForm', 'krs', 'regon', 'nip', 'areas', 'targetGroups', 'districts', 'cityWide', 'address', 'website', 'email', 'phone', 'languages', 'accessibility',
]);

/** Server issues as field errors; issues that name no visible field are returned apart. `staff`: see `issueField`. */
export function issuesToErrors(issues: readonly FieldIssue[], staff = false): { errors: FieldErrors; other: FieldIssue[] } {
  const errors: FieldErrors = {};
  const other: FieldIssue[] = [];
  for (const issue of issues) {
    const contact = staff ? undefined : contactIssue(issue);
    const id = contact?.[0] ?? issueField(issue.path, staff);
    if (!id) other.push(issue);
    else errors[id] ??= contact?.[1] ?? (issue.code === 'too_long' ? 'form.err.too_long' : issue.code === 'required' ? 'field.required' : FIELD_MESSAGES[id] ?? 'mapForm.err.invalid');
  }
  return { errors, other };
}

/** Where and how a mode sends: a submission, an owner's edit (by its token), a confirmation, a staff save. */
export interface MapFormRequest {
  path: string;
  method: 'POST' | 'PUT';
  body: object;
  /** With the anti-abuse fields and an Idempotency-Key (everything but confirmations and staff saves). */
  anonymous: boolean;
  /** The path or body carries a secret link's token. */
  link: boolean;
}

const STAFF_PATH = '/v1/admin/map/organisations';
const enc = encodeURIComponent;

/** The request a mode makes from a checked draft; `base` is the entry it started from (see `toOrganisationInput`). */
export function formRequest(mode: MapFormMode, d: Draft, base: OrganisationDraftInput, o: { organisationId: string; token: string; lang: string }): MapFormRequest {
  const organisation = toOrganisationInput(d, base);
  const note = d.note.trim();
  if (mode === 'staff') {
    const path = o.organisationId ? `${STAFF_PATH}/${enc(o.organisationId)}` : STAFF_PATH;
    return { path, method: o.organisationId ? 'PUT' : 'POST', body: { ...organisation, ownerEmail: d.ownerEmail.trim() || null }, anonymous: false, link: false };
  }
  if (mode === 'confirm') return { path: '/v1/map/submissions/confirm', method: 'POST', body: { token: o.token }, anonymous: false, link: true };
  if (mode === 'owner') return { path: '/v1/map/owner/edit', method: 'POST', body: { token: o.token, organisation, note, lang: o.lang }, anonymous: true, link: true };
  const correction = mode === 'correction' ? { organisationId: o.organisationId } : {};
  return { path: '/v1/map/submissions', method: 'POST', body: { type: mode, ...correction, organisation, ...contactBody(d), note, lang: o.lang }, anonymous: true, link: false };
}
