import type { z } from 'zod';
import type { AdviceAccepted, AttachmentInfo, Booking, PublicSlot, StatusView, Topic } from '../../common/advice.schema.js';
import { ApiError, request } from '../core/api.js';

/** The advice widgets' client, typed from the server's own schemas (types only: no zod reaches the widget). */

export type AdviceTopic = z.output<typeof Topic>;
export type Slot = z.output<typeof PublicSlot>;
export type Accepted = z.output<typeof AdviceAccepted>;
export type CaseStatusView = z.output<typeof StatusView>;
export type Attachment = z.output<typeof AttachmentInfo>;
export type BookingInfo = z.output<typeof Booking>;

const q = encodeURIComponent;

export const getTopics = (api: string, signal?: AbortSignal) => request<{ items: AdviceTopic[] }>(api, '/v1/advice/topics', { signal });
export const getSlots = (api: string, topic: string, signal?: AbortSignal) => request<{ items: Slot[] }>(api, `/v1/advice/slots?topic=${q(topic)}`, { signal });
export const getStatus = (api: string, token: string, signal?: AbortSignal) => request<CaseStatusView>(api, `/v1/advice/status?token=${q(token)}`, { signal, cache: 'no-store' });
export const downloadUrl = (api: string, token: string, id: string) => `${api}/v1/advice/status/attachments/${q(id)}?token=${q(token)}`;

/** Posts one file as the raw body (`application/octet-stream`) to `url`; the answer is the stored file. */
export async function postFile(url: string, file: File, init: { credentials: RequestCredentials; headers?: Record<string, string> }): Promise<Attachment> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json', ...init.headers }, body: file, credentials: init.credentials });
  } catch (err) {
    throw new ApiError(0, 'network_error', String(err));
  }
  const data = (await res.json().catch(() => undefined)) as { error?: { code: string; message: string } } | undefined;
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'internal_error', data?.error?.message ?? res.statusText);
  return data as unknown as Attachment;
}

/** Uploads one file with the status token or the form's upload token. */
export const uploadFile = (api: string, token: string, file: File): Promise<Attachment> =>
  postFile(`${api}/v1/advice/status/attachments?token=${q(token)}&name=${q(file.name)}`, file, { credentials: 'omit' });

/** Guide articles matching the question (the guide module); an empty list when the guide is not there. */
export async function relatedGuide(api: string, text: string, lang: string, signal?: AbortSignal): Promise<{ slug: string; title: string }[]> {
  const r = await request<{ items: { slug: string; title: string }[] }>(api, `/v1/guide/search?q=${q(text)}&lang=${q(lang)}&limit=3`, { signal }).catch((err: unknown) => {
    if (signal?.aborted) throw err;
    return { items: [] };
  });
  return r.items.slice(0, 3);
}

/** Upcoming trainings matching the question (the events module); an empty list when it is not there. */
export async function relatedTrainings(api: string, text: string, signal?: AbortSignal): Promise<{ id: string; title: string; startsAt: string }[]> {
  const r = await request<{ items: { id: string; title: string; startsAt: string }[] }>(api, `/v1/events?type=training&q=${q(text)}`, { signal }).catch((err: unknown) => {
    if (signal?.aborted) throw err;
    return { items: [] };
  });
  return r.items.slice(0, 3);
}

/** The words of a question worth searching for: the longest few, so a search matches on what matters. */
export function keywords(text: string, max = 3): string {
  const words = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]{5,}/gu) ?? [])];
  return words.sort((a, b) => b.length - a.length).slice(0, max).join(' ');
}
