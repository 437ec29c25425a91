/**
 * Ours against the peers, on the same data, in the same browser, in the same run:
 * - `<ngo-events view="month">` against FullCalendar's month view (`fullcalendar`, dayGridMonth),
 *   both showing this month with 500 events that both fetch from the same `/v1/events` URL;
 * - `<ngo-survey>` against SurveyJS's form library (survey-core with survey-js-ui), both showing
 *   the LIJW instrument (common/surveys.lijw.json) up to its first question page.
 * The peers are bundled here with esbuild (minified ESM, their CSS beside it) and served from the
 * bench's host origin, compressed the way our server compresses our widgets. Each page loads RUNS
 * times in a fresh context (cold cache), at full speed and under 4× CPU throttling; the table
 * shows medians and the peer / ours ratios. (Leaflet with markercluster against `<ngo-map>` is the
 * "map render" section.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { seedsOf } from '../api/core/module.js';
import { migrateToLatest, openDatabase } from '../api/db/database.js';
import { bumpEventsVersion, insertEvent } from '../api/events/events.repository.js';
import { MODULES } from '../api/modules.js';
import { runSeeds } from '../api/seed.js';
import { EventInput } from '../common/events.schema.js';
import type { Instrument } from '../common/surveys.js';
import lijw from '../common/surveys.lijw.json' with { type: 'json' };
import { addDays, endOfMonth, endOfWeek, startOfMonth, startOfWeek, warsawDateOf } from '../common/time.js';
import { spawnServer } from '../scripts/server-process.js';
import { CHROME_ARGS, CHROME_PATH } from '../tests/e2e/harness.js';
import { benchPort, byKind, kB, measureLoad, median, startHost, type Host, type PageLoad } from './browser.js';
import type { BenchSection, Table } from './run.js';

const ROOT = resolve(import.meta.dirname, '..');
const EVENTS = 500;
const RUNS = Number(process.env.BENCH_PEER_RUNS ?? 3);
const THROTTLES = [1, 4];

/** 500 published events over this month's days, 08:00–20:00, of every type, some all-day. */
async function seedMonth(url: string, month: string): Promise<void> {
  const handle = openDatabase(url);
  try {
    await migrateToLatest(handle.db);
    await runSeeds(handle.db, seedsOf(MODULES));
    const first = startOfMonth(month);
    const days = Number(endOfMonth(month).slice(8));
    const types = ['festival', 'forum', 'conference', 'training', 'meeting', 'other'] as const;
    for (let i = 0; i < EVENTS; i++) {
      const day = addDays(first, i % days);
      const hour = 8 + ((i * 7) % 12);
      const allDay = i % 37 === 0;
      await insertEvent(handle.db, EventInput.parse({
        title: `Spotkanie organizacji nr ${i + 1}: ${['warsztat', 'dyżur', 'szkolenie', 'debata', 'piknik'][i % 5]}`, type: types[i % types.length], allDay,
        start: allDay ? day : `${day}T${String(hour).padStart(2, '0')}:00`, end: allDay ? day : `${day}T${String(hour + 1).padStart(2, '0')}:30`,
        organiser: { name: `Stowarzyszenie ${i % 40}` }, venue: { name: `Sala ${i % 12}`, district: 1 + (i % 18), accessibility: [] },
      }), { createdBy: null });
    }
    await bumpEventsVersion(handle.db);
  } finally {
    await handle.close();
  }
}

function bundle(entry: string, name: string): { js: string; css: string } {
  const { outputFiles } = buildSync({ stdin: { contents: entry, resolveDir: ROOT, loader: 'js' }, bundle: true, minify: true, format: 'esm', write: false, outdir: join(ROOT, '.bench-peers'), entryNames: name, legalComments: 'none', logLevel: 'silent' });
  return { js: outputFiles.find((f) => f.path.endsWith('.js'))!.text, css: outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '' };
}

const FULLCALENDAR = `import { Calendar } from 'fullcalendar';
import dayGridPlugin from 'fullcalendar/daygrid';
import classicTheme from 'fullcalendar/themes/classic';
import pl from 'fullcalendar/locales/pl';
import 'fullcalendar/skeleton.css';
import 'fullcalendar/themes/classic/theme.css';
import 'fullcalendar/themes/classic/palette.css';
window.__peer = { Calendar, dayGridPlugin, classicTheme, pl };`;

const SURVEYJS = `import { Model } from 'survey-core';
import 'survey-core/i18n/polish';
import { renderSurvey } from 'survey-js-ui';
import 'survey-core/survey-core.min.css';
window.__peer = { Model, renderSurvey };`;

