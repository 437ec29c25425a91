import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../core/transaction.js';
import { DEMO_ARTICLES, DEMO_CHAPTERS, DEMO_JOURNEYS } from './guide.demo.js';
import { insertArticle, insertChapter, insertJourney, markReviewed, publishDraft, publishJourney, saveDraft } from './guide.repository.js';

/** The guide's first edition (guide.demo.ts): chapters, articles with their dated versions, two step-by-steps and a smart answer. */
export async function seedGuideDemo(db: Kysely<Database>): Promise<void> {
  await inTransaction(db, async (trx) => {
    const chapterIds = new Map<string, string>();
    for (const [i, c] of DEMO_CHAPTERS.entries()) chapterIds.set(c.slug, await insertChapter(trx, { slug: c.slug, parentId: null, position: i * 10, title: c.title }));
    for (const [i, a] of DEMO_ARTICLES.entries()) {
      const id = await insertArticle(trx, { slug: a.slug, chapterId: chapterIds.get(a.chapter)!, position: i * 10, tags: a.tags, related: a.related, links: a.links });
      for (const v of a.versions) {
        await saveDraft(trx, id, v.content, v.note ?? null, null);
        await publishDraft(trx, id, { from: v.inForceFrom, until: v.inForceUntil ?? null }, v.note ?? null);
      }
      await markReviewed(trx, id, a.reviewedOn);
    }
    for (const [i, j] of DEMO_JOURNEYS.entries()) {
      const id = await insertJourney(trx, { slug: j.slug, position: i * 10, tags: j.tags, content: j.content });
      await publishJourney(trx, id);
    }
  });
}
