import type { Flag, Timestamp } from '../core/core.table.js';
import type { EventStatus, EventType, RegistrationMode, RegistrationStatus, SeriesKind } from '../../common/events.js';

/** The places of one registration list: an event's own, or a cycle's (shared by its sessions). */
export interface EventPlacesTable {
  id: string;
  /** Null: unlimited. */
  capacity: number | null;
  /** Registrations holding a place (confirmed or offered). Moves only by conditional updates, never read-modify-write. */
  taken: number;
  waiting_list: Flag;
  deadline_at: Timestamp | null;
  /** JSON `Question[]`. */
  questions: string;
  /** JSON `Question[]`: questions removed from the list, kept so that answers already given still head their column in the export. */
  retired_questions: string;
  /** JSON `{ [questionId]: option[] }`: options removed from a question, kept so that an answer given to one still reads as its label in the export. */
  retired_options: string;
  ask_access_needs: Flag;
}

export interface EventSeriesTable {
  id: string;
  kind: SeriesKind;
  title: string;
  description: string;
  /** JSON `{ en?: { title, description }, uk?: … }`. */
  translations: string;
  organiser_name: string;
  organisation_id: string | null;
  registration_mode: 'none' | 'series';
  places_id: string | null;
  attendance_percent: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CalendarEventTable {
  id: string;
  series_id: string | null;
  title: string;
  description: string;
  translations: string;
  type: EventType;
  status: EventStatus;
  all_day: Flag;
  /** UTC instants. All-day events run from Warsaw midnight of the first day to Warsaw midnight after the last. */
  starts_at: Timestamp;
  ends_at: Timestamp;
  venue_name: string | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  district: number | null;
  /** JSON `VenueAccessibility[]`; `step_free` mirrors one of them for the "accessible" filter. */
  accessibility: string;
  step_free: Flag;
  online_url: string | null;
  organiser_name: string;
  organisation_id: string | null;
  /** JSON arrays. */
  languages: string;
  audience: string;
  free: Flag;
  price_note: string | null;
  info_url: string | null;
  registration_mode: RegistrationMode;
  /** Its own places (`event`), its series' (`series`), or none. */
  places_id: string | null;
  /** The iCalendar SEQUENCE: bumped on every change, so calendar apps replace their copy. */
  sequence: number;
  cancel_reason: string | null;
  cancelled_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CalendarEventTokenTable { token: string; event_id: string }

export interface EventRegistrationTable {
  id: string;
  places_id: string;
  /** The event registered for, or null for a whole-series registration. */
  event_id: string | null;
  series_id: string | null;
  status: RegistrationStatus;
  /** Private: never in public output; blanked by retention (`purged_at`). */
  name: string;
  email: string;
  organisation: string | null;
  /** JSON `{ [questionId]: string | string[] | boolean }`. */
  answers: string;
  /** JSON `AccessNeed[]`: kept after the purge, for the counts. */
  access_needs: string;
  access_note: string | null;
  /** JSON ids of the sessions of a cycle this person will not attend. */
  skip_sessions: string;
  lang: string;
  /** Check-in code (the QR code carries it); random, unique. */
  code: string;
  /** When the person confirmed their address. */
  queued_at: Timestamp | null;
  /** Place in the list's queue, given under the places lock at confirmation: the waiting list is strictly first come, first served. */
  queue_no: number | null;
  offered_until: Timestamp | null;
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  purged_at: Timestamp | null;
}

export interface EventAttendanceTable {
  registration_id: string;
  event_id: string;
  method: 'qr' | 'list';
  checked_in_at: Timestamp;
  checked_in_by: string | null;
}

export interface EventCertificateTable {
  id: string;
  /** Public, verifiable: `2027-K7Q3-M9XD`. Random, so numbers cannot be enumerated. */
  number: string;
  series_id: string;
  registration_id: string | null;
  holder_name: string;
  series_title: string;
  /** JSON `{ title, startLocal }[]` of the sessions attended. */
  sessions: string;
  attended: number;
  held: number;
  issued_at: Timestamp;
  issued_by: string | null;
  revoked_at: Timestamp | null;
}

export type EventSubmissionStatus = 'unconfirmed' | 'pending' | 'approved' | 'rejected';

export interface EventSubmissionTable {
  id: string;
  event_id: string;
  status: EventSubmissionStatus;
  submitter_name: string;
  submitter_email: string;
  note: string;
  lang: string;
  reason: string | null;
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

export interface EventTables {
  event_places: EventPlacesTable;
  event_series: EventSeriesTable;
  calendar_event: CalendarEventTable;
  calendar_event_token: CalendarEventTokenTable;
  event_registration: EventRegistrationTable;
  event_attendance: EventAttendanceTable;
  event_certificate: EventCertificateTable;
  event_submission: EventSubmissionTable;
}
