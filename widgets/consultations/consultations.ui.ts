import { nothing, type TemplateResult } from 'lit';
import { html, type StaticValue } from 'lit/static-html.js';
import { STATUS_LABELS, consultationStatus, type ConsultationStatus } from '../../common/consultations.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { asApiError } from '../core/api.js';
import { formatDateTime, type Lang } from '../core/i18n/index.js';
import type { ConsultationDetail, ConsultationSummary, ConsultationUnit, PublicRemark, RemarkFilters } from './consultations.api.js';
import { tc, type ConsultationKey } from './consultations.i18n.js';
import { remaining } from './consultations.time.js';

/*
 * What the views of `<ngo-consultation>` share. The element makes one `ConsultationUi` per render;
 * the views (consultations.list.ts, consultations.detail.ts, consultations.remarks.ts) are
 * templates of its shadow root and change nothing themselves: they call the element's actions.
 */

/** The open form: a remark on a unit (null: the whole document) or a support of a remark. */
export type Panel = { kind: 'remark'; unit: ConsultationUnit | null } | { kind: 'support'; remark: PublicRemark };

/** The view in the URL (`sync-url`): the consultation, and the unit or remark it names. */
export type UrlView = { id: string; unit: string; remark: string };

/** A task as a view renders it: its value once there, or pending, or failed with a retry. */
export interface ViewTask<T> {
  value?: T;
  error: unknown;
  status: number;
  run(): Promise<unknown>;
}

/** What every view renders with. */
export interface ConsultationUi {
  lang: Lang;
  t(key: ConsultationKey | 'loading' | 'retry', vars?: Record<string, string | number>): string;
  /** The heading tag `depth` steps below the widget's top heading (`heading-level`). */
  h(depth: number): StaticValue;
  /** `no-heading`: the list leaves out its title. */
  noHeading: boolean;
  /** The server's clock, ticking. */
  now: number;
  /** `lang="pl"` for what officials and residents wrote (always Polish) inside an English or Ukrainian interface. */
  authorLang: 'pl' | typeof nothing;
  api: string;
  panel: Panel | null;
  filters: RemarkFilters;
  /** The address of a view, for a real link (a new tab, a bookmark). */
  href(v: Partial<UrlView>): string;
  /** The open form, or its loading state. */
  form(c: ConsultationDetail): TemplateResult;
  /** The way back to the list, when the consultation was opened from it. */
  back(): TemplateResult | typeof nothing;
  openConsultation(c: ConsultationSummary, index: number, e?: MouseEvent): void;
  /** A unit's or remark's own link, followed in place. */
  followLink(e: MouseEvent, v: { unit?: string; remark?: string }): void;
  open(panel: Panel, returnTo: string): void;
  showRemarksFor(unit: string): void;
  setFilter(key: keyof RemarkFilters, value: string): void;
  clearFilters(): void;
}

/** A task's pending state, or its error with a retry. */
export function taskState(ui: ConsultationUi, task: Pick<ViewTask<unknown>, 'error' | 'run'>): TemplateResult {
  if (task.error) {
    return html`<div role="alert"><p class="ngo-error">${tc.error(ui.lang, asApiError(task.error))}</p>
      <button type="button" @click=${() => void task.run()}>${ui.t('retry')}</button></div>`;
  }
  return html`<p>${ui.t('loading')}</p>`;
}

export const statusOf = (ui: ConsultationUi, c: ConsultationSummary): ConsultationStatus => consultationStatus(c, new Date(ui.now));

export function badge(ui: ConsultationUi, c: ConsultationSummary): TemplateResult {
  const s = statusOf(ui, c);
  const left = s === 'open' ? remaining(c.endsAt, ui.now) : s === 'planned' ? remaining(c.startsAt, ui.now) : null;
  return html`<span class="badge s-${s}" part="badge">${STATUS_LABELS[s][ui.lang]}</span>${left
      ? html` <strong>${tc(ui.lang, `cons.${s === 'open' ? 'left' : 'starts'}.${left.unit}`, { count: left.count })}</strong>`
      : nothing}`;
}

export const dates = (ui: ConsultationUi, c: ConsultationSummary): string =>
  ui.t('cons.dates', { start: formatDateTime(ui.lang, c.startsAt), end: formatDateTime(ui.lang, c.endsAt) });

export function scope(ui: ConsultationUi, c: ConsultationSummary): string {
  const d = c.district ? DISTRICTS[c.district - 1] : undefined;
  return d ? ui.t('cons.district', { roman: d.roman, name: d.name }) : ui.t('cons.city_wide');
}
