import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { embedOf, type EmbedResizeMessage } from '../../common/modules.js';
import { interpolate } from '../../common/i18n.js';
import { LANGS } from '../../common/taxonomy.js';
import type { Config } from '../config.js';
import type { AppEnv } from './context.js';
import { envelope } from './errors.js';
import { html, jsonLd, page, raw } from './html.js';
import type { EmbedItem } from './module.js';

/** The tag served at `/embed/<slug>`: a module's widget with `embed` attributes in the module table (never the staff panel). */
export function embeddableTag(slug: string, path?: string): string | null {
  return embedOf(slug, path)?.tag ?? null;
}

/** `frame-ancestors` follows ALLOWED_ORIGINS: any site by default, only the listed ones when set. */
export const frameAncestors = (config: Config) => `frame-ancestors ${config.allowedOrigins ? config.allowedOrigins.join(' ') : '*'}`;

/**
 * The policy of an embed page: scripts only from this host (the loader and its chunks, the proof
 * of work's worker) and the page's own resize reporter, by its hash; no plugins, no `<base>`. So a
 * script that got into the page some other way (an attribute value that escaped its quotes, a
 * module's item title) does not run. Styles, images (map tiles) and connections stay open: the
 * widgets' styles are constructed stylesheets, and the tile server is the host's choice.
 */
export const embedCsp = (config: Config, slug: string) =>
  `script-src 'self' '${resizeScriptHash(slug)}'; worker-src 'self'; object-src 'none'; base-uri 'none'; ${frameAncestors(config)}`;

const RESIZE_TYPE: EmbedResizeMessage['type'] = 'ngo-embed-resize';

// Reports the page height to the host, which sets the iframe's height (see README, "iframe form").
const resizeScript = (slug: string) => `const slug = ${JSON.stringify(slug)};
let last = -1;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last) return;
  last = height;
  parent.postMessage({ type: ${JSON.stringify(RESIZE_TYPE)}, slug, height }, '*');
}).observe(document.documentElement);`;

/** The inline module script exactly as the page carries it, between its tags. */
const resizeBlock = (slug: string) => `\n${resizeScript(slug)}\n`;
const resizeScriptHash = (slug: string) => `sha256-${createHash('sha256').update(resizeBlock(slug)).digest('base64')}`;

type Lang3 = { pl: string; en: string; uk: string };

/** The `<title>` and `h1` of each module's page, and of the pages its e-mailed links open (by the link's parameter). */
const PAGE_TITLES: Record<string, { page: Lang3; links?: Record<string, Lang3> }> = {
  map: {
    page: { pl: 'Mapa organizacji pozarządowych', en: 'Map of NGOs', uk: 'Мапа громадських організацій' },
    links: {
      confirm: { pl: 'Potwierdzenie wpisu na mapie', en: 'Confirming your map entry', uk: 'Підтвердження запису на мапі' },
      edit: { pl: 'Edycja wpisu organizacji', en: 'Editing your organisation’s entry', uk: 'Редагування запису організації' },
    },
  },
  consultations: {
    page: { pl: 'Konsultacje projektów aktów prawnych', en: 'Consultations on draft acts', uk: 'Консультації щодо проєктів правових актів' },
    links: {
      confirm: { pl: 'Potwierdzenie uwagi', en: 'Confirming your remark', uk: 'Підтвердження зауваження' },
      'confirm-support': { pl: 'Potwierdzenie poparcia uwagi', en: 'Confirming your support', uk: 'Підтвердження підтримки' },
    },
  },
  events: {
    page: { pl: 'Wydarzenia dla organizacji', en: 'Events for NGOs', uk: 'Події для організацій' },
    links: {
      confirm: { pl: 'Potwierdzenie zapisu', en: 'Confirming your registration', uk: 'Підтвердження реєстрації' },
      manage: { pl: 'Twój zapis na wydarzenie', en: 'Your registration', uk: 'Ваша реєстрація' },
    },
  },
  surveys: { page: { pl: 'Ankieta o współpracy z miastem', en: 'Survey on cooperation with the City', uk: 'Опитування про співпрацю з містом' } },
  guide: { page: { pl: 'Przewodnik po współpracy z miastem', en: 'Guide to cooperation with the City', uk: 'Посібник зі співпраці з містом' } },
  advice: {
    page: { pl: 'Punkt doradczy dla organizacji', en: 'Advice point for NGOs', uk: 'Консультаційний пункт для організацій' },
    links: { token: { pl: 'Twoja sprawa w punkcie doradczym', en: 'Your case at the advice point', uk: 'Ваша справа в консультаційному пункті' } },
  },
};
const BACK_TO: Lang3 = { pl: 'Powrót do serwisu: {name}', en: 'Back to {name}', uk: 'Повернутися до: {name}' };
const SERVICE_OF: Lang3 = { pl: 'Serwis prowadzi: {name}', en: 'Run by {name}', uk: 'Сервіс веде: {name}' };
/** Query parameters that carry an e-mailed link's token. */
const LINK_PARAMS = ['confirm', 'confirm-support', 'edit', 'manage', 'token', 'link'];

