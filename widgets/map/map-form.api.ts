import { request } from '../core/api.js';
import { guardStaff, staffRequest } from '../core/staff.api.js';
import type { OrganisationDraftInput } from './map-form.model.js';

/** The entry a form starts from, with the id it edits and whether an edit already waits for review. */
export interface EntryView {
  organisationId: string;
  organisation: OrganisationDraftInput;
  pendingEdit: boolean;
}

/**
 * The entry to start from when it is not handed over: the owner's, by the e-mailed token (sent in
 * the body, never in a URL that access logs keep), or the one a staff member edits (a 401 ends the
 * session through `host`).
 */
export async function loadEntry(host: HTMLElement, api: string, mode: 'owner' | 'staff', key: string, signal: AbortSignal): Promise<EntryView> {
  if (mode === 'owner') return request<EntryView>(api, '/v1/map/owner/view', { method: 'POST', body: { token: key }, signal });
  const organisation = await guardStaff(host, staffRequest<OrganisationDraftInput>(api, `/v1/admin/map/organisations/${encodeURIComponent(key)}`, null, { signal }));
  return { organisationId: '', organisation, pendingEdit: false };
}
