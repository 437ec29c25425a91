import { html, type PropertyDeclarations } from 'lit';
import { inputField } from '../core/forms.js';
import { formatDateTime } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { createEdition, type StaffSurvey } from './surveys.admin.api.js';
import { tSurveysAdmin as t } from './surveys.admin.i18n.js';
import { day } from './surveys.admin.view.js';

interface Draft {
  slug: string;
  instrumentVersion: string;
  opensAt: string;
  closesAt: string;
  periodFrom: string;
  periodTo: string;
}

/** `datetime-local` (the browser's zone) to a UTC instant. */
const instant = (local: string) => (local ? new Date(local).toISOString() : '');

/**
 * Part "editions" of the surveys section: the editions of the survey (status on the server's clock,
 * dates, the 12 months assessed, the instrument version, whether results are published) and the
 * form of a new edition. Tells the section with `ngo-surveys-changed` when one was created.
 *
 * @tag ngo-admin-surveys-editions
 */
export class NgoAdminSurveysEditions extends StaffPart {
  static override properties: PropertyDeclarations = { survey: { attribute: false }, draft: { state: true } };
  protected static override translators = [t];
  protected override tr = t;

  declare survey: StaffSurvey;
  declare private draft: Draft;

  constructor() {
    super();
    const y = new Date().getFullYear();
    this.draft = { slug: String(y), instrumentVersion: '1', opensAt: '', closesAt: '', periodFrom: `${y - 1}-11-01`, periodTo: `${y}-10-31` };
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const d = this.draft;
    const body = { slug: d.slug.trim(), instrumentVersion: Number(d.instrumentVersion), opensAt: instant(d.opensAt), closesAt: instant(d.closesAt), periodFrom: d.periodFrom, periodTo: d.periodTo };
    if (await this.send(() => createEdition(this.api, this.session, this.survey.id, body))) return;
    this.announce(t(this.locale, 'edition.created', { slug: body.slug }));
    this.dispatchEvent(new CustomEvent('ngo-surveys-changed', { bubbles: true, composed: true, detail: { edition: body.slug } }));
  }

  private set(key: keyof Draft, value: string): void {
    this.draft = { ...this.draft, [key]: value };
  }

  protected override render() {
    const lang = this.locale;
    const field = (key: keyof Draft, type: 'text' | 'number' | 'date' | 'datetime-local', hint?: string) =>
      inputField({ id: `ed-${key}`, label: t(lang, `f.${key}`), hint, type, value: this.draft[key], required: true, onInput: (v) => this.set(key, v) });
    return html`${this.actionErrorRegion()}
      <section aria-labelledby="editions-heading">
        <h4 id="editions-heading" tabindex="-1">${t(lang, 'editions.heading')}</h4>
        ${this.survey.editions.length
          ? html`<div class="table-wrap"><table>
              <thead><tr>
                <th scope="col">${t(lang, 'col.edition')}</th><th scope="col">${t(lang, 'col.status')}</th><th scope="col">${t(lang, 'col.dates')}</th>
                <th scope="col">${t(lang, 'col.period')}</th><th scope="col">${t(lang, 'col.instrument')}</th><th scope="col">${t(lang, 'col.results')}</th>
              </tr></thead>
              <tbody>
                ${this.survey.editions.map(
                  (e) => html`<tr data-edition=${e.slug}>
                    <th scope="row">${e.slug}</th>
                    <td>${t(lang, `status.${e.status}`)}</td>
                    <td>${formatDateTime(lang, e.opensAt)} – ${formatDateTime(lang, e.closesAt)}</td>
                    <td>${day(lang, e.periodFrom)} – ${day(lang, e.periodTo)}</td>
                    <td class="num">${e.instrumentVersion}</td>
                    <td>${t(lang, e.published ? 'published' : 'unpublished')}</td>
                  </tr>`,
                )}
              </tbody>
            </table></div>`
          : html`<p class="empty">${t(lang, 'editions.empty')}</p>`}
      </section>
      <section aria-labelledby="edition-new">
        <h4 id="edition-new">${t(lang, 'edition.new')}</h4>
        <form @submit=${this.create} novalidate>
          <div class="row">${field('slug', 'text', t(lang, 'f.slug.hint'))} ${field('instrumentVersion', 'number')}</div>
          <div class="row">${field('opensAt', 'datetime-local')} ${field('closesAt', 'datetime-local')}</div>
          <div class="row">${field('periodFrom', 'date')} ${field('periodTo', 'date')}</div>
          <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'edition.create')}</button>
        </form>
      </section>`;
  }
}
