import { Task } from '@lit/task';
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CLAUSE_MAX, type ClauseForm } from '../../../common/clauses.js';
import type { StaffClause } from '../../../common/clauses.schema.js';
import { LANGS, type Lang } from '../../../common/langs.js';
import { asApiError } from '../../core/api.js';
import { field, formError, statusRegion } from '../../core/forms.js';
import { formatDateTime } from '../../core/i18n/index.js';
import { StaffSection } from '../../core/staff-section.js';
import { listClauses, saveClause } from '../admin.api.js';
import { tAdmin } from '../admin.i18n.js';

/** One form's clause in the panel: what the server has, what is being edited, and the last save's outcome. */
interface ClauseState {
  saved: StaffClause;
  draft: Record<Lang, string>;
  saving: boolean;
  /** Set after a successful save, for the live status line. */
  done: boolean;
  /** A failed save (not a field issue), shown as an alert. */
  error: { code: string; retryAfter?: number | null } | null;
  /** Field issue codes from a 422, per language. */
  issues: Partial<Record<Lang, string>>;
}

const texts = (c: StaffClause) => ({ pl: c.pl, en: c.en, uk: c.uk });

/**
 * Staff panel section "settings" (admins): the information clause of each form that collects
 * personal data, in pl, en and uk. An emptied text falls back to the default.
 *
 * @tag ngo-admin-settings
 * @csspart base - The section's root.
 */
export class NgoAdminSettings extends StaffSection {
  static override styles = [
    ...StaffSection.styles,
    css`
      form + form {
        margin-block-start: var(--_ngo-space);
      }
      textarea {
        min-height: 10em;
      }
    `,
  ];

  static override properties: PropertyDeclarations = { clauses: { state: true, attribute: false } };

  protected override tr = tAdmin;

  declare private clauses: ClauseState[];

  constructor() {
    super();
    this.clauses = [];
  }

  private load = new Task(this, {
    args: () => [this.api] as const,
    task: async ([base], { signal }) => {
      const { items } = await this.guard(listClauses(base, signal));
      this.clauses = items.map((saved) => ({ saved, draft: texts(saved), saving: false, done: false, error: null, issues: {} }));
    },
  });

  private patch(form: ClauseForm, change: Partial<ClauseState>): void {
    this.clauses = this.clauses.map((c) => (c.saved.form === form ? { ...c, ...change } : c));
  }

  private edit(form: ClauseForm, lang: Lang, value: string): void {
    this.clauses = this.clauses.map((c) => (c.saved.form === form ? { ...c, draft: { ...c.draft, [lang]: value }, done: false } : c));
  }

  private async save(e: Event, form: ClauseForm): Promise<void> {
    e.preventDefault();
    const state = this.clauses.find((c) => c.saved.form === form);
    if (!state || state.saving || !this.session) return;
    this.patch(form, { saving: true, done: false, error: null, issues: {} });
    try {
      const saved = await this.guard(saveClause(this.api, this.session, form, state.draft));
      this.patch(form, { saved, draft: texts(saved), saving: false, done: true });
    } catch (err) {
      const apiErr = asApiError(err);
      const issues: Partial<Record<Lang, string>> = {};
      for (const i of apiErr.issues) if ((LANGS as readonly string[]).includes(i.path)) issues[i.path as Lang] ??= i.code;
      this.patch(form, { saving: false, error: { code: apiErr.code, retryAfter: apiErr.retryAfter }, issues });
      const first = LANGS.find((l) => issues[l]);
      if (first) {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#clause-${form}-${first}`)?.focus();
      }
    }
  }

  private issueText(lang: Lang, code: string): string {
    if (code === 'too_long') return tAdmin(lang, 'admin.settings.too_long', { max: CLAUSE_MAX });
    if (code === 'required') return tAdmin(lang, 'field.required');
    return tAdmin(lang, 'error.validation_failed');
  }

  private hint(lang: Lang, state: ClauseState, l: Lang): string {
    if (!state.draft[l].trim()) return tAdmin(lang, 'admin.settings.empty');
    const unchanged = state.draft[l] === state.saved[l];
    return tAdmin(lang, unchanged && state.saved.isDefault[l] ? 'admin.settings.is_default' : 'admin.settings.is_own');
  }

  private renderForm(state: ClauseState) {
    const lang = this.locale;
    const { form, updatedAt } = state.saved;
    const name = tAdmin(lang, `admin.settings.form.${form}`);
    const status = state.saving ? tAdmin(lang, 'admin.settings.saving') : state.done ? tAdmin(lang, 'admin.settings.saved', { form: name }) : '';
    return html`<form class="box" novalidate aria-labelledby="clause-${form}-title" @submit=${(e: Event) => this.save(e, form)}>
      <h4 id="clause-${form}-title">${name}</h4>
      ${updatedAt ? html`<p class="muted">${tAdmin(lang, 'admin.settings.updated', { at: formatDateTime(lang, updatedAt) })}</p>` : nothing}
      ${LANGS.map((l) => {
        const issue = state.issues[l];
        return field(
          { id: `clause-${form}-${l}`, label: tAdmin(lang, `admin.settings.lang.${l}`), hint: this.hint(lang, state, l), error: issue && this.issueText(lang, issue) },
          (a) => html`<textarea
            id=${a.id}
            name=${l}
            lang=${l}
            rows="10"
            maxlength=${CLAUSE_MAX}
            .value=${state.draft[l]}
            aria-describedby=${ifDefined(a.describedby)}
            aria-invalid=${ifDefined(a.invalid)}
            @input=${(e: Event) => this.edit(form, l, (e.target as HTMLTextAreaElement).value)}
          ></textarea>`,
        );
      })}
      ${formError(state.error ? tAdmin.error(lang, state.error) : '', `clause-${form}-error`)}
      <button type="submit" aria-disabled=${state.saving ? 'true' : 'false'}>${tAdmin(lang, 'admin.settings.save')}</button>
      ${statusRegion(status)}
    </form>`;
  }

  protected override render() {
    const lang = this.locale;
    return html`<div class="ngo-root" part="base">
      <p>${tAdmin(lang, 'admin.settings.intro')}</p>
      ${this.renderTask(this.load, { complete: () => this.clauses.map((c) => this.renderForm(c)) })}
    </div>`;
  }
}
