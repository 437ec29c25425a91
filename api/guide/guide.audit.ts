import type { Lang } from '../../common/i18n.js';
import type { ModuleAudit } from '../core/module.js';
import { itemKind } from '../core/audit.js';

/** The `title` of a guide text `{ pl, en?, uk? }` inside a JSON document (a version's content, a journey). */
function titleIn(json: string | null, lang: Lang, pick: (doc: any) => unknown): string | undefined {
  try {
    const t = pick(json ? JSON.parse(json) : null) as Partial<Record<Lang, string>> | undefined;
    return t?.[lang] || t?.pl || undefined;
  } catch {
    return undefined;
  }
}

/** The guide's actions in the audit log. */
export const GUIDE_AUDIT: ModuleAudit = {
  actions: {
    'POST /v1/admin/guide/articles': { item: 'article', labels: { pl: 'Utworzenie artykułu', en: 'Created an article', uk: 'Створення статті' } },
    'PUT /v1/admin/guide/articles/{id}': { item: 'article', labels: { pl: 'Zmiana miejsca i powiązań artykułu', en: "Changed an article's place and links", uk: 'Зміна місця і звʼязків статті' } },
    'PUT /v1/admin/guide/articles/{id}/draft': { item: 'article', labels: { pl: 'Zapis szkicu artykułu', en: 'Saved an article draft', uk: 'Збереження чернетки статті' } },
    'POST /v1/admin/guide/articles/{id}/publish': { item: 'article', labels: { pl: 'Publikacja artykułu', en: 'Published an article', uk: 'Публікація статті' } },
    'POST /v1/admin/guide/articles/{id}/reviewed': { item: 'article', labels: { pl: 'Potwierdzenie aktualności artykułu', en: 'Marked an article reviewed', uk: 'Підтвердження актуальності статті' } },
    'POST /v1/admin/guide/preview': { labels: { pl: 'Podgląd artykułu', en: 'Previewed an article', uk: 'Попередній перегляд статті' } },
    'POST /v1/admin/guide/chapters': { item: 'chapter', labels: { pl: 'Utworzenie rozdziału', en: 'Created a chapter', uk: 'Створення розділу' } },
    'PUT /v1/admin/guide/chapters/{id}': { item: 'chapter', labels: { pl: 'Zmiana rozdziału', en: 'Changed a chapter', uk: 'Зміна розділу' } },
    'POST /v1/admin/guide/journeys': { item: 'journey', labels: { pl: 'Utworzenie ścieżki', en: 'Created a journey', uk: 'Створення маршруту' } },
    'PUT /v1/admin/guide/journeys/{id}': { item: 'journey', labels: { pl: 'Zapis szkicu ścieżki', en: 'Saved a journey draft', uk: 'Збереження чернетки маршруту' } },
    'POST /v1/admin/guide/journeys/{id}/publish': { item: 'journey', labels: { pl: 'Publikacja ścieżki', en: 'Published a journey', uk: 'Публікація маршруту' } },
    'POST /v1/admin/guide/journeys/preview': { labels: { pl: 'Podgląd ścieżki', en: 'Previewed a journey', uk: 'Попередній перегляд маршруту' } },
  },
  items: {
    // An article is named by its newest version (the draft while one is open).
    article: itemKind(async (db, ids, lang) => {
      const rows = await db.selectFrom('guide_article_version').select(['article_id', 'content']).where('article_id', 'in', ids).orderBy('created_at', 'desc').execute();
      const seen = new Set<string>();
      return rows.flatMap((r) => (seen.has(r.article_id) || !seen.add(r.article_id) ? [] : [{ id: r.article_id, title: titleIn(r.content, lang, (d) => ({ pl: d?.pl?.title, en: d?.en?.title, uk: d?.uk?.title })) ?? r.article_id, link: `guide/${r.article_id}` }]));
    }),
    chapter: itemKind(async (db, ids, lang) =>
      (await db.selectFrom('guide_chapter').select(['id', 'title']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, title: titleIn(r.title, lang, (d) => d) ?? r.id, link: `guide/${r.id}` })),
    ),
    journey: itemKind(async (db, ids, lang) =>
      (await db.selectFrom('guide_journey').select(['id', 'slug', 'draft', 'published']).where('id', 'in', ids).execute()).map((r) => ({
        id: r.id, title: titleIn(r.draft ?? r.published, lang, (d) => d?.title) ?? r.slug, link: `guide/${r.id}`,
      })),
    ),
  },
};
