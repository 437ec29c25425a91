/**
 * What a page really pays: each widget alone on a host page of another origin, in headless
 * Chromium with a cold cache, in pl, en and uk, and once more in Polish under 4× CPU throttling.
 * Every request is counted as it came over the wire (our server sends the widgets Brotli-compressed
 * when the browser accepts it; JSON answers go as the API serves them), split into JS, dictionaries,
 * CSS, JSON, fonts and tiles, and held against DESIGN.md's budgets: loader ≤ 2.5 kB, every widget
 * ≤ 22.5 kB of code (loader, chunks, dictionaries, CSS, fonts) in all, the map ≤ 70.5 kB loaded on
 * scroll; no main-thread task over 50 ms (the map: 150 ms).
 */
import { chromium } from 'playwright-core';
import { WIDGETS, type WidgetTag } from '../common/modules.js';
import { CHROME_ARGS, CHROME_PATH } from '../tests/e2e/harness.js';
import { benchPort, byKind, kB, measureLoad, startHost, type Fetched } from './browser.js';
import type { BenchSection, Table } from './run.js';

const LOADER_BUDGET_KB = 2.5;
const WIDGET_BUDGET_KB = 22.5;
const MAP_BUDGET_KB = 70.5;
const TASK_BUDGET_MS = 50;
const MAP_TASK_BUDGET_MS = 150;
const LANGS = ['pl', 'en', 'uk'] as const;
const TILE_STUB = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

/** `find(root, selector)`: the first match in `root` or any shadow root below it. */
const DEEP = `(function find(root, sel) { if (!root) return null; const hit = root.querySelector(sel); if (hit) return hit; for (const el of root.querySelectorAll('*')) { const h = el.shadowRoot && find(el.shadowRoot, sel); if (h) return h; } return null; })`;

/** The attributes each widget gets, as on the demo page; every widget in the module table must have a line (checked below). */
export const WIDGET_PAGES: Record<WidgetTag, { attrs: string; ready?: string; sameOrigin?: boolean }> = {
  'ngo-map': { attrs: `district="12" view="map" tiles="${TILE_STUB}"`, ready: `!!document.querySelector('ngo-map')?.shadowRoot?.querySelector('.leaflet-marker-icon')` },
  'ngo-consultation': { attrs: 'district="12"' },
  'ngo-events': { attrs: '' },
  'ngo-survey': { attrs: 'link="demo-ngo"', ready: `!!document.querySelector('ngo-survey')?.shadowRoot?.querySelector('#start')` },
  'ngo-survey-results': { attrs: 'edition="2025"', ready: `!!document.querySelector('ngo-survey-results')?.shadowRoot?.querySelector('svg, table')` },
  'ngo-guide': { attrs: '' },
  'ngo-advice-form': { attrs: '' },
  // Without the mailed link's token it shows why it cannot show a case: what a page pays before any data.
  'ngo-advice-status': { attrs: '', ready: `(document.querySelector('ngo-advice-status')?.shadowRoot?.textContent ?? '').trim().length > 20` },
  // The sign-in form lives in a part of the panel, one shadow root further down. The panel speaks
  // only to its own origin (a same-site session cookie and CSRF token), so its host page is there.
  'ngo-admin': { attrs: '', ready: `!!${DEEP}(document.querySelector('ngo-admin')?.shadowRoot, 'input')`, sameOrigin: true },
};

/** Ready: the widget's shadow root holds a control (and then the network has been quiet for a while). */
const defaultReady = (tag: string) => `!!document.querySelector('${tag}')?.shadowRoot?.querySelector('button, input, select, textarea, a[href]')`;

export function hostPage(api: string, tag: string, attrs: string, lang: string, belowFold: boolean): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${tag}</title>
<style>body { margin: 0; font-family: sans-serif; } ${tag} { display: block; }</style>
<script type="module" src="${api}/widgets/ngo-widgets.js"></script></head>
<body><main>${belowFold ? '<div style="height: 2400px">Host page text above the widget.</div>' : ''}<${tag} ${attrs}></${tag}></main></body></html>`;
}

const code = (k: ReturnType<typeof byKind>) => k.js + k.dict + k.css + k.font;

/**
 * The demo moderator's session cookie, signed in once through the API (the password from the
 * server's start-up banner; the moderator has no second factor), or null when there is none.
 */
async function staffSession(origin: string, output: string): Promise<{ name: string; value: string; url: string }[] | null> {
  const password = /moderator@example\.org\s+password: (\S+)/.exec(output)?.[1];
  if (!password) return null;
  const res = await fetch(`${origin}/v1/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email: 'moderator@example.org', password }) });
  const cookie = res.headers.getSetCookie().map((c) => /^([^=;]+)=([^;]*)/.exec(c)).find((m) => m?.[1] === 'ngo_session');
  if (!res.ok || !cookie) throw new Error(`the demo moderator could not sign in: ${res.status} ${await res.text()}`);
  return [{ name: cookie[1]!, value: cookie[2]!, url: origin }];
}

/** The signed-in panel is ready when its start screen shows the sections' navigation. */
const SIGNED_IN_READY = `!!${DEEP}(document.querySelector('ngo-admin')?.shadowRoot, 'nav a, nav button')`;

