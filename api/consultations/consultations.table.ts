import type { Flag, Timestamp } from '../core/core.table.js';
import type { Audience, AuthorType, Decision, ModerationMode, RemarkStatus } from '../../common/consultations.js';

export interface ConsultationTable {
  id: string;
  title: string;
  goal: string;
  subject: string;
  unit_name: string;
  legal_basis: string;
  audience: Audience;
  district: number | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  moderation: ModerationMode;
  require_confirmation: Flag;
  /** JSON `[{ title, url }]`. */
  attachments: string;
  information_clause: string;
  /** The original pasted document, kept so staff can edit it again. */
  document: string;
  /** Set when staff publish the answers: the report is public from then on. */
  reported_at: Timestamp | null;
  /** Staff's own introduction and summary of the report (null: the computed ones). */
  report_introduction: string | null;
  report_summary: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConsultationUnitTable {
  id: string;
  consultation_id: string;
  position: number;
  label: string;
  text: string;
  depth: number;
}

export interface ConsultationRemarkTable {
  id: string;
  consultation_id: string;
  unit_id: string | null;
  current_wording: string;
  proposed_wording: string;
  justification: string;
  author_type: AuthorType;
  organisation_name: string | null;
  krs: string | null;
  organisation_id: string | null;
  /** Private: never in public output. */
  contact_name: string;
  contact_email: string;
  lang: string;
  status: RemarkStatus;
  decision: Decision | null;
  response: string | null;
  answered_at: Timestamp | null;
  answered_by: string | null;
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
  published_at: Timestamp | null;
}

export interface ConsultationSupportTable {
  id: string;
  remark_id: string;
  consultation_id: string;
  organisation_name: string;
  krs: string | null;
  contact_name: string;
  contact_email: string;
  /** Supports wait for the e-mail link like remarks do; only confirmed ones count. */
  confirmed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface ConsultationTables {
  consultation: ConsultationTable;
  consultation_unit: ConsultationUnitTable;
  consultation_remark: ConsultationRemarkTable;
  consultation_support: ConsultationSupportTable;
}
