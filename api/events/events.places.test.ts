import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { dialects, testDatabase } from '../testing.js';
import { EventInput } from '../../common/events.schema.js';
import { findEventRow, findPlacesRow, insertEvent } from './events.repository.js';
import { acceptOffer, cancelRegistration, confirmRegistration, expireOffers, fillFreePlaces, findRegistration, insertRegistration, statusCounts } from './events.places.js';
import { utcToWarsawLocal } from '../../common/time.js';

const local = (ms: number) => utcToWarsawLocal(new Date(ms).toISOString());

/** A published event with `capacity` places, starting `startsInH` hours from `now`. */
async function eventWithPlaces(db: DatabaseHandle['db'], capacity: number, startsInH: number, now = Date.now(), waitingList = true) {
  const start = now + startsInH * 3600_000;
  const input = EventInput.parse({
    title: 'Klauzule społeczne w praktyce: warsztat', type: 'training', start: local(start), end: local(start + 3 * 3600_000),
    organiser: { name: 'MOWIS' }, venue: { name: 'Sala Obrad, Plac Wszystkich Świętych 3', district: 1 },
    registrationMode: 'event', registration: { capacity, waitingList },
  });
  const id = await insertEvent(db, input);
  const placesId = (await findEventRow(db, id))!.places_id!;
  return { id, placesId };
}

const person = (placesId: string, eventId: string, i: number) => ({
  placesId, eventId, seriesId: null, name: `Osoba Łącka ${i}`, email: `osoba${i}@example.org`, organisation: null, answers: {}, accessNeeds: [], accessNote: null, skipSessions: [], lang: 'pl',
});

