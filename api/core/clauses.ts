import type { Kysely, Transaction } from 'kysely';
import { CLAUSE_FORMS, type ClauseForm } from '../../common/clauses.js';
import type { ClauseInput, StaffClause } from '../../common/clauses.schema.js';
import { LANGS, type Lang } from '../../common/taxonomy.js';
import type { Database } from '../db/schema.js';
import { bumpDataVersion, dataVersion } from './cache.js';
import { DEFAULT_CLAUSES } from './clauses.defaults.js';
import { nowIso } from './ids.js';

/**
 * Information clauses, one per form and language, kept in `app_setting` under `clause.<form>.<lang>`.
 * A missing key means the language uses the default from `clauses.defaults.ts`.
 */

type Db = Kysely<Database> | Transaction<Database>;

const key = (form: ClauseForm, lang: Lang) => `clause.${form}.${lang}`;

/** Bumped whenever a clause changes; ETags of every read that shows a clause derive from it. */
export const clausesVersion = (db: Db) => dataVersion(db, 'clauses');

/** The clauses of the given forms, configured text or default, with which languages are the default. */
export async function readClauses(db: Db, forms: readonly ClauseForm[] = CLAUSE_FORMS): Promise<StaffClause[]> {
  const keys = forms.flatMap((f) => LANGS.map((l) => key(f, l)));
  const rows = keys.length ? await db.selectFrom('app_setting').select(['key', 'value', 'updated_at']).where('key', 'in', keys).execute() : [];
  const stored = new Map(rows.map((r) => [r.key, r]));
  return forms.map((form) => {
    const texts = {} as Record<Lang, string>;
    const isDefault = {} as Record<Lang, boolean>;
    let updatedAt: string | null = null;
    for (const lang of LANGS) {
      const row = stored.get(key(form, lang));
      texts[lang] = row?.value ?? DEFAULT_CLAUSES[form][lang];
      isDefault[lang] = !row;
      if (row && (updatedAt === null || row.updated_at > updatedAt)) updatedAt = row.updated_at;
    }
    return { form, ...texts, updatedAt, isDefault };
  });
}

export async function readClause(db: Db, form: ClauseForm): Promise<StaffClause> {
  return (await readClauses(db, [form]))[0]!;
}

/** The clause of `form` in one language. */
export async function clauseText(db: Db, form: ClauseForm, lang: Lang): Promise<string> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', key(form, lang)).executeTakeFirst();
  return row?.value ?? DEFAULT_CLAUSES[form][lang];
}

/**
 * Stores the texts of `form` and bumps the version. An empty text, or the default itself, removes
 * the language's own text, so the default applies.
 */
export async function saveClause(db: Kysely<Database>, form: ClauseForm, input: ClauseInput): Promise<void> {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    for (const lang of LANGS) {
      const value = input[lang];
      // A text equal to the default is the default: it follows later changes of the default.
      if (!value || value === DEFAULT_CLAUSES[form][lang]) {
        await trx.deleteFrom('app_setting').where('key', '=', key(form, lang)).execute();
        continue;
      }
      await trx
        .insertInto('app_setting')
        .values({ key: key(form, lang), value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    }
    await bumpDataVersion(trx, 'clauses');
  });
}
