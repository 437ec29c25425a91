import type { z } from 'zod';
import type { CaseStatus } from '../../common/advice.js';
import type { NewTopicInput, StaffCaseDetail, StaffCaseSummary, StaffSlot, StaffTopic, Stats, TopicInput } from '../../common/advice.schema.js';
import { CSRF_HEADER } from '../../common/admin.js';
import { staffRequest, type SessionToken } from '../core/staff.api.js';
import { postFile } from './advice.api.js';

/** Client of `/v1/admin/advice`: same-origin, the session cookie, the CSRF token on writes; typed from the server's schemas. */
const BASE = '/v1/admin/advice';
const id = encodeURIComponent;

export type CaseSummary = z.output<typeof StaffCaseSummary>;
export type CaseDetail = z.output<typeof StaffCaseDetail>;
export type StaffSlotView = z.output<typeof StaffSlot>;
export type AdviceStats = z.output<typeof Stats>;
export type StaffTopicView = z.output<typeof StaffTopic>;
export type TopicBody = z.input<typeof TopicInput>;

export interface CaseQuery {
  status: CaseStatus | '';
  mine: boolean;
  overdue: boolean;
}

const write = <T>(base: string, session: SessionToken, path: string, body: unknown = {}, method: 'POST' | 'PUT' | 'DELETE' = 'POST') => staffRequest<T>(base, BASE + path, session, { method, body });

export function listCases(base: string, q: CaseQuery, signal?: AbortSignal) {
  const p = new URLSearchParams();
  if (q.status) p.set('status', q.status);
  if (q.mine) p.set('mine', '1');
  if (q.overdue) p.set('overdue', '1');
  return staffRequest<{ items: CaseSummary[] }>(base, `${BASE}/cases?${p}`, null, { signal });
}
export const getCase = (base: string, caseId: string, signal?: AbortSignal) => staffRequest<CaseDetail>(base, `${BASE}/cases/${id(caseId)}`, null, { signal });
export const assign = (base: string, s: SessionToken, caseId: string, staffId: string | null) => write(base, s, `/cases/${id(caseId)}/assign`, { staffId });
export const addNote = (base: string, s: SessionToken, caseId: string, body: string) => write(base, s, `/cases/${id(caseId)}/notes`, { body });
export const reply = (base: string, s: SessionToken, caseId: string, body: string, status: 'answered' | 'waiting_for_requester', attachmentIds: string[] = []) =>
  write(base, s, `/cases/${id(caseId)}/replies`, { body, status, attachmentIds });
/** Uploads a file for the next reply (same-origin, the CSRF token); the reply names it by id. */
export const uploadReplyFile = (base: string, s: NonNullable<SessionToken>, caseId: string, file: File) =>
  postFile(`${base}${BASE}/cases/${id(caseId)}/attachments?name=${id(file.name)}`, file, { credentials: 'same-origin', headers: { [CSRF_HEADER]: s.csrfToken } });
export const closeCase = (base: string, s: SessionToken, caseId: string) => write(base, s, `/cases/${id(caseId)}/close`);
export const fileUrl = (base: string, caseId: string, fileId: string) => `${base}${BASE}/cases/${id(caseId)}/attachments/${id(fileId)}`;

export const listSlots = (base: string, signal?: AbortSignal) => staffRequest<{ items: StaffSlotView[] }>(base, `${BASE}/slots?mine=1`, null, { signal });
export const addSlot = (base: string, s: SessionToken, slot: { startsAt: string; endsAt: string; mode: 'in_person' | 'online'; address: string; onlineUrl: string; topicId: string }) => write<{ id: string }>(base, s, '/slots', slot);
export const removeSlot = (base: string, s: SessionToken, slotId: string) => write(base, s, `/slots/${id(slotId)}`, undefined, 'DELETE');
export const cancelSlotBooking = (base: string, s: SessionToken, slotId: string) => write(base, s, `/slots/${id(slotId)}/cancel-booking`);

export const getStats = (base: string, signal?: AbortSignal) => staffRequest<AdviceStats>(base, `${BASE}/stats`, null, { signal });
export const exportUrl = (base: string, format: 'csv' | 'xlsx') => `${base}${BASE}/export?format=${format}`;

export const listTopics = (base: string, signal?: AbortSignal) => staffRequest<{ items: StaffTopicView[] }>(base, `${BASE}/topics`, null, { signal });
export const createTopic = (base: string, s: SessionToken, body: z.input<typeof NewTopicInput>) => write<StaffTopicView>(base, s, '/topics', body);
export const saveTopic = (base: string, s: SessionToken, topicId: string, body: TopicBody) => write<StaffTopicView>(base, s, `/topics/${id(topicId)}`, body, 'PUT');
export const orderTopics = (base: string, s: SessionToken, ids: string[]) => write<{ items: StaffTopicView[] }>(base, s, '/topics/order', { ids }, 'PUT');
