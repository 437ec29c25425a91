import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { pickText, type LocalText } from '../../common/guide.js';
import type { ArticleContent } from '../../common/guide.schema.js';
import { dictionaryTranslator, inLang, LOCALES } from '../../common/i18n.js';
import type { Lang } from '../../common/taxonomy.js';
import { clean as xmlSafe } from '../consultations/consultations.report.docx.js';
import { notFound } from '../core/errors.js';
import { html, page, raw } from '../core/html.js';
import type { Db } from '../core/transaction.js';
import { findArticles, findChapters, findPublishedVersions } from './guide.repository.js';
import { effectiveUntil, markdownBlocks, renderMarkdown, versionInForce } from './guide.rules.js';

/**
 * The whole guide (or one chapter) as it stands on a day: a printable HTML page and a Word
 * document. Both come from the sanitised rendering of the same Markdown, so what the editor's
 * Markdown cannot carry into the widget (script, `javascript:` links, event handlers) does not
 * reach the exports either.
 */

/** The exports' labels, on the translator core (common/i18n.ts). */
export const tGuideExport = dictionaryTranslator({
  pl: { guide: 'Poradnik: zasady współpracy z Miastem Kraków', inForce: 'Stan na dzień', from: 'Obowiązuje od', until: 'do', contents: 'Spis treści' },
  en: { guide: 'Guide: the rules of cooperation with the City of Kraków', inForce: 'As in force on', from: 'In force from', until: 'until', contents: 'Contents' },
  uk: { guide: 'Довідник: правила співпраці з містом Краків', inForce: 'Станом на', from: 'Чинна з', until: 'до', contents: 'Зміст' },
});

export interface ExportArticle {
  slug: string;
  title: string;
  summary: string;
  lang: Lang;
  body: string;
  inForceFrom: string;
  inForceUntil: string | null;
}
export interface ExportModel {
  at: string;
  lang: Lang;
  chapters: { slug: string; title: string; articles: ExportArticle[] }[];
}

/** The articles in force on `at`, chapter by chapter (only `chapter` when given; 404 when it does not exist). */
export async function exportModel(db: Db, at: string, lang: Lang, chapter?: string): Promise<ExportModel> {
  const [chapters, articles, versions] = await Promise.all([findChapters(db), findArticles(db), findPublishedVersions(db)]);
  const picked = chapter ? chapters.filter((c) => c.slug === chapter) : chapters;
  if (chapter && !picked.length) throw notFound('Chapter');
  return {
    at,
    lang,
    chapters: picked.map((c) => ({
      slug: c.slug,
      title: pickText(JSON.parse(c.title) as LocalText, lang).text,
      articles: articles
        .filter((a) => a.chapter_id === c.id)
        .flatMap((a) => {
          const own = versions.filter((v) => v.article_id === a.id);
          const v = versionInForce(own, at);
          if (!v) return [];
          const content = JSON.parse(v.content) as ArticleContent;
          const shown = content[lang] ? lang : 'pl';
          const t = content[shown]!;
          return [{ slug: a.slug, title: t.title, summary: t.summary, lang: shown, body: t.body, inForceFrom: v.in_force_from, inForceUntil: effectiveUntil(v, own) }];
        }),
    })),
  };
}

const STYLE = `
* { box-sizing: border-box }
body { font: 11pt/1.5 "Liberation Serif", "Times New Roman", Georgia, serif; color: #000; background: #fff; margin: 0 auto; max-width: 17cm; padding: 1rem }
h1 { font-size: 18pt; margin: 0 0 .25rem } h2 { font-size: 15pt; margin: 2rem 0 .5rem; border-bottom: 1px solid #000; break-after: avoid }
h3 { font-size: 13pt; margin: 1.5rem 0 .25rem; break-after: avoid } h4, h5, h6 { font-size: 11.5pt; margin: 1rem 0 .25rem }
.dates { font-style: italic; margin: 0 0 .5rem } .summary { font-weight: bold }
blockquote { border: 1px solid #000; border-left-width: 4px; margin: .75rem 0; padding: .25rem .75rem; break-inside: avoid }
.callout-label { display: block }
table { border-collapse: collapse; margin: .5rem 0 1rem; break-inside: avoid } th, td { border: 1px solid #000; padding: .2rem .5rem; text-align: left; vertical-align: top }
article { break-inside: auto } nav ol { padding-left: 1.25rem }
@media print { body { padding: 0; max-width: none } a { color: #000; text-decoration: none } nav { break-after: page } }
`;