describe.each(dialects)('places and the waiting list (%s)', (dialect) => {
  let handles: DatabaseHandle[] = [];
  afterEach(async () => {
    // The second instance closes first; the first owns (and drops) the test schema.
    for (const h of handles.reverse()) await h.close();
    handles = [];
  });

  /** Two "instances": on PostgreSQL two pools on one schema, as two processes would have; SQLite has one file handle. */
  async function instances(): Promise<[DatabaseHandle['db'], DatabaseHandle['db']]> {
    const a = await testDatabase(dialect);
    handles.push(a);
    if (dialect === 'sqlite') return [a.db, a.db];
    const b = openDatabase(process.env.TEST_DATABASE_URL!, { schema: a.schema, poolSize: 5 });
    handles.push(b);
    return [a.db, b.db];
  }

  it('gives 50 concurrent confirmations for 10 places exactly 10 places and 40 waiting, and a cancellation moves exactly one up', async () => {
    const [a, b] = await instances();
    const { id, placesId } = await eventWithPlaces(a, 10, 24 * 10);
    const regs = [];
    for (let i = 0; i < 50; i++) regs.push(await insertRegistration(a, person(placesId, id, i)));

    const outcomes = await Promise.all(regs.map((r, i) => confirmRegistration(i % 2 ? b : a, r.id)));
    expect(outcomes.filter((o) => o.status === 'confirmed')).toHaveLength(10);
    expect(outcomes.filter((o) => o.status === 'waiting')).toHaveLength(40);
    expect(await statusCounts(a, placesId)).toMatchObject({ confirmed: 10, waiting: 40, unconfirmed: 0 });
    expect((await findPlacesRow(a, placesId))!.taken).toBe(10);

    // Confirming again (a second click on the link) changes nothing.
    const again = await Promise.all(regs.slice(0, 5).map((r) => confirmRegistration(b, r.id)));
    expect(again.every((o) => o.status === 'unchanged')).toBe(true);
    expect((await findPlacesRow(a, placesId))!.taken).toBe(10);

    // The first in the queue is the first waiting by confirmation order.
    const waiting = await a.selectFrom('event_registration').select(['id']).where('places_id', '=', placesId).where('status', '=', 'waiting').orderBy('queue_no').execute();
    const confirmed = outcomes.filter((o) => o.status === 'confirmed').map((o) => o.registration.id);
    const out = await cancelRegistration(b, confirmed[0]!);
    expect(out.changed).toBe(true);
    expect(out.promoted?.id).toBe(waiting[0]!.id);
    expect(out.promoted?.status).toBe('confirmed'); // ten days ahead: no offer needed
    expect(await statusCounts(a, placesId)).toMatchObject({ confirmed: 10, waiting: 39, cancelled: 1 });
    expect((await findPlacesRow(a, placesId))!.taken).toBe(10);

    // Cancelling the same registration again, from the other instance, moves no one.
    expect((await cancelRegistration(a, confirmed[0]!)).changed).toBe(false);
    expect(await statusCounts(a, placesId)).toMatchObject({ confirmed: 10, waiting: 39 });
  });

  it('keeps the invariant when cancellations, confirmations and promotions race on two instances', async () => {
    const [a, b] = await instances();
    const { id, placesId } = await eventWithPlaces(a, 10, 24 * 10);
    const regs = [];
    for (let i = 0; i < 30; i++) regs.push(await insertRegistration(a, person(placesId, id, i)));
    const first = await Promise.all(regs.slice(0, 20).map((r, i) => confirmRegistration(i % 2 ? a : b, r.id)));
    const holders = first.filter((o) => o.status === 'confirmed').map((o) => o.registration.id);
    // Five holders cancel while ten more people confirm, all at once.
    const results = await Promise.all([
      ...holders.slice(0, 5).map((rid, i) => cancelRegistration(i % 2 ? a : b, rid)),
      ...regs.slice(20).map((r, i) => confirmRegistration(i % 2 ? b : a, r.id)),
    ]);
    const promoted = results.flatMap((r) => ('promoted' in r && r.promoted ? [r.promoted.id] : []));
    expect(new Set(promoted).size).toBe(promoted.length);
    const counts = await statusCounts(a, placesId);
    expect(counts.confirmed + counts.offered).toBe(10);
    expect(counts).toMatchObject({ cancelled: 5, waiting: 15, unconfirmed: 0 });
    expect((await findPlacesRow(a, placesId))!.taken).toBe(10);
  });

  it('passes a lapsed offer on in one transaction with the mail: a failed mail leaves the offer as it was', async () => {
    const [a] = await instances();
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const { id, placesId } = await eventWithPlaces(a, 1, 30, now);
    const [holder, next, third] = [await insertRegistration(a, person(placesId, id, 11)), await insertRegistration(a, person(placesId, id, 12)), await insertRegistration(a, person(placesId, id, 13))];
    for (const r of [holder, next, third]) await confirmRegistration(a, r.id);
    await cancelRegistration(a, holder.id, new Date(now));
    const failed = expireOffers(a, new Date(now + 16 * 3600_000), async () => {
      throw new Error('outbox unavailable');
    });
    await expect(failed).rejects.toThrow('outbox unavailable');
    // Nothing moved: the lapsed offer is still the one standing, the third person still waits.
    expect((await findRegistration(a, next.id))!.status).toBe('offered');
    expect((await findRegistration(a, third.id))!.status).toBe('waiting');
    expect((await findPlacesRow(a, placesId))!.taken).toBe(1);
    const mailed: string[] = [];
    const moved = await expireOffers(a, new Date(now + 16 * 3600_000), async (trx, reg) => mailed.push(reg.id));
    expect(moved.map((r) => r.id)).toEqual([third.id]);
    expect(mailed).toEqual([third.id]);
    expect((await findRegistration(a, next.id))!.status).toBe('expired');
  });

  it('offers a freed place with a deadline when the event is near, and passes it on when the offer lapses', async () => {
    const [a] = await instances();
    // Event times have minute precision: start from a whole minute so that 30 h is exact.
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const { id, placesId } = await eventWithPlaces(a, 1, 30, now);
    const [holder, next, third] = [await insertRegistration(a, person(placesId, id, 1)), await insertRegistration(a, person(placesId, id, 2)), await insertRegistration(a, person(placesId, id, 3))];
    for (const r of [holder, next, third]) await confirmRegistration(a, r.id);
    const out = await cancelRegistration(a, holder.id, new Date(now));
    expect(out.promoted).toMatchObject({ id: next.id, status: 'offered' });
    // 30 h ahead: half the time left, 15 h, to accept.
    expect(Date.parse(out.promoted!.offered_until!)).toBe(now + 15 * 3600_000);

    // Not yet due: nothing expires.
    expect(await expireOffers(a, new Date(now + 3600_000))).toEqual([]);
    const moved = await expireOffers(a, new Date(now + 16 * 3600_000));
    expect(moved.map((r) => r.id)).toEqual([third.id]);
    expect((await findRegistration(a, next.id))!.status).toBe('expired');
    // A lapsed offer cannot be accepted; the live one can.
    expect(await acceptOffer(a, next.id, new Date(now + 16 * 3600_000))).toBe(false);
    expect(await acceptOffer(a, third.id, new Date(now + 16 * 3600_000))).toBe(true);
    expect(await statusCounts(a, placesId)).toMatchObject({ confirmed: 1, expired: 1, cancelled: 1, waiting: 0 });
    expect((await findPlacesRow(a, placesId))!.taken).toBe(1);

    // The holder cancels with no one waiting: the place is free again.
    await cancelRegistration(a, third.id, new Date(now + 17 * 3600_000));
    expect((await findPlacesRow(a, placesId))!.taken).toBe(0);
  });

  it('refuses a place without a waiting list, and fills raised capacity from the waiting list', async () => {
    const [a] = await instances();
    const closed = await eventWithPlaces(a, 1, 200, Date.now(), false);
    const r1 = await insertRegistration(a, person(closed.placesId, closed.id, 1));
    const r2 = await insertRegistration(a, person(closed.placesId, closed.id, 2));
    expect((await confirmRegistration(a, r1.id)).status).toBe('confirmed');
    expect((await confirmRegistration(a, r2.id)).status).toBe('full');

    const open = await eventWithPlaces(a, 2, 200);
    const regs = [];
    for (let i = 0; i < 6; i++) regs.push(await insertRegistration(a, person(open.placesId, open.id, i)));
    for (const r of regs) await confirmRegistration(a, r.id);
    await a.updateTable('event_places').set({ capacity: 5 }).where('id', '=', open.placesId).execute();
    const moved = await fillFreePlaces(a, open.placesId);
    expect(moved.map((r) => r.id)).toEqual([regs[2]!.id, regs[3]!.id, regs[4]!.id]);
    expect(await statusCounts(a, open.placesId)).toMatchObject({ confirmed: 5, waiting: 1 });
    expect((await findPlacesRow(a, open.placesId))!.taken).toBe(5);
  });
});
