import type { Flag, Timestamp } from '../core/core.table.js';
import type { OrgKind, OrgStatus } from '../../common/map.js';

export interface OrganisationTable {
  id: string;
  status: OrgStatus;
  name: string;
  /** Folded name: sort key that orders Ł with L on both dialects. */
  sort_name: string;
  /** The search tokens, space-separated with a space at each end (` fundacja laka `), for row-by-row word checks. */
  search_text: string;
  description: string;
  /** JSON `{ en?: { name, description }, uk?: … }`. */
  translations: string;
  kind: OrgKind;
  legal_form: string | null;
  krs: string | null;
  regon: string | null;
  nip: string | null;
  /** JSON arrays. Areas and districts also live in join tables for filtering. */
  areas: string;
  target_groups: string;
  districts: string;
  city_wide: Flag;
  address: string | null;
  lon: number | null;
  lat: number | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  languages: string;
  accessibility: string;
  step_free: Flag;
  /** Private: who may edit the entry by secret link. Never served publicly. */
  owner_email: string | null;
  version: number;
  verified_at: Timestamp | null;
  reminder_sent_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganisationAreaTable { organisation_id: string; area: string }
export interface OrganisationDistrictTable { organisation_id: string; district: number }
/** Folded words of the name, address and identifiers; `token >= q AND token < q+1` is an index range on both dialects. */
export interface OrganisationTokenTable { token: string; organisation_id: string }

export interface OrganisationVersionTable {
  id: string;
  organisation_id: string;
  version: number;
  status: OrgStatus;
  data: string;
  changed_by: string;
  note: string | null;
  created_at: Timestamp;
}

export type SubmissionStatus = 'unconfirmed' | 'pending' | 'approved' | 'rejected';

export interface OrganisationSubmissionTable {
  id: string;
  organisation_id: string | null;
  type: 'create' | 'correction' | 'owner_edit';
  data: string;
  note: string | null;
  submitter_name: string;
  submitter_email: string;
  lang: string;
  status: SubmissionStatus;
  reason: string | null;
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

export interface MapTables {
  organisation: OrganisationTable;
  organisation_area: OrganisationAreaTable;
  organisation_district: OrganisationDistrictTable;
  organisation_token: OrganisationTokenTable;
  organisation_version: OrganisationVersionTable;
  organisation_submission: OrganisationSubmissionTable;
}
