import type { StaffRole } from './taxonomy.js';

/**
 * The module table, on the widget side: what the loader, the `/embed/<slug>` pages, the build
 * (rollup.config.js) and the staff panel know of each module. A module is listed once, under its
 * slug (its folder in `widgets/`, `api/` and `common/`). `modules.test.ts` fails when a widget or
 * staff-section file exists that the table does not list, or the table lists one that does not exist.
 */

/** A widget of a module: a tag that the loader defines when a page has it. */
export interface ModuleWidget {
  /** The chunk under `/widgets/` that defines the tag; the loader imports it as `<chunk>?v=<build hash>`. */
  chunk: `ngo-${string}.js`;
  /** Whether the loader waits until the element scrolls near the viewport (the map). */
  lazy: boolean;
  /** The file that registers the tag, under `widgets/`: the build's entry for `chunk`. */
  src: string;
  /** Attributes `/embed/<module slug>?…` passes on to the widget; without them it cannot be framed. */
  embed?: readonly string[];
  /** Framed at `/embed/<module slug>/<embedPath>` instead, for a module's second embeddable widget (`/embed/advice/status`). */
  embedPath?: string;
}

/** A section of the staff panel `<ngo-admin>`, loaded the first time it is opened. */
export interface ModuleSection {
  /** Its element, `ngo-admin-<section>`; its parts are `ngo-admin-<section>-<part>`, defined by the same file. */
  tag: `ngo-admin-${string}`;
  /** The chunk under `/widgets/` that defines `tag`; the panel imports it by URL, like the loader does. */
  chunk: `ngo-${string}.js`;
  /** The file that defines `tag`, under `widgets/`: the build's entry for `chunk` (sections may share one). */
  src: string;
  /** Roles that reach the section besides `admin`, who reaches all. The API enforces them on `/v1/admin/<section>`. */
  roles: readonly StaffRole[];
}

export interface ModuleEntry {
  /** The module's widgets by tag (`ngo-<noun>`). */
  widgets: { readonly [tag: `ngo-${string}`]: ModuleWidget };
  /** Staff-panel sections by name (`/v1/admin/<name>`), in the order of the panel's navigation. */
  sections?: { readonly [section: string]: ModuleSection };
  /** The form whose information clause (RODO art. 13) staff edit in the settings section. */
  clauseForm?: string;
}

export const MODULES = {
  map: {
    widgets: {
      'ngo-map': { chunk: 'ngo-map.js', lazy: true, src: 'map/map.ts', embed: ['lang', 'district', 'area', 'kind', 'view', 'no-filters', 'tiles', 'boundaries', 'place-search', 'accessible', 'q', 'edit', 'confirm', 'org', 'sync-url', 'heading-level'] },
    },
    sections: { map: { tag: 'ngo-admin-map', chunk: 'ngo-admin-map.js', src: 'map/map.admin.ts', roles: ['moderator', 'editor'] } },
    clauseForm: 'map',
  },
  consultations: {
    widgets: { 'ngo-consultation': { chunk: 'ngo-consultation.js', lazy: false, src: 'consultations/consultations.ts', embed: ['lang', 'consultation', 'district', 'confirm', 'confirm-support', 'sync-url', 'heading-level', 'no-heading'] } },
    sections: {
      consultations: { tag: 'ngo-admin-consultations', chunk: 'ngo-admin-consultations.js', src: 'consultations/consultations.admin.ts', roles: ['moderator', 'editor'] },
    },
    clauseForm: 'consultations',
  },
  events: {
    widgets: {
      'ngo-events': {
        chunk: 'ngo-events.js', lazy: false, src: 'events/events.ts',
        embed: ['lang', 'type', 'district', 'organiser', 'series', 'view', 'event', 'sync-url', 'confirm', 'manage', 'action', 'heading-level', 'no-heading'],
      },
    },
    sections: { events: { tag: 'ngo-admin-events', chunk: 'ngo-admin-events.js', src: 'events/events.admin.ts', roles: ['moderator', 'editor'] } },
    clauseForm: 'events',
  },
  surveys: {
    widgets: {
      'ngo-survey': { chunk: 'ngo-survey.js', lazy: false, src: 'surveys/surveys.ts', embed: ['lang', 'survey', 'token', 'link', 'heading-level', 'no-heading'] },
      'ngo-survey-results': { chunk: 'ngo-survey-results.js', lazy: true, src: 'surveys/surveys-results.ts' },
    },
    sections: { surveys: { tag: 'ngo-admin-surveys', chunk: 'ngo-admin-surveys.js', src: 'surveys/surveys.admin.ts', roles: ['editor'] } },
  },
  guide: {
    widgets: {
      'ngo-guide': {
        chunk: 'ngo-guide.js', lazy: false, src: 'guide/guide.ts',
        embed: ['lang', 'article', 'tag', 'topic', 'no-search', 'sync-url', 'advice-url', 'events-url', 'consultations-url', 'heading-level', 'no-heading'],
      },
    },
    sections: { guide: { tag: 'ngo-admin-guide', chunk: 'ngo-admin-guide.js', src: 'guide/guide.admin.ts', roles: ['editor'] } },
  },
  advice: {
    widgets: {
      'ngo-advice-form': { chunk: 'ngo-advice-form.js', lazy: false, src: 'advice/advice.ts', embed: ['lang', 'topic', 'heading-level', 'no-heading'] },
      'ngo-advice-status': { chunk: 'ngo-advice-status.js', lazy: false, src: 'advice/advice-status.ts', embed: ['lang', 'token', 'heading-level'], embedPath: 'status' },
    },
    sections: { advice: { tag: 'ngo-admin-advice', chunk: 'ngo-admin-advice.js', src: 'advice/advice.admin.ts', roles: ['adviser'] } },
    clauseForm: 'advice',
  },
  admin: {
    widgets: { 'ngo-admin': { chunk: 'ngo-admin.js', lazy: false, src: 'admin/admin.ts' } },
    sections: {
      staff: { tag: 'ngo-admin-staff', chunk: 'ngo-admin-sections.js', src: 'admin/sections/index.ts', roles: [] },
      audit: { tag: 'ngo-admin-audit', chunk: 'ngo-admin-sections.js', src: 'admin/sections/index.ts', roles: [] },
      outbox: { tag: 'ngo-admin-outbox', chunk: 'ngo-admin-sections.js', src: 'admin/sections/index.ts', roles: ['moderator', 'editor', 'adviser'] },
      settings: { tag: 'ngo-admin-settings', chunk: 'ngo-admin-sections.js', src: 'admin/sections/index.ts', roles: [] },
    },
  },
} as const satisfies Record<string, ModuleEntry>;

