import type { CaseStatus, Channel, MessageAuthor, SlotMode } from '../../common/advice.js';
import type { OrgKind } from '../../common/map.js';
import type { Flag, Timestamp } from '../core/core.table.js';

export interface AdviceTopicTable {
  /** A slug: `law`, `taxes`… */
  id: string;
  /** JSON `{ pl, en, uk }`. */
  labels: string;
  /** JSON `{ pl, en, uk }`: the one-line explanation in the topic picker. */
  explanation: string;
  /** JSON `TopicField[]`. */
  fields: string;
  position: number;
  active: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AdviceCounterTable {
  year: number;
  last: number;
}

export interface AdviceCaseTable {
  id: string;
  year: number;
  seq: number;
  /** `PD/2026/0042`. */
  number: string;
  topic_id: string;
  status: CaseStatus;
  lang: string;
  /** Personal fields below are blanked when the case is purged (`purged_at`). */
  organisation_name: string;
  organisation_krs: string | null;
  organisation_kind: OrgKind;
  /** The organisation's map entry, found by KRS. */
  organisation_id: string | null;
  /** The map entry's first district, for the statistics. */
  district: number | null;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  channel: Channel;
  /** JSON `TimeWindow[]`. */
  time_windows: string;
  question: string;
  /** JSON `{ [key]: value }`: the topic's extra fields. */
  fields: string;
  assigned_to: string | null;
  due_at: Timestamp | null;
  due_reminded_at: Timestamp | null;
  first_response_at: Timestamp | null;
  answered_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** 1–5, the requester's answer after closing. */
  satisfaction: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  purged_at: Timestamp | null;
}

export interface AdviceMessageTable {
  id: string;
  case_id: string;
  author: MessageAuthor;
  staff_id: string | null;
  body: string;
  created_at: Timestamp;
}

export interface AdviceAttachmentTable {
  id: string;
  case_id: string;
  message_id: string | null;
  uploaded_by: 'requester' | 'staff';
  storage_key: string;
  filename: string;
  content_type: string;
  size: number;
  created_at: Timestamp;
}

export interface AdviceSlotTable {
  id: string;
  adviser_id: string;
  /** null: any topic. */
  topic_id: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  mode: SlotMode;
  address: string | null;
  online_url: string | null;
  /** The case that booked it; null while free. */
  case_id: string | null;
  booked_at: Timestamp | null;
  reminded_at: Timestamp | null;
  created_at: Timestamp;
}

export interface AdviceAdviserTopicTable {
  staff_id: string;
  topic_id: string;
}

export interface AdviceTables {
  advice_topic: AdviceTopicTable;
  advice_counter: AdviceCounterTable;
  advice_case: AdviceCaseTable;
  advice_message: AdviceMessageTable;
  advice_attachment: AdviceAttachmentTable;
  advice_slot: AdviceSlotTable;
  advice_adviser_topic: AdviceAdviserTopicTable;
}
