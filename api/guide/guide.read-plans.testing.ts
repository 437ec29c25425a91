import type { Kysely } from 'kysely';
import { searchTokens } from '../../common/search.js';
import type { Database } from '../db/schema.js';
import type { ReadPlanQuery, ReadPlanSuite } from '../core/read-plans.testing.js';
import { rng } from '../map/map.generate.js';
import { PLAN_TEST_ORGS } from '../map/map.read-plans.testing.js';
import { guideSearchWords } from './guide.service.js';
import { articleQuery, journeyQuery, journeySearchQuery, publishedVersionsQuery, versionSearchQuery } from './guide.repository.js';
import type { GuideArticleVersionTable, GuideJourneyTable } from './guide.table.js';

const AT = '2027-03-15T10:00:00.000Z';
/** Versions per article: the one in force and its history (a guide amended for years). */
const VERSIONS_PER_ARTICLE = 5;
const TOPICS = ['Dotacje', 'Rejestracja stowarzyszenia', 'Sprawozdanie finansowe', 'Wolontariat', 'Lokal na preferencyjnych zasadach', 'Inicjatywa lokalna', 'Konsultacje społeczne', 'Fundacja', 'Ochrona danych osobowych', 'Zbiórka publiczna'];
const WORDS = ['wniosek', 'termin', 'urząd', 'formularz', 'umowa', 'zarząd', 'statut', 'budżet', 'rozliczenie', 'partner', 'dzielnica', 'program', 'regulamin', 'podatek', 'księgowość'];

/**
 * `n` published versions of `n / 5` articles in ten chapters, with the search tokens of their titles and summaries,
 * and `n / 10` published journeys with theirs: the guide's tables at the plan test's scale.
 */
function generateGuide(n: number, seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const chapters = TOPICS.map((t, i) => ({ id: `plan-chapter-${i}`, slug: `plan-chapter-${i}`, parent_id: null, position: i, title: JSON.stringify({ pl: t }), created_at: AT, updated_at: AT }));
  const articles = [];
  const versions: GuideArticleVersionTable[] = [];
  const tokens: { token: string; version_id: string; article_id: string }[] = [];
  for (let a = 0; a < n / VERSIONS_PER_ARTICLE; a++) {
    const id = `plan-article-${String(a).padStart(6, '0')}`;
    articles.push({ id, slug: id, chapter_id: pick(chapters).id, position: a, tags: '[]', related: '[]', links: '[]', reviewed_on: null, review_on: null, created_at: AT, updated_at: AT });
    const title = `${pick(TOPICS)} ${a}`;
    for (let v = 0; v < VERSIONS_PER_ARTICLE; v++) {
      const vid = `${id}-v${v}`;
      const summary = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} (dane demonstracyjne)`;
      const from = `${2022 + v}-01-01`;
      versions.push({
        id: vid, article_id: id, status: 'published', in_force_from: from, in_force_until: null, content: JSON.stringify({ pl: { title, summary, body: summary } }),
        note: null, created_by: null, created_at: AT, published_at: AT,
      });
      for (const token of searchTokens(`${title} ${summary}`)) tokens.push({ token, version_id: vid, article_id: id });
    }
  }
  const journeys: GuideJourneyTable[] = [];
  const journeyTokens: { token: string; journey_id: string }[] = [];
  for (let j = 0; j < n / 10; j++) {
    const id = `plan-journey-${String(j).padStart(6, '0')}`;
    const title = `${pick(TOPICS)} krok po kroku ${j}`;
    const content = JSON.stringify({ kind: 'steps', title: { pl: title }, summary: { pl: pick(WORDS) }, steps: [] });
    journeys.push({ id, slug: id, kind: 'steps', position: j, tags: '[]', draft: null, published: r() < 0.9 ? content : null, published_at: AT, created_at: AT, updated_at: AT });
    for (const token of searchTokens(title)) journeyTokens.push({ token, journey_id: id });
  }
  return { chapters, articles, versions, tokens, journeys, journeyTokens };
}

/** Residents' searches of the guide: a word in many articles, two words, a rare one, one matching nothing, a stemmed form. */
const SEARCHES: [string, string][] = [
  ['common word', 'dotacje'],
  ['two words', 'rejestracja statut'],
  ['three words', 'wniosek termin zarząd'],
  ['rare word', '12345'],
  ['no match', 'zzzyxq'],
  ['inflected form', 'stowarzyszeniami'],
  ['one-letter word', 'w'],
  ['a word and a one-letter word', 'umowa z'],
];

export const guideReadPlans: ReadPlanSuite = {
  module: 'guide',
  async load(db) {
    const g = generateGuide(PLAN_TEST_ORGS, 31);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('guide_chapter').values(g.chapters).execute();
      for (let i = 0; i < g.articles.length; i += 1000) await trx.insertInto('guide_article').values(g.articles.slice(i, i + 1000)).execute();
      for (let i = 0; i < g.versions.length; i += 1000) await trx.insertInto('guide_article_version').values(g.versions.slice(i, i + 1000)).execute();
      for (let i = 0; i < g.tokens.length; i += 5000) await trx.insertInto('guide_token').values(g.tokens.slice(i, i + 5000)).execute();
      for (let i = 0; i < g.journeys.length; i += 1000) await trx.insertInto('guide_journey').values(g.journeys.slice(i, i + 1000)).execute();
      for (let i = 0; i < g.journeyTokens.length; i += 5000) await trx.insertInto('guide_journey_token').values(g.journeyTokens.slice(i, i + 5000)).execute();
    });
  },
  async queries(db: Kysely<Database>) {
    const out: ReadPlanQuery[] = [];
    for (const [name, q] of SEARCHES) {
      // The prefixes the public search uses (`searchGuide`); a search of only one-letter words runs no query.
      const prefixes = guideSearchWords(q);
      if (!prefixes.length) continue;
      out.push({ name: `guide search: ${name} (articles)`, query: versionSearchQuery(db, prefixes), selective: { table: 'guide_article_version' } });
      out.push({ name: `guide search: ${name} (journeys)`, query: journeySearchQuery(db, prefixes), selective: { table: 'guide_journey' } });
    }
    // An article's page and a journey's: by slug, and the article's published versions.
    out.push({ name: 'guide article by slug', query: articleQuery(db, 'plan-article-001234') });
    out.push({ name: 'guide article versions', query: publishedVersionsQuery(db, ['plan-article-001234']) });
    out.push({ name: 'guide journey by slug', query: journeyQuery(db, 'plan-journey-000123') });
    return out;
  },
};