export type ModuleSlug = keyof typeof MODULES;

type Modules = typeof MODULES;
type SectionsOf<M> = M extends { sections: infer S } ? keyof S & string : never;
type WidgetsOf<M> = M extends { widgets: infer W } ? keyof W & string : never;
type ClauseFormOf<M> = M extends { clauseForm: infer F extends string } ? F : never;

/** A tag the loader defines: `ngo-map`, `ngo-consultation`, `ngo-admin`… */
export type WidgetTag = { [S in ModuleSlug]: WidgetsOf<Modules[S]> }[ModuleSlug];
/** A staff-panel section: `map`, `consultations`, `staff`… */
export type AdminSection = { [S in ModuleSlug]: SectionsOf<Modules[S]> }[ModuleSlug];
/** A form with an information clause: `map`, `consultations`. */
export type ModuleClauseForm = { [S in ModuleSlug]: ClauseFormOf<Modules[S]> }[ModuleSlug];

// The derived tables are marked pure, so a bundle that only needs `WIDGETS` (the loader) drops them.
const entries = /* @__PURE__ */ Object.entries(MODULES) as [ModuleSlug, ModuleEntry][];

/**
 * The loader's part of the table: tag → chunk and whether it waits for the viewport. The build gives
 * the loader this object alone, as a literal (rollup.config.js), so that the rest of the table does
 * not reach it: rollup keeps or drops whole objects.
 */
export const WIDGETS = /* @__PURE__ */ Object.fromEntries(
  entries.flatMap(([, m]) => Object.entries(m.widgets).map(([tag, w]) => [tag, { chunk: w.chunk, lazy: w.lazy }])),
) as Record<WidgetTag, Pick<ModuleWidget, 'chunk' | 'lazy'>>;

/** Every staff section with its module, in the order of the panel's navigation. */
export const ADMIN_SECTIONS = /* @__PURE__ */ Object.fromEntries(
  entries.flatMap(([module, m]) => Object.entries(m.sections ?? {}).map(([name, s]) => [name, { ...s, module }])),
) as Record<AdminSection, ModuleSection & { module: ModuleSlug }>;

export const isAdminSection = (s: string): s is AdminSection => Object.hasOwn(ADMIN_SECTIONS, s);

/** Forms with an information clause, in the order of the table. */
export const CLAUSE_FORMS = /* @__PURE__ */ entries.flatMap(([, m]) => (m.clauseForm ? [m.clauseForm] : [])) as ModuleClauseForm[];

/**
 * The widget served at `/embed/<slug>` (or `/embed/<slug>/<path>`, for a widget with an
 * `embedPath`) and the attributes it may get; null when there is nothing to frame (the staff panel).
 */
export function embedOf(slug: string, path?: string): { tag: WidgetTag; attributes: readonly string[] } | null {
  if (!Object.hasOwn(MODULES, slug)) return null;
  const found = Object.entries((MODULES[slug as ModuleSlug] as ModuleEntry).widgets).find(([, w]) => w.embed && w.embedPath === path);
  return found ? { tag: found[0] as WidgetTag, attributes: found[1].embed! } : null;
}

/** postMessage sent by an embed page to its parent whenever its height changes. */
export interface EmbedResizeMessage {
  type: 'ngo-embed-resize';
  slug: string;
  height: number;
}
