import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { AuditActionTable } from '../../common/audit.js';
import type { ClauseForm } from '../../common/clauses.js';
import type { Lang } from '../../common/taxonomy.js';
import type { StaffRole } from '../../common/taxonomy.js';
import type { Database } from '../db/schema.js';
import type { StaffPrincipal } from './auth.js';
import type { AppEnv } from './context.js';
import type { Job } from './jobs.js';
import type { AnyMailTemplate } from './mail-templates.js';
import type { RetentionRule } from './retention.js';

/** A router of one feature (see `createRouter`). */
export type Router = OpenAPIHono<AppEnv>;

/** Fills the database with demo data. Runs once per database, on the first start with SEED_DEMO on. */
export type SeedFn = (db: Kysely<Database>) => Promise<void>;

export interface Seed {
  /** Unique over every module, usually the slug; recorded in `app_setting` as `seed:<name>` once run. */
  name: string;
  run: SeedFn;
}

/**
 * A section of the staff panel: its routes are mounted at `/v1/admin/<section>` on the one staff
 * router, behind the session, CSRF and audit middleware, and reach only `roles` (admin reaches all).
 */
export interface StaffSection {
  /** The section's name: the path under `/v1/admin/` and the panel's section key. */
  section: string;
  /** Roles that reach it, besides `admin`. Real modules take them from the common module table. */
  roles: readonly StaffRole[];
  routes: Router;
}

/** One count on the staff start screen ("what waits"), e.g. submissions waiting for moderation. */
export interface WaitingCount {
  /** `<slug>.<what>`, a translation key of the panel. */
  key: string;
  count: number;
  /** The staff section that deals with it. */
  section: string;
}

/** One objective indicator of a module (issue 11), e.g. remarks answered within the deadline. */
export interface Indicator {
  key: string;
  value: number;
  /** What the value counts: `count`, `percent`, `days`. */
  unit: 'count' | 'percent' | 'days';
}

export interface IndicatorQuery {
  /** Inclusive ISO dates of the period. */
  from: string;
  to: string;
  lang: Lang;
}

/** One public item's own embed page, `/embed/<slug>/<id>` (an event): its title, the widget's attributes, and its schema.org data. */
export interface EmbedItem {
  /** The page's `<title>`. */
  title: string;
  /** Attributes of the module's widget that open the item (`{ event: id }`), besides the whitelisted query ones. */
  attributes: Record<string, string>;
  /** schema.org JSON-LD for search engines, written into the page's head (escaped by `jsonLd`). */
  jsonLd?: unknown;
}

/** One item an audit entry concerns, as the log shows it: its title and where the panel opens it. */
export interface AuditItem {
  title: string;
  /** The panel's fragment, `<section>/<id>` (the panel opens `#<section>/<id>`); null when no section shows it. */
  link: string | null;
}

/** How the audit log finds one kind of item of a module (a remark, an event). */
export interface AuditItemKind {
  /** The items with these ids, in `lang`; an id not found (the item is gone) is left out. One query for a page of entries. */
  find: (db: Kysely<Database>, ids: readonly string[], lang: Lang) => Promise<Map<string, AuditItem>>;
}

/**
 * A module's part of the audit log's table of actions: the words of every action it audits (each
 * staff write route, its personal-data downloads, named actions such as `login`) and how to find the
 * items they concern. `api/admin/audit.routes.test.ts` fails for a staff write route without a row.
 */
export interface ModuleAudit {
  actions: AuditActionTable;
  items?: Readonly<Record<string, AuditItemKind>>;
}

/**
 * Everything a module brings, declared once in `api/<slug>/<slug>.module.ts` and named once in
 * `api/modules.ts`. `createApp`, `startServer`, `npm start`, `npm run purge`, the seeds and the
 * widget-test API read the list; nothing registers itself on import.
 */