type Lang = keyof Lang3;

/** The page's title: the link's own (a confirmation) or the module's, in `lang`. */
export function pageTitle(slug: string, query: URLSearchParams, lang: Lang): string {
  const t = PAGE_TITLES[slug];
  if (!t) return slug;
  const link = Object.keys(t.links ?? {}).find((p) => query.has(p));
  return (link ? t.links![link]! : t.page)[lang];
}

export interface Landing {
  /** The operator, as configured (OPERATOR_NAME, OPERATOR_URL, OPERATOR_LOGO_URL). */
  operator: Config['operator'];
}

/**
 * The embed page: the loader, one widget with whitelisted attributes, and the resize reporter; for
 * an item, its own attributes, title and JSON-LD; `path` names a module's second framed widget.
 * With `landing` (the page opened on its own, as an e-mailed link opens it, not framed), it is a page
 * a resident can trust: the operator's name, logo and a link back to its portal, and the page's `h1`.
 */
export function embedPage(slug: string, tag: string, query: URLSearchParams, item?: EmbedItem, path?: string, landing?: Landing): string {
  const allowed = embedOf(slug, path)?.attributes ?? [];
  const values = new Map<string, string>();
  for (const name of allowed) {
    const value = query.get(name);
    if (value !== null) values.set(name, value);
  }
  for (const [name, value] of Object.entries(item?.attributes ?? {})) values.set(name, value);
  const attrs = [...values].map(([name, value]) => (value === '' ? html` ${name}` : html` ${name}="${value}"`));
  const lang = ((LANGS as readonly string[]).includes(query.get('lang') ?? '') ? query.get('lang')! : 'pl') as Lang;
  // The tag comes from the module table, never from the request.
  const element = raw(tag);
  const heading = item?.title ?? pageTitle(slug, query, lang);
  const op = landing?.operator;
  const title = op ? `${heading} — ${op.name}` : heading;
  const say = (t: Lang3, name: string) => interpolate(lang, t[lang], { name });
  const brand = op
    ? html`<header class="landing">
<a class="brand" href="${op.url ?? '/'}">${op.logoUrl ? html`<img src="${op.logoUrl}" alt="" height="40">` : ''}<span>${op.name}</span></a>
</header>`
    : '';
  const h1 = op ? html`<h1>${heading}</h1>` : '';
  const foot = op
    ? html`<footer class="landing"><p>${say(SERVICE_OF, op.name)}${op.url ? html` · <a href="${op.url}">${say(BACK_TO, op.name)}</a>` : ''}</p></footer>`
    : '';
  return page(html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>${item?.jsonLd === undefined ? '' : jsonLd(item.jsonLd)}
<style>html,body{margin:0;padding:0;background:transparent}${raw(op ? LANDING_CSS : '')}</style>
<script type="module" src="/widgets/ngo-widgets.js"></script>
</head>
<body>
${brand}<main>
${h1}<${element}${attrs}${op ? html` heading-level="2"` : ''}></${element}>
</main>
${foot}
<script type="module">${raw(resizeBlock(slug))}</script>
</body>
</html>
`);
}

// The landing page's own few rules: the widget keeps its own look inside.
const LANDING_CSS = `body{background:#fff;color:#1b1b1b;font:16px/1.5 system-ui,sans-serif}
header.landing{display:flex;align-items:center;gap:12px;padding:12px 16px;border-bottom:1px solid #d0d0d0}
header.landing .brand{display:inline-flex;align-items:center;gap:12px;min-height:44px;color:#1b1b1b;font-weight:700;text-decoration:none}
header.landing img{max-height:40px;width:auto}
main{padding:0 16px;max-width:60em;margin:0 auto}
main h1{font-size:1.5em;margin:16px 0 8px}
footer.landing{padding:16px;border-top:1px solid #d0d0d0;margin-top:24px;font-size:.875em}
footer.landing a{color:#0050a0;display:inline-block;min-height:24px}`;

/**
 * Whether the page was opened on its own (an e-mailed link, a bookmark) rather than in a host's
 * iframe: the browser's `Sec-Fetch-Dest`; without it (an older browser), a link's token says so.
 */
function isLanding(c: Context<AppEnv>): boolean {
  const dest = c.req.header('sec-fetch-dest');
  if (dest) return dest === 'document';
  const q = new URL(c.req.url).searchParams;
  return LINK_PARAMS.some((p) => q.has(p));
}

/** Framing and caching of an embed page. A page that carries a secret link's token is nobody else's to cache, and sends no referrer. */
function embedHeaders(c: Context<AppEnv>, config: Config, slug: string) {
  c.header('Content-Security-Policy', embedCsp(config, slug));
  // Framed and opened on its own, the page differs (the landing header): caches keep both.
  c.header('Vary', 'Sec-Fetch-Dest');
  if (new URL(c.req.url).searchParams.has('token')) {
    c.header('Cache-Control', 'private, no-store');
    c.header('Referrer-Policy', 'no-referrer');
  } else c.header('Cache-Control', 'public, max-age=300');
}

export function embedRoutes(config: Config) {
  const app = new Hono<AppEnv>();
  app.get('/:slug', (c) => {
    const slug = c.req.param('slug');
    const tag = embeddableTag(slug);
    if (!tag) return c.json(envelope('not_found', `No embeddable widget "${slug}"`, undefined, c.get('requestId')), 404);
    embedHeaders(c, config, slug);
    return c.html(embedPage(slug, tag, new URL(c.req.url).searchParams, undefined, undefined, isLanding(c) ? { operator: config.operator } : undefined));
  });
  // A module's second framed widget (`/embed/advice/status`), else one item's page (an event) from its module's `embedItem`.
  app.get('/:slug/:id', async (c) => {
    const slug = c.req.param('slug');
    const second = embeddableTag(slug, c.req.param('id'));
    if (second) {
      embedHeaders(c, config, slug);
      return c.html(embedPage(slug, second, new URL(c.req.url).searchParams, undefined, c.req.param('id'), isLanding(c) ? { operator: config.operator } : undefined));
    }
    const tag = embeddableTag(slug);
    const module = c.var.modules.find((m) => m.slug === slug);
    const item = tag && module?.embedItem ? await module.embedItem(c, c.req.param('id')) : null;
    if (!tag || !item) return c.json(envelope('not_found', `Nothing to embed at "${slug}/${c.req.param('id')}"`, undefined, c.get('requestId')), 404);
    embedHeaders(c, config, slug);
    return c.html(embedPage(slug, tag, new URL(c.req.url).searchParams, item, undefined, isLanding(c) ? { operator: config.operator } : undefined));
  });
  return app;
}
