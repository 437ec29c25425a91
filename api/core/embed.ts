import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { embedOf, type EmbedResizeMessage } from '../../common/modules.js';
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

/**
 * The embed page: the loader, one widget with whitelisted attributes, and the resize reporter; for
 * an item, its own attributes, title and JSON-LD; `path` names a module's second framed widget.
 */
export function embedPage(slug: string, tag: string, query: URLSearchParams, item?: EmbedItem, path?: string): string {
  const allowed = embedOf(slug, path)?.attributes ?? [];
  const values = new Map<string, string>();
  for (const name of allowed) {
    const value = query.get(name);
    if (value !== null) values.set(name, value);
  }
  for (const [name, value] of Object.entries(item?.attributes ?? {})) values.set(name, value);
  const attrs = [...values].map(([name, value]) => (value === '' ? html` ${name}` : html` ${name}="${value}"`));
  const lang = (LANGS as readonly string[]).includes(query.get('lang') ?? '') ? query.get('lang')! : 'pl';
  // The tag comes from the module table, never from the request.
  const element = raw(tag);
  return page(html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${item?.title ?? tag}</title>${item?.jsonLd === undefined ? '' : jsonLd(item.jsonLd)}
<style>html,body{margin:0;padding:0;background:transparent}</style>
<script type="module" src="/widgets/ngo-widgets.js"></script>
</head>
<body>
<main>
<${element}${attrs}></${element}>
</main>
<script type="module">${raw(resizeBlock(slug))}</script>
</body>
</html>
`);
}

/** Framing and caching of an embed page. A page that carries a secret link's token is nobody else's to cache, and sends no referrer. */
function embedHeaders(c: Context<AppEnv>, config: Config, slug: string) {
  c.header('Content-Security-Policy', embedCsp(config, slug));
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
    return c.html(embedPage(slug, tag, new URL(c.req.url).searchParams));
  });
  // A module's second framed widget (`/embed/advice/status`), else one item's page (an event) from its module's `embedItem`.
  app.get('/:slug/:id', async (c) => {
    const slug = c.req.param('slug');
    const second = embeddableTag(slug, c.req.param('id'));
    if (second) {
      embedHeaders(c, config, slug);
      return c.html(embedPage(slug, second, new URL(c.req.url).searchParams, undefined, c.req.param('id')));
    }
    const tag = embeddableTag(slug);
    const module = c.var.modules.find((m) => m.slug === slug);
    const item = tag && module?.embedItem ? await module.embedItem(c, c.req.param('id')) : null;
    if (!tag || !item) return c.json(envelope('not_found', `Nothing to embed at "${slug}/${c.req.param('id')}"`, undefined, c.get('requestId')), 404);
    embedHeaders(c, config, slug);
    return c.html(embedPage(slug, tag, new URL(c.req.url).searchParams, item));
  });
  return app;
}