function peerPage(title: string, css: string, js: string, body: string, script: string): string {
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="${css}"><style>body { margin: 0; font-family: sans-serif; }</style></head>
<body><main>${body}</main><script type="module">import ${JSON.stringify(js)};\n${script}</script></body></html>`;
}

function oursPage(api: string, tag: string, attrs: string): string {
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>${tag}</title>
<style>body { margin: 0; font-family: sans-serif; } ${tag} { display: block; }</style>
<script type="module" src="${api}/widgets/ngo-widgets.js"></script></head><body><main><${tag} ${attrs}></${tag}></main></body></html>`;
}

/** The LIJW instrument as SurveyJS JSON, in Polish: a page per section, a Likert grid (`matrix`) per run of scale items on one scale. */
export function surveyJsJson(ins: Instrument): unknown {
  const pl = (t: Record<string, string> | undefined) => t?.pl ?? '';
  const scaleColumns = (name: string) => {
    const s = ins.scales[name]!;
    return [...s.points.map((p, i) => ({ value: i + 1, text: pl(p) })), ...(s.hardToSay ? [{ value: 'hard', text: pl(s.hardToSay) }] : [])];
  };
  return {
    locale: 'pl', title: pl(ins.title), description: pl(ins.intro), showProgressBar: 'top',
    pages: ins.sections.map((s) => {
      const elements: unknown[] = [];
      for (const item of s.items) {
        const prev = elements.at(-1) as { type?: string; scale?: string; rows?: unknown[] } | undefined;
        if (item.type === 'scale') {
          if (prev?.type === 'matrix' && prev.scale === item.scale) prev.rows!.push({ value: item.id, text: pl(item.text) });
          else elements.push({ type: 'matrix', name: `${s.id}_${item.id}`, scale: item.scale, title: pl(s.title), isAllRowRequired: !!item.required, columns: scaleColumns(item.scale), rows: [{ value: item.id, text: pl(item.text) }] });
        } else if (item.type === 'single') elements.push({ type: 'radiogroup', name: item.id, title: pl(item.text), choices: item.options.map((o) => ({ value: o.id, text: pl(o.text) })) });
        else if (item.type === 'multiple') elements.push({ type: 'checkbox', name: item.id, title: pl(item.text), choices: item.options.map((o) => ({ value: o.id, text: pl(o.text) })) });
        else if (item.type === 'number') elements.push({ type: 'text', inputType: 'number', name: item.id, title: pl(item.text), min: item.min, max: item.max });
        else elements.push({ type: 'comment', name: item.id, title: pl(item.text), maxLength: item.maxLength });
      }
      return { name: s.id, title: pl(s.title), description: pl(s.intro), elements };
    }),
  };
}

interface Case { name: string; ours: { url: string; ready: string }; peer: { name: string; url: string; ready: string } }

export async function cases(host: Host, api: string, month: string): Promise<Case[]> {
  const fc = bundle(FULLCALENDAR, 'fullcalendar');
  const sj = bundle(SURVEYJS, 'surveyjs');
  Object.assign(host.files, { '/fullcalendar.js': fc.js, '/fullcalendar.css': fc.css, '/surveyjs.js': sj.js, '/surveyjs.css': sj.css });
  // The same URL as <ngo-events view="month"> asks for: the month's whole weeks, up to 500 events.
  const from = startOfWeek(startOfMonth(month));
  const to = endOfWeek(endOfMonth(month));
  const events = `${api}/v1/events?from=${from}&to=${to}&limit=500`;
  host.files['/fullcalendar.html'] = peerPage('FullCalendar', '/fullcalendar.css', '/fullcalendar.js', '<div id="calendar"></div>', `
const { Calendar, dayGridPlugin, classicTheme, pl } = window.__peer;
const data = await (await fetch(${JSON.stringify(events)})).json();
const calendar = new Calendar(document.getElementById('calendar'), {
  plugins: [dayGridPlugin, classicTheme], locale: pl, initialView: 'dayGridMonth', initialDate: ${JSON.stringify(month)}, timeZone: 'local', dayMaxEvents: true,
  events: data.items.map((e) => ({ id: e.id, title: e.title, start: e.startLocal, end: e.allDay ? undefined : e.endLocal, allDay: e.allDay })),
});
calendar.render();`);
  host.files['/events.html'] = oursPage(api, 'ngo-events', `view="month" lang="pl"`);
  host.files['/surveyjs.html'] = peerPage('SurveyJS', '/surveyjs.css', '/surveyjs.js', '<div id="survey"></div>', `
const { Model, renderSurvey } = window.__peer;
const survey = new Model(${JSON.stringify(surveyJsJson(lijw as unknown as Instrument))});
renderSurvey(survey, document.getElementById('survey'));`);
  host.files['/survey.html'] = oursPage(api, 'ngo-survey', `link="demo-ngo" lang="pl"`);
  return [
    {
      name: `month view, ${EVENTS} events`,
      ours: { url: host.origin + '/events.html', ready: `!!document.querySelector('ngo-events')?.shadowRoot?.querySelector('ngo-events-month')?.shadowRoot?.querySelector('.day.has-events .title')` },
      peer: { name: 'FullCalendar', url: host.origin + '/fullcalendar.html', ready: `[...document.querySelectorAll('#calendar [role=gridcell]')].some((c) => c.textContent.includes('Spotkanie organizacji nr'))` },
    },
    {
      name: 'LIJW survey, first question page',
      // Ours opens on the edition's introduction: the check presses "Start" and waits for the first fieldset of radios.
      ours: { url: host.origin + '/survey.html', ready: `(() => { const r = document.querySelector('ngo-survey')?.shadowRoot; r?.querySelector('#start')?.click(); return !!r?.querySelector('fieldset input[type=radio]'); })()` },
      peer: { name: 'SurveyJS', url: host.origin + '/surveyjs.html', ready: `!!document.querySelector('#survey input[type=radio]')` },
    },
  ];
}