const dates = (a: ExportArticle, lang: Lang) => {
  const t = inLang(tGuideExport, lang);
  return `${t('from')} ${a.inForceFrom}${a.inForceUntil ? `, ${t('until')} ${a.inForceUntil}` : ''}`;
};

/** A standalone printable page: the guide's title, "as in force on" the day, contents, then each article with its dates. */
export function guideHtml(model: ExportModel): string {
  const t = inLang(tGuideExport, model.lang);
  // The rendered Markdown is sanitised HTML (renderMarkdown); every other value is escaped by the template.
  const article = (a: ExportArticle) => html`<article id="${a.slug}" lang="${a.lang}">
<h3>${a.title}</h3>
<p class="dates">${dates(a, model.lang)}</p>
<p class="summary">${a.summary}</p>
${raw(renderMarkdown(a.body, a.lang, (slug) => `#${slug}`))}
</article>`;
  return page(html`<!doctype html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('guide')} (${model.at})</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header><h1>${t('guide')}</h1><p data-at="${model.at}">${t('inForce')} ${model.at}</p></header>
<nav aria-label="${t('contents')}"><h2>${t('contents')}</h2><ol>${model.chapters.map((c) => html`<li><a href="#ch-${c.slug}">${c.title}</a><ol>${c.articles.map((a) => html`<li><a href="#${a.slug}">${a.title}</a></li>`)}</ol></li>`)}</ol></nav>
<main>
${model.chapters.map((c) => html`<section id="ch-${c.slug}"><h2>${c.title}</h2>${c.articles.map(article)}</section>`)}
</main>
</body>
</html>
`);
}

const HEADINGS = [HeadingLevel.HEADING_3, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

/** The same model as a Word document with real heading styles (Word's navigation pane follows them). */
export async function guideDocx(model: ExportModel): Promise<Buffer> {
  const t = inLang(tGuideExport, model.lang);
  const run = (text: string, o: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: xmlSafe(text), ...o });
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(t('guide'))] }),
    new Paragraph({ children: [run(`${t('inForce')} ${model.at}`, { italics: true })] }),
  ];
  for (const c of model.chapters) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(c.title)] }));
    for (const a of c.articles) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(a.title)] }));
      children.push(new Paragraph({ children: [run(dates(a, model.lang), { italics: true })] }));
      children.push(new Paragraph({ children: [run(a.summary, { bold: true })] }));
      for (const b of markdownBlocks(a.body, a.lang)) {
        const runs = b.runs.map((r) => run(r.text, { bold: r.bold, italics: r.italic }));
        if (b.kind === 'heading') children.push(new Paragraph({ heading: HEADINGS[b.level - 1] ?? HeadingLevel.HEADING_4, children: runs }));
        else if (b.kind === 'item') children.push(new Paragraph({ bullet: { level: Math.max(0, b.level - 1) }, children: runs }));
        else if (b.kind === 'callout') children.push(new Paragraph({ border: { left: { style: 'single', size: 18, color: '000000', space: 8 } }, indent: { left: 240 }, children: runs }));
        else children.push(new Paragraph({ children: runs }));
      }
    }
  }
  const doc = new Document({
    title: xmlSafe(`${t('guide')} (${model.at})`),
    styles: { default: { document: { run: { font: 'Times New Roman', size: 22, language: { value: LOCALES[model.lang] } } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
