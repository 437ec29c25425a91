import { ATTACHMENT_LIMITS, OPEN_STATUSES, type CaseStatus } from '../../common/advice.js';
import type { TopicField } from '../../common/advice.schema.js';
import type { FieldIssue } from '../../common/errors.js';
import type { StaffRole } from '../../common/taxonomy.js';
import { isLocalDate } from '../../common/time.js';
import { DATE_MESSAGE } from '../../common/zod.js';
import { ApiError } from '../core/errors.js';

/** The advisory point's pure rules: the status machine, topic fields, due dates, who sees which case, booking windows. */

const DAY = 24 * 3600_000;

/** Days from a request to its due date, unless staff set another. */
export const DUE_DAYS = 14;
/** The due-date reminder goes this long before the due date. */
export const DUE_REMINDER_MS = DAY;
/** The meeting reminder goes out the day before. */
export const SLOT_REMINDER_MS = DAY;

/** Where each status may go by a staff action. `closed` is final. */
export const CASE_MOVES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['assigned', 'in_progress', 'waiting_for_requester', 'answered', 'closed'],
  assigned: ['assigned', 'in_progress', 'waiting_for_requester', 'answered', 'closed'],
  in_progress: ['assigned', 'in_progress', 'waiting_for_requester', 'answered', 'closed'],
  waiting_for_requester: ['assigned', 'in_progress', 'waiting_for_requester', 'answered', 'closed'],
  answered: ['assigned', 'in_progress', 'waiting_for_requester', 'answered', 'closed'],
  closed: [],
};

export const canMove = (from: CaseStatus, to: CaseStatus) => CASE_MOVES[from].includes(to);

/** Throws 409 `case_closed` for a closed case, 409 `conflict` for any other move the machine does not allow. */
export function assertMove(from: CaseStatus, to: CaseStatus): void {
  if (from === 'closed') throw caseClosed();
  if (!canMove(from, to)) throw new ApiError(409, 'conflict', `A case cannot go from ${from} to ${to}`);
}

export const caseClosed = () => new ApiError(409, 'case_closed', 'This case is closed');

/** Assigning gives `assigned` to a case nobody works on yet; a case in work keeps its status. Unassigning a fresh one gives `new` back. */
export function statusAfterAssign(status: CaseStatus, assigned: boolean): CaseStatus {
  if (status === 'closed') throw caseClosed();
  if (assigned) return status === 'new' ? 'assigned' : status;
  return status === 'assigned' ? 'new' : status;
}

/** The requester writes again: a case that waited for them, or was answered, goes back to work. */
export function statusAfterRequesterReply(status: CaseStatus): CaseStatus {
  if (status === 'closed') throw caseClosed();
  return status === 'waiting_for_requester' || status === 'answered' ? 'in_progress' : status;
}

/** A staff reply answers the case, or asks the requester something (`waiting_for_requester`). */
export function statusAfterStaffReply(status: CaseStatus, wanted: 'answered' | 'waiting_for_requester'): CaseStatus {
  assertMove(status, wanted);
  return wanted;
}

/** Still waiting for the advisory point: counted as overdue after its due date. */
export const isOpen = (status: CaseStatus) => (OPEN_STATUSES as readonly string[]).includes(status);
export const isOverdue = (c: { status: CaseStatus; due_at: string | null }, now: Date) => isOpen(c.status) && c.due_at !== null && c.due_at < now.toISOString();
export const dueDate = (created: Date, days = DUE_DAYS) => new Date(created.getTime() + days * DAY).toISOString();

/** The requester may rate once, after closing. */
export const canRate = (c: { status: CaseStatus; satisfaction: number | null }) => c.status === 'closed' && c.satisfaction === null;
export const canReply = (c: { status: CaseStatus }) => c.status !== 'closed';
export const attachmentsLeft = (count: number) => Math.max(0, ATTACHMENT_LIMITS.perCase - count);

/**
 * The topic's extra fields, checked against their definitions: required ones present, selects
 * among their options, numbers and dates well-formed, unknown keys refused. Returns the kept
 * values, or the issues at `fields.<key>`.
 */