export const pageWeight: BenchSection = {
  name: 'page weight',
  async run({ origin, output }) {
    const host = await startHost(benchPort(1));
    const browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_ARGS });
    const rows: (string | number)[][] = [];
    const over: string[] = [];
    try {
      const tags = Object.keys(WIDGETS) as WidgetTag[];
      for (const tag of tags) if (!WIDGET_PAGES[tag]) throw new Error(`bench/page-weight.ts: no WIDGET_PAGES line for ${tag}`);
      // BENCH_WIDGETS=ngo-events,ngo-guide measures only those (`npm run bench -- --only page`).
      const only = (process.env.BENCH_WIDGETS ?? '').split(',').map((w) => w.trim()).filter(Boolean);
      for (const tag of tags.filter((t) => !only.length || only.includes(t))) {
        const lazy = WIDGETS[tag].lazy;
        const budget = tag === 'ngo-map' ? MAP_BUDGET_KB : WIDGET_BUDGET_KB;
        const taskBudget = tag === 'ngo-map' ? MAP_TASK_BUDGET_MS : TASK_BUDGET_MS;
        const runs: { lang: (typeof LANGS)[number]; throttle: number; signedIn?: boolean }[] = [...LANGS.map((lang) => ({ lang, throttle: 1 })), { lang: 'pl' as const, throttle: 4 }];
        // The staff panel also after sign-in: what a moderator's browser fetches for the start screen.
        const session = tag === 'ngo-admin' && output ? await staffSession(origin, output()) : null;
        if (session) runs.push(...LANGS.map((lang) => ({ lang, throttle: 1, signedIn: true })));
        for (const { lang, throttle, signedIn } of runs) {
          const path = `/${tag}.${lang}.html`;
          const page = hostPage(origin, tag, WIDGET_PAGES[tag].attrs, lang, lazy);
          host.files[path] = page;
          // A same-origin page is handed to the browser at a path the widget server does not have (it is not counted: HTML is not code).
          const url = WIDGET_PAGES[tag].sameOrigin ? `${origin}/bench-host${path}` : host.origin + path;
          const load = await measureLoad(browser, url, {
            ready: signedIn ? SIGNED_IN_READY : (WIDGET_PAGES[tag].ready ?? defaultReady(tag)), cpuThrottle: throttle, scrollTo: lazy ? tag : undefined,
            pages: WIDGET_PAGES[tag].sameOrigin ? { [url]: page } : undefined, cookies: signedIn ? (session ?? undefined) : undefined,
          }).catch((err: Error) => err);
          const name = signedIn ? `${tag} (signed in)` : tag;
          if (load instanceof Error) {
            over.push(`${name} ${lang}${throttle > 1 ? ` ${throttle}× CPU` : ''}: not measured (${load.message.split('\n')[0]})`);
            rows.push([name, lang, `${throttle}×`, ...Array(17).fill('-'), 'ERROR']);
            continue;
          }
          const widgetRequests = load.requests.filter((r) => r.url.startsWith(origin));
          const k = byKind(widgetRequests);
          const loader = widgetRequests.find((r) => new URL(r.url).pathname === '/widgets/ngo-widgets.js');
          const total = kB(code(k));
          const taskOk = load.longestTaskMs <= taskBudget;
          // The signed-in panel has no page budget (DESIGN.md budgets what residents' pages fetch); its chunks are held to the bundle-size budgets.
          const sizeOk = signedIn || total <= budget;
          const status = sizeOk && taskOk ? 'PASS' : `OVER${sizeOk ? '' : ` by ${(total - budget).toFixed(2)} kB`}${taskOk ? '' : ` task ${load.longestTaskMs} ms`}`;
          if (status !== 'PASS') over.push(`${name} ${lang}${throttle > 1 ? ` ${throttle}× CPU` : ''}: ${status}`);
          const before = load.beforeScroll ? kB(code(byKind(load.beforeScroll.filter((r: Fetched) => r.url.startsWith(origin))))) : '-';
          rows.push([name, lang, `${throttle}×`, widgetRequests.length, kB(loader?.body ?? 0), kB(k.js), kB(k.dict), kB(k.css), kB(k.font), kB(k.json), kB(k.tiles), total, signedIn ? '-' : budget, before, load.longestTaskMs, taskBudget, load.longTasks, load.interactiveMs, status]);
        }
      }
    } finally {
      await browser.close();
      await host.close();
    }
    const loaderRows = rows.filter((r) => (r[4] as number) > LOADER_BUDGET_KB);
    return {
      title: 'What a page really pays: one widget alone on a host page of another origin (the staff panel: of its own origin), headless Chromium 1280×800, cold cache (kB = 1000 bytes as they came over the wire)',
      columns: ['widget', 'lang', 'CPU', 'requests', 'loader kB', 'JS kB', 'dict kB', 'CSS kB', 'fonts kB', 'JSON kB', 'tiles kB', 'code kB', 'budget kB', 'before scroll kB', 'longest task ms', 'task budget ms', 'tasks > 50 ms', 'interactive ms', 'status'],
      rows,
      notes: [
        'code = loader + chunks + dictionaries + CSS + fonts from the widget server (JSON answers and tiles are listed, not budgeted); our server sends its bundles Brotli-compressed (gzip for clients without br).',
        'JSON answers are not compressed by the API (a reverse proxy may add it); tiles are stubbed with a data: URL, so they cost no request here.',
        `Loader budget ${LOADER_BUDGET_KB} kB: ${loaderRows.length ? `over in ${loaderRows.length} loads` : 'met in every load'}.`,
        'ngo-admin: its host page is on the widget server\'s own origin (the panel speaks only to it); first the sign-in screen, then (signed in) the demo moderator\'s start screen, whose size has no page budget (its chunks have bundle-size budgets).',
        '"before scroll": what a lazily loaded widget (the map, the survey results) costs before it scrolls into view.',
        'interactive: the widget shows its controls and the last response it waited for has arrived (ms from navigation start).',
        over.length ? `Over budget: ${over.join('; ')}.` : 'Every widget is within its budgets.',
      ],
    } satisfies Table;
  },
};