interface Summary { readyMs: number; interactiveMs: number; longestTaskMs: number; code: number; json: number; requests: number }

function summarise(loads: PageLoad[]): Summary {
  const code = (l: PageLoad) => { const k = byKind(l.requests); return k.js + k.dict + k.css + k.font; };
  return {
    readyMs: median(loads.map((l) => l.readyMs)),
    interactiveMs: median(loads.map((l) => l.interactiveMs)),
    longestTaskMs: median(loads.map((l) => l.longestTaskMs)),
    code: median(loads.map(code)),
    json: median(loads.map((l) => byKind(l.requests).json)),
    requests: median(loads.map((l) => l.requests.filter((r) => r.kind !== 'html' && r.kind !== 'other').length)),
  };
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : '-');

export const peers: BenchSection = {
  name: 'peers',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'ngo-bench-peers-'));
    const month = warsawDateOf(Date.now());
    const url = `sqlite:${join(dir, 'peers.db')}`;
    await seedMonth(url, month);
    const port = benchPort(2);
    const server = await spawnServer({ DATABASE_URL: url, SEED_DEMO: '0', LOG_LEVEL: 'warn', ...(port ? { PORT: String(port) } : {}) });
    const host = await startHost(benchPort(3));
    const browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_ARGS });
    const rows: (string | number)[][] = [];
    try {
      for (const c of await cases(host, server.origin, month)) {
        for (const throttle of THROTTLES) {
          const loads: { ours: PageLoad[]; peer: PageLoad[] } = { ours: [], peer: [] };
          // Alternate ours and the peer, so a burst of load on the shared machine hits both alike.
          for (let i = 0; i < RUNS; i++) {
            loads.ours.push(await measureLoad(browser, c.ours.url, { ready: c.ours.ready, cpuThrottle: throttle }));
            loads.peer.push(await measureLoad(browser, c.peer.url, { ready: c.peer.ready, cpuThrottle: throttle }));
          }
          const o = summarise(loads.ours);
          const p = summarise(loads.peer);
          rows.push([c.name, `${throttle}×`, 'ours', o.readyMs, o.interactiveMs, o.longestTaskMs, kB(o.code), kB(o.json), o.requests, '1', '1', '1']);
          rows.push([c.name, `${throttle}×`, c.peer.name, p.readyMs, p.interactiveMs, p.longestTaskMs, kB(p.code), kB(p.json), p.requests, ratio(p.readyMs, o.readyMs), ratio(p.longestTaskMs, o.longestTaskMs), ratio(p.code, o.code)]);
        }
      }
    } finally {
      await browser.close();
      await host.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    return {
      title: `Ours against the peers, same data, same browser, same run: medians of ${RUNS} cold loads, headless Chromium 1280×800 (ratios: peer / ours, > 1 means ours is smaller or faster)`,
      columns: ['case', 'CPU', 'implementation', 'rendered ms', 'interactive ms', 'longest task ms', 'code kB', 'JSON kB', 'requests', 'rendered ratio', 'task ratio', 'code ratio'],
      rows,
      notes: [
        'rendered: from navigation start until the case shows what it is for (the month grid with event titles; the first page of survey questions, ours after pressing Start on its introduction).',
        'code: JS, CSS and fonts as they came over the wire (Brotli for ours and for the peers, bundled and minified by esbuild); JSON: the data, the same for both in the month case.',
        'FullCalendar: dayGridMonth with dayMaxEvents (a "+N more" link per day, as ours shows a few titles and a count), its classic theme and Polish locale. SurveyJS: a page per section, Likert items as its matrix question, Polish locale.',
        '4×: Emulation.setCPUThrottlingRate 4, as a mid-range phone.',
      ],
    } satisfies Table;
  },
};
