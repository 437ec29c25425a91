import * as z from '../../common/zod.js';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { assertDistrict } from '../core/staff.rules.js';
import type { AppEnv } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { jsonContent } from '../core/openapi.js';
import type { Database } from '../db/schema.js';
import { findEventRow, findPlacesRow, type EventRow } from './events.repository.js';
import { statusCounts } from './events.places.js';
import { accessNeedCounts } from './events.attendance.js';

/** What the staff routers of the events section share (events.admin.routes.ts mounts them). */

export const TAGS = ['admin:events'];

export const Ok = jsonContent(z.object({ ok: z.literal(true) }), 'Done');

/** An event a staff member may touch: district-scoped editors only their district's (and city-wide ones for no one but unscoped staff). */
export async function staffEvent(c: Context<AppEnv>, id: string): Promise<EventRow> {
  const row = await findEventRow(c.var.db, id);
  if (!row) throw notFound('Event');
  assertDistrict(c.var.staff!, row.district === null ? null : [row.district]);
  return row;
}

/** Counts of one list for staff: statuses, places left and access needs ("2 need a PJM interpreter"). */
export async function listCounts(db: Kysely<Database>, placesId: string | null) {
  if (!placesId) return null;
  const places = (await findPlacesRow(db, placesId))!;
  return { ...(await statusCounts(db, placesId)), capacity: places.capacity, taken: places.taken, accessNeeds: await accessNeedCounts(db, placesId) };
}