export interface ModuleManifest {
  /** The feature's slug, the same in every tree (`api/map/`, `widgets/map/`, `/v1/map/…`). */
  slug: string;
  /** Public routes, mounted at `basePath`. */
  routes?: Router;
  /** Where `routes` are mounted. Default `/v1/<slug>`. */
  basePath?: string;
  /** Staff panel sections, each at `/v1/admin/<section>`. */
  staff?: readonly StaffSection[];
  /** Staff routes outside any section, open to every signed-in staff member (the session itself), at `/v1/admin`. */
  staffCommon?: Router;
  /** The only staff routes reachable without a session (signing in), at `/v1/admin`. */
  signIn?: Router;
  /** Demo data, run once per database when `SEED_DEMO` is on. */
  seeds?: readonly Seed[];
  /** Scheduled deletions of personal and stale data. */
  retention?: readonly RetentionRule[];
  /** Recurring background tasks. */
  jobs?: readonly Job[];
  /** The mail templates the module sends (pl, en and uk each). */
  mail?: readonly AnyMailTemplate[];
  /** The information clause its public form shows, when it collects personal data. */
  clauseForm?: ClauseForm;
  /** Counts for the staff start screen: what waits for this staff member in this module (issue 10). */
  waiting?: (db: Kysely<Database>, staff: StaffPrincipal) => Promise<WaitingCount[]>;
  /**
   * Paths (Hono patterns, `/v1/advice/status/attachments`) whose POST takes a raw file
   * (`application/octet-stream`) instead of JSON; the route reads it with `readUpload` (`uploads.ts`).
   */
  uploads?: readonly string[];
  /** The module's objective indicators over a period (issue 11). */
  indicators?: (db: Kysely<Database>, query: IndicatorQuery) => Promise<Indicator[]>;
  /** Its actions in the audit log, in words, and how to find the items they concern. */
  audit?: ModuleAudit;
  /** `/embed/<slug>/<id>`: a public item's own page; null when there is no such public item (404). */
  embedItem?: (c: Context<AppEnv>, id: string) => Promise<EmbedItem | null>;
}

/** Keeps a manifest's literal type while checking it against `ModuleManifest`. */
export const defineModule = <const M extends ModuleManifest>(manifest: M): M => manifest;

export const seedsOf = (modules: readonly ModuleManifest[]): Seed[] => modules.flatMap((m) => m.seeds ?? []);
export const retentionOf = (modules: readonly ModuleManifest[]): RetentionRule[] => modules.flatMap((m) => m.retention ?? []);
export const jobsOf = (modules: readonly ModuleManifest[]): Job[] => modules.flatMap((m) => m.jobs ?? []);
export const mailOf = (modules: readonly ModuleManifest[]): AnyMailTemplate[] => modules.flatMap((m) => m.mail ?? []);
export const staffSectionsOf = (modules: readonly ModuleManifest[]): StaffSection[] => modules.flatMap((m) => m.staff ?? []);
export const uploadPathsOf = (modules: readonly ModuleManifest[]): string[] => modules.flatMap((m) => m.uploads ?? []);
export const clauseFormsOf = (modules: readonly ModuleManifest[]): ClauseForm[] => modules.flatMap((m) => (m.clauseForm ? [m.clauseForm] : []));

export const canReachSection = (role: StaffRole, section: Pick<StaffSection, 'roles'>) => role === 'admin' || section.roles.includes(role);

/** The panel sections a role reaches, in list order. */
export const sectionsFor = (modules: readonly ModuleManifest[], role: StaffRole): string[] =>
  staffSectionsOf(modules).filter((s) => canReachSection(role, s)).map((s) => s.section);

/**
 * Refuses a list that would collide at run time: two modules with one slug, one section, seed,
 * retention rule, job or mail template name twice.
 */
export function checkModules(modules: readonly ModuleManifest[]): void {
  const unique = (what: string, names: string[]) => {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) throw new Error(`Module list: ${what} "${n}" is declared twice`);
      seen.add(n);
    }
  };
  unique('slug', modules.map((m) => m.slug));
  unique('staff section', staffSectionsOf(modules).map((s) => s.section));
  unique('seed', seedsOf(modules).map((s) => s.name));
  unique('retention rule', retentionOf(modules).map((r) => r.name));
  unique('job', jobsOf(modules).map((j) => j.name));
  unique('mail template', mailOf(modules).map((t) => t.name));
  unique('public base path', modules.filter((m) => m.routes).map((m) => m.basePath ?? `/v1/${m.slug}`));
}
