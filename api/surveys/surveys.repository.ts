import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { EditionStatus, Instrument, Texts } from '../../common/surveys.js';
import { editionStatus } from '../../common/surveys.js';
import { ApiError, notFound } from '../core/errors.js';
import { newId, nowIso } from '../core/ids.js';
import { bumpDataVersion, dataVersion } from '../core/cache.js';
import type { SurveyEditionTable, SurveyInstrumentTable } from './surveys.table.js';

type Db = Kysely<Database> | Transaction<Database>;
export type EditionRow = SurveyEditionTable;
export type InstrumentRow = SurveyInstrumentTable;

/** The module's data version: bumped by every change the public can see (instruments, editions, publication). */
export const surveysVersion = (db: Db) => dataVersion(db, 'surveys');
export const bumpSurveysVersion = (db: Db) => bumpDataVersion(db, 'surveys');

export const instrumentFrozen = () => new ApiError(409, 'survey_instrument_frozen', 'This instrument version is used by an edition and cannot change; upload a new version');

/** Creates the survey when it does not exist yet (its id is its slug). */
export async function ensureSurvey(db: Db, id: string, title: Texts, now = new Date()): Promise<void> {
  await db.insertInto('survey').values({ id, title: JSON.stringify(title), created_at: nowIso(now) }).onConflict((oc) => oc.column('id').doNothing()).execute();
}

export const findSurvey = (db: Db, id: string) => db.selectFrom('survey').selectAll().where('id', '=', id).executeTakeFirst();

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

export const findInstrumentRow = (db: Db, id: string) => db.selectFrom('survey_instrument').selectAll().where('id', '=', id).executeTakeFirst();

export async function findInstrumentVersion(db: Db, surveyId: string, version: number | 'latest'): Promise<InstrumentRow | undefined> {
  let q = db.selectFrom('survey_instrument').selectAll().where('survey_id', '=', surveyId);
  q = version === 'latest' ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
  return q.executeTakeFirst();
}

export const instrumentOf = (row: Pick<InstrumentRow, 'document'>): Instrument => JSON.parse(row.document) as Instrument;

export interface Publication {
  /** Columns shown in the public results; empty means nothing is published. */
  columns: string[];
  /** Item-level scores and gaps (otherwise sections and the index only). */
  items: boolean;
  /** The trend over earlier published editions. */
  trend: boolean;
  /** The objective indicators. */
  indicators: boolean;
}
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
