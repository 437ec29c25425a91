import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { EditionStatus, Instrument, RespondentGroup, Texts } from '../../common/surveys.js';
import type { PublicationChoice } from '../../common/surveys.schema.js';
import { editionStatus } from '../../common/surveys.js';
import { ApiError, notFound } from '../core/errors.js';
import { newId, nowIso } from '../core/ids.js';
import { bumpDataVersion, dataVersion, type ReadVersion } from '../core/cache.js';
import type { SurveyEditionTable, SurveyInstrumentTable, SurveyRecommendationTable } from './surveys.table.js';

type Db = Kysely<Database> | Transaction<Database>;
export type EditionRow = SurveyEditionTable;
export type InstrumentRow = SurveyInstrumentTable;

/** The module's data version: bumped by every change the public can see (instruments, editions, publication). */
export const surveysVersion = (db: Db) => dataVersion(db, 'surveys');
export const bumpSurveysVersion = (db: Db) => bumpDataVersion(db, 'surveys');

const MAX_AGE = 60;

/**
 * The clock's part of the public reads' version, in one query of four index steps (however many
 * editions there are): the latest opening and closing that have passed by `at`, and the next ones.
 * With the data unchanged, the latest instants passed say which editions are open and closed.
 */
export function surveysClockQuery(db: Db, at: string) {
  const edge = (column: 'opens_at' | 'closes_at', passed: boolean) =>
    db.selectFrom('survey_edition').select(column).where(column, passed ? '<=' : '>', at).orderBy(column, passed ? 'desc' : 'asc').limit(1);
  return db.selectNoFrom([
    edge('opens_at', true).as('opened'),
    edge('closes_at', true).as('closed'),
    edge('opens_at', false).as('next_open'),
    edge('closes_at', false).as('next_close'),
  ]);
}

/**
 * The version of the public reads: the data version and the clock's part (`surveysClockQuery`),
 * since the server's clock opens and closes editions without a write. The cache lifetime ends at
 * the next opening or closing.
 */
export async function surveysReadVersion(db: Db, now = new Date()): Promise<ReadVersion> {
  const [clock, version] = await Promise.all([surveysClockQuery(db, nowIso(now)).executeTakeFirstOrThrow(), surveysVersion(db)]);
  const next = [clock.next_open, clock.next_close].filter((t): t is string => t !== null).map((t) => Date.parse(t) - now.getTime());
  const maxAge = next.length ? Math.max(1, Math.min(MAX_AGE, Math.floor(Math.min(...next) / 1000))) : MAX_AGE;
  return { version: `${version}|${clock.opened ?? ''}|${clock.closed ?? ''}`, maxAge };
}

export async function updateInstrumentNote(db: Db, instrumentId: string, note: string | null): Promise<void> {
  await db.updateTable('survey_instrument').set({ note }).where('id', '=', instrumentId).execute();
}

export const instrumentFrozen = () => new ApiError(409, 'survey_instrument_frozen', 'This instrument version is used by an edition and cannot change; upload a new version');

/** Creates the survey when it does not exist yet (its id is its slug). */
export async function ensureSurvey(db: Db, id: string, title: Texts, now = new Date()): Promise<void> {
  await db.insertInto('survey').values({ id, title: JSON.stringify(title), created_at: nowIso(now) }).onConflict((oc) => oc.column('id').doNothing()).execute();
}

/** A survey by id (its slug). The public reads' queries are exported as builders for the plan test (`surveys.read-plans.testing.ts`). */
export const surveyQuery = (db: Db, id: string) => db.selectFrom('survey').selectAll().where('id', '=', id);
export const findSurvey = (db: Db, id: string) => surveyQuery(db, id).executeTakeFirst();

/** Stores a new version of the survey's instrument: the next number after the highest. */
export async function insertInstrument(db: Db, surveyId: string, instrument: Instrument, opts: { note?: string | null; createdBy?: string | null } = {}, now = new Date()): Promise<{ id: string; version: number }> {
  const top = await db.selectFrom('survey_instrument').select((eb) => eb.fn.max<number>('version').as('v')).where('survey_id', '=', surveyId).executeTakeFirst();
  const version = Number(top?.v ?? 0) + 1;
  const id = newId();
  const at = nowIso(now);
  // The unique (survey_id, version) index refuses a concurrent upload that picked the same number.
  await db
    .insertInto('survey_instrument')
    .values({ id, survey_id: surveyId, version, document: JSON.stringify(instrument), note: opts.note ?? null, created_by: opts.createdBy ?? null, created_at: at, updated_at: at })
    .execute();
  await bumpSurveysVersion(db);
  return { id, version };
}