export function checkTopicFields(defs: readonly TopicField[], values: Readonly<Record<string, string>>): { values: Record<string, string>; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const kept: Record<string, string> = {};
  const asked = defs.filter((d) => !d.retired);
  const known = new Set(asked.map((d) => d.key));
  for (const key of Object.keys(values)) if (!known.has(key)) issues.push({ path: `fields.${key}`, code: 'unknown_field', message: `Unknown field "${key}"` });
  for (const d of asked) {
    const v = (values[d.key] ?? '').trim();
    const path = `fields.${d.key}`;
    if (!v) {
      if (d.required) issues.push({ path, code: 'required', message: 'Required' });
      continue;
    }
    if (d.type === 'select' && !d.options.some((o) => o.value === v)) issues.push({ path, code: 'invalid_value', message: 'Not one of the options' });
    else if (d.type === 'number' && !/^-?\d+([.,]\d+)?$/.test(v)) issues.push({ path, code: 'invalid_format', message: 'A number' });
    else if (d.type === 'date' && !isLocalDate(v)) issues.push({ path, code: 'invalid_format', message: DATE_MESSAGE });
    else kept[d.key] = v;
  }
  return { values: kept, issues };
}

/**
 * A topic's new field definitions checked against the stored ones, so that earlier requests keep
 * their meaning: a field left out is kept as retired (its label still names the answers already
 * given, the form no longer asks it), a kept key may not change its type (the answers given are of
 * the old type: retire it and add a new key), and a retired field is never required. Returns the
 * definitions to store, the issues at `fields.<i>.type`, and what changed (for the audit log).
 */
export function mergeTopicFields(before: readonly TopicField[], after: readonly TopicField[]) {
  const issues: FieldIssue[] = [];
  const old = new Map(before.map((f) => [f.key, f]));
  const fields: TopicField[] = after.map((f) => (f.retired ? { ...f, required: false } : f));
  after.forEach((f, i) => {
    const was = old.get(f.key);
    if (was && was.type !== f.type) issues.push({ path: `fields.${i}.type`, code: 'type_changed', message: `Field "${f.key}" was asked as ${was.type} in earlier requests; retire it and add a field with a new key` });
  });
  const kept = new Set(after.map((f) => f.key));
  const dropped = before.filter((f) => !kept.has(f.key));
  fields.push(...dropped.map((f) => ({ ...f, required: false, retired: true })));
  const changes = {
    added: after.filter((f) => !old.has(f.key)).map((f) => f.key),
    retired: [...dropped.filter((f) => !f.retired), ...after.filter((f) => f.retired && old.get(f.key)?.retired === false)].map((f) => f.key),
    restored: after.filter((f) => !f.retired && old.get(f.key)?.retired === true).map((f) => f.key),
  };
  return { fields, issues, changes };
}

/** What the case scope needs of a staff member. */
export interface CaseViewer {
  id: string;
  role: StaffRole;
  /** The topics whose queue this adviser looks after. */
  topics: readonly string[];
}

/**
 * Who sees a case: admins every case; an adviser the cases assigned to them and the unassigned
 * cases in their topics' queue. Everyone else none (the section's roles keep them out already).
 */
export function canSeeCase(viewer: CaseViewer, c: { assigned_to: string | null; topic_id: string }): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'adviser') return false;
  return c.assigned_to === viewer.id || (c.assigned_to === null && viewer.topics.includes(c.topic_id));
}

/** Only admins assign cases to others; an adviser takes a case of their queue (or gives back their own). */
export function assertCanAssign(viewer: CaseViewer, c: { assigned_to: string | null; topic_id: string }, to: string | null): void {
  if (viewer.role === 'admin') return;
  const own = to === viewer.id || (to === null && c.assigned_to === viewer.id);
  if (!own) throw new ApiError(403, 'forbidden', 'Only an administrator assigns cases to others');
}

/** A slot may be booked while free and in the future; 409 `slot_taken` / `slot_past` otherwise. */
export function assertBookable(slot: { case_id: string | null; starts_at: string }, now: Date): void {
  if (slot.starts_at <= now.toISOString()) throw new ApiError(409, 'slot_past', 'This slot has already begun');
  if (slot.case_id !== null) throw slotTaken();
}
export const slotTaken = () => new ApiError(409, 'slot_taken', 'Someone has just booked this slot; pick another');

/** A booking may be cancelled until the meeting begins. */
export function assertCancellable(slot: { starts_at: string }, now: Date): void {
  if (slot.starts_at <= now.toISOString()) throw new ApiError(409, 'slot_past', 'The meeting has already begun');
}

/** A slot fits a topic when it is for that topic or for any. */
export const slotFitsTopic = (slot: { topic_id: string | null }, topic: string) => slot.topic_id === null || slot.topic_id === topic;