/** Whether an edition uses the version: then it is frozen. */
export async function isInstrumentFrozen(db: Db, instrumentId: string): Promise<boolean> {
  const row = await db.selectFrom('survey_edition').select('id').where('instrument_id', '=', instrumentId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Replaces an unused version's document (fixing a typo before any edition uses it). */
export async function replaceInstrument(db: Db, instrumentId: string, instrument: Instrument, now = new Date()): Promise<void> {
  const run = async (trx: Db) => {
    const row = await trx.selectFrom('survey_instrument').select('id').where('id', '=', instrumentId).executeTakeFirst();
    if (!row) throw notFound('Instrument');
    if (await isInstrumentFrozen(trx, instrumentId)) throw instrumentFrozen();
    await trx.updateTable('survey_instrument').set({ document: JSON.stringify(instrument), updated_at: nowIso(now) }).where('id', '=', instrumentId).execute();
    await bumpSurveysVersion(trx);
  };
  await (db.isTransaction ? run(db) : db.transaction().execute(run));
}

export const instrumentRowQuery = (db: Db, id: string) => db.selectFrom('survey_instrument').selectAll().where('id', '=', id);
export const findInstrumentRow = (db: Db, id: string) => instrumentRowQuery(db, id).executeTakeFirst();

export function instrumentVersionQuery(db: Db, surveyId: string, version: number | 'latest') {
  const q = db.selectFrom('survey_instrument').selectAll().where('survey_id', '=', surveyId);
  return version === 'latest' ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
}

export const findInstrumentVersion = (db: Db, surveyId: string, version: number | 'latest'): Promise<InstrumentRow | undefined> => instrumentVersionQuery(db, surveyId, version).executeTakeFirst();

export const instrumentOf = (row: Pick<InstrumentRow, 'document'>): Instrument => JSON.parse(row.document) as Instrument;

/** What staff chose to publish (`PublicationSchema`): the columns, item-level scores, the trend, the indicators. */
export type Publication = PublicationChoice;
export const DEFAULT_PUBLICATION: Publication = { columns: [], items: true, trend: true, indicators: true };

export interface NewEdition {
  surveyId: string;
  slug: string;
  instrumentId: string;
  opensAt: string;
  closesAt: string;
  periodFrom: string;
  periodTo: string;
  createdBy?: string | null;
}

export async function insertEdition(db: Db, e: NewEdition, now = new Date()): Promise<string> {
  const id = newId();
  const at = nowIso(now);
  await db
    .insertInto('survey_edition')
    .values({
      id, survey_id: e.surveyId, slug: e.slug, instrument_id: e.instrumentId, opens_at: e.opensAt, closes_at: e.closesAt, period_from: e.periodFrom, period_to: e.periodTo,
      publication: JSON.stringify(DEFAULT_PUBLICATION), published_at: null, indicators: null, meeting_on: null, meeting_note: null, created_by: e.createdBy ?? null, created_at: at, updated_at: at,
    })
    .execute();
  await bumpSurveysVersion(db);
  return id;
}

export const findEditionById = (db: Db, id: string) => db.selectFrom('survey_edition').selectAll().where('id', '=', id).executeTakeFirst();
export const findEdition = (db: Db, surveyId: string, slug: string) => db.selectFrom('survey_edition').selectAll().where('survey_id', '=', surveyId).where('slug', '=', slug).executeTakeFirst();

export const statusOfEdition = (row: Pick<EditionRow, 'opens_at' | 'closes_at'>, now: Date): EditionStatus => editionStatus({ opensAt: row.opens_at, closesAt: row.closes_at }, now);

export const publicationOf = (row: Pick<EditionRow, 'publication'>): Publication => ({ ...DEFAULT_PUBLICATION, ...(JSON.parse(row.publication) as Partial<Publication>) });

/** An edition with the version number of its instrument. */
export type EditionWithVersion = EditionRow & { instrument_version: number };

const editionsQuery = (db: Db) =>
  db.selectFrom('survey_edition as e').innerJoin('survey_instrument as i', 'i.id', 'e.instrument_id').selectAll('e').select('i.version as instrument_version');

/** The survey's editions, newest first (by opening). */
export const surveyEditionsQuery = (db: Db, surveyId: string) => editionsQuery(db).where('e.survey_id', '=', surveyId).orderBy('e.opens_at', 'desc').orderBy('e.slug', 'desc');
export const findEditions = (db: Db, surveyId: string): Promise<EditionWithVersion[]> => surveyEditionsQuery(db, surveyId).execute();

export const editionBySlugQuery = (db: Db, surveyId: string, slug: string) => editionsQuery(db).where('e.survey_id', '=', surveyId).where('e.slug', '=', slug);
export const findEditionWithVersion = (db: Db, surveyId: string, slug: string): Promise<EditionWithVersion | undefined> => editionBySlugQuery(db, surveyId, slug).executeTakeFirst();

export const findEditionWithVersionById = (db: Db, id: string): Promise<EditionWithVersion | undefined> => editionsQuery(db).where('e.id', '=', id).executeTakeFirst();

export const findSurveys = (db: Db) => db.selectFrom('survey').selectAll().orderBy('id').execute();

/** Every version of the survey's instrument, oldest first, with the editions that use each. */
export async function findInstruments(db: Db, surveyId: string): Promise<(InstrumentRow & { usedBy: string[] })[]> {
  const rows = await db.selectFrom('survey_instrument').selectAll().where('survey_id', '=', surveyId).orderBy('version').execute();
  const uses = await db.selectFrom('survey_edition').select(['instrument_id', 'slug']).where('survey_id', '=', surveyId).orderBy('slug').execute();
  return rows.map((r) => ({ ...r, usedBy: uses.filter((u) => u.instrument_id === r.id).map((u) => u.slug) }));
}

export interface EditionChanges {
  instrumentId?: string;
  opensAt?: string;
  closesAt?: string;
  periodFrom?: string;
  periodTo?: string;
}

export async function updateEdition(db: Db, id: string, ch: EditionChanges, now = new Date()): Promise<void> {
  await db
    .updateTable('survey_edition')
    .set({
      ...(ch.instrumentId !== undefined && { instrument_id: ch.instrumentId }),
      ...(ch.opensAt !== undefined && { opens_at: ch.opensAt }),
      ...(ch.closesAt !== undefined && { closes_at: ch.closesAt }),
      ...(ch.periodFrom !== undefined && { period_from: ch.periodFrom }),
      ...(ch.periodTo !== undefined && { period_to: ch.periodTo }),
      updated_at: nowIso(now),
    })
    .where('id', '=', id)
    .execute();
  await bumpSurveysVersion(db);
}

/** Stores the publish choices; `published` sets (or clears) the publication time and the frozen indicators. */
export async function updatePublication(db: Db, id: string, publication: Publication, published: { at: string; indicators: string } | null, now = new Date()): Promise<void> {
  await db
    .updateTable('survey_edition')
    .set({ publication: JSON.stringify(publication), published_at: published?.at ?? null, indicators: published?.indicators ?? null, updated_at: nowIso(now) })
    .where('id', '=', id)
    .execute();
  await bumpSurveysVersion(db);
}

export async function updateMeeting(db: Db, id: string, on: string | null, note: string | null, now = new Date()): Promise<void> {
  await db.updateTable('survey_edition').set({ meeting_on: on, meeting_note: note, updated_at: nowIso(now) }).where('id', '=', id).execute();
  await bumpSurveysVersion(db);
}

// --- the joint meeting ------------------------------------------------------------------------

export const agreedScoresQuery = (db: Db, editionId: string) => db.selectFrom('survey_agreed_score').selectAll().where('edition_id', '=', editionId).orderBy('section_id');
export const findAgreedScores = (db: Db, editionId: string) => agreedScoresQuery(db, editionId).execute();

export async function upsertAgreedScore(db: Db, editionId: string, sectionId: string, score: number, note: string, by: string | null, now = new Date()): Promise<void> {
  const at = nowIso(now);
  await db
    .insertInto('survey_agreed_score')
    .values({ edition_id: editionId, section_id: sectionId, score, note, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.columns(['edition_id', 'section_id']).doUpdateSet({ score, note, updated_by: by, updated_at: at }))
    .execute();
  await bumpSurveysVersion(db);
}

export type RecommendationRow = Awaited<ReturnType<typeof findRecommendations>>[number];

/** The editions' recommendations (`editionIds` not empty). */
export const recommendationsQuery = (db: Db, editionIds: readonly string[]) =>
  db
    .selectFrom('survey_recommendation as r')
    .innerJoin('survey_edition as e', 'e.id', 'r.edition_id')
    .selectAll('r')
    .select('e.slug as edition_slug')
    .where('r.edition_id', 'in', editionIds)
    .orderBy('r.section_id')
    .orderBy('r.deadline')
    .orderBy('r.created_at')
    .orderBy('r.id');

export const findRecommendations = (db: Db, editionIds: readonly string[]) => (editionIds.length === 0 ? Promise.resolve([]) : recommendationsQuery(db, editionIds).execute());

export type RecommendationFields = Pick<SurveyRecommendationTable, 'section_id' | 'text' | 'owner' | 'deadline' | 'status' | 'status_note'>;

export async function insertRecommendation(db: Db, editionId: string, f: RecommendationFields, by: string | null, now = new Date()): Promise<string> {
  const id = newId();
  const at = nowIso(now);
  await db.insertInto('survey_recommendation').values({ id, edition_id: editionId, ...f, created_by: by, created_at: at, updated_at: at }).execute();
  await bumpSurveysVersion(db);
  return id;
}

export async function updateRecommendation(db: Db, editionId: string, id: string, f: Partial<RecommendationFields>, now = new Date()): Promise<boolean> {
  const r = await db.updateTable('survey_recommendation').set({ ...f, updated_at: nowIso(now) }).where('id', '=', id).where('edition_id', '=', editionId).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await bumpSurveysVersion(db);
  return true;
}

export async function deleteRecommendation(db: Db, editionId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('survey_recommendation').where('id', '=', id).where('edition_id', '=', editionId).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) return false;
  await bumpSurveysVersion(db);
  return true;
}

// --- token batches and open links ------------------------------------------------------------

export const findBatches = (db: Db, editionId: string) =>
  db.selectFrom('survey_token_batch').selectAll().where('edition_id', '=', editionId).orderBy('created_at', 'desc').orderBy('id').execute();

/** Used tokens per batch (live tokens; a purged batch keeps its count in `used_count`). */
export async function usedPerBatch(db: Db, editionId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('survey_token')
    .select(['batch_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('edition_id', '=', editionId)
    .where('used', '=', 1)
    .groupBy('batch_id')
    .execute();
  return new Map(rows.map((r) => [r.batch_id, Number(r.n)]));
}

export async function revokeBatch(db: Db, editionId: string, batchId: string, now = new Date()): Promise<boolean> {
  const r = await db.updateTable('survey_token_batch').set({ revoked_at: nowIso(now) }).where('id', '=', batchId).where('edition_id', '=', editionId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const findOpenLinks = (db: Db, editionId: string) =>
  db.selectFrom('survey_open_link').selectAll().where('edition_id', '=', editionId).orderBy('created_at', 'desc').orderBy('key_hash').execute();

export async function insertOpenLink(db: Db, editionId: string, group: RespondentGroup, keyHash: string, by: string | null, now = new Date()): Promise<void> {
  await db.insertInto('survey_open_link').values({ key_hash: keyHash, edition_id: editionId, respondent_group: group, created_by: by, created_at: nowIso(now), revoked_at: null }).execute();
}

export async function revokeOpenLink(db: Db, editionId: string, keyHash: string, now = new Date()): Promise<boolean> {
  const r = await db.updateTable('survey_open_link').set({ revoked_at: nowIso(now) }).where('key_hash', '=', keyHash).where('edition_id', '=', editionId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The live open link behind `key`, or undefined. */
export const openLinkQuery = (db: Db, keyHash: string) => db.selectFrom('survey_open_link').selectAll().where('key_hash', '=', keyHash).where('revoked_at', 'is', null);
export const findOpenLink = (db: Db, keyHash: string) => openLinkQuery(db, keyHash).executeTakeFirst();
