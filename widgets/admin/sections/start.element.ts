import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { DISTRICTS } from '../../../common/taxonomy.js';
import { formatNumber } from '../../core/i18n/index.js';
import { StaffSection } from '../../core/staff-section.js';
import { getWaiting, type WaitingCount } from '../admin.api.js';
import { tSections } from './sections.i18n.js';

/**
 * The panel's start screen, for every role: what waits for the signed-in member, as each module
 * counts it through its manifest's `waiting` hook (within their role and district scope). Each
 * count opens its section; the totals per section become the navigation's badges.
 *
 * @tag ngo-admin-start
 * @fires ngo-open-section - The member chose a count. `detail: { section }`.
 * @fires ngo-waiting - After each load. `detail: { totals }`: section → items waiting (the navigation's badges).
 */
export class NgoAdminStart extends StaffSection {
  static override styles = [
    ...StaffSection.styles,
    css`
      ul.counts {
        list-style: none;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
        gap: 0.75em;
      }
      .count {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        width: 100%;
        height: 100%;
        text-align: start;
        gap: 0.25em;
        background: var(--_ngo-bg);
        color: var(--_ngo-text);
        border: 1px solid var(--_ngo-border);
        font-weight: 400;
      }
      .count .n {
        font-size: 1.75em;
        font-weight: 700;
        color: var(--_ngo-accent);
      }
      .count.zero .n {
        color: var(--_ngo-muted);
      }
      .section-name {
        color: var(--_ngo-muted);
        font-size: 0.875em;
      }
    `,
  ];
  protected override tr = tSections;

  private waiting = new Task(this, {
    args: () => [this.api] as const,
    task: async ([base], { signal }) => {
      const { items } = await this.guard(getWaiting(base, signal));
      const totals: Record<string, number> = {};
      // Only what needs doing makes a badge: this week's events and free places are news, not work.
      for (const w of items) if (!INFORMATIVE.has(w.key)) totals[w.section] = (totals[w.section] ?? 0) + w.count;
      this.dispatchEvent(new CustomEvent('ngo-waiting', { detail: { totals }, bubbles: true, composed: true }));
      return items;
    },
  });

  private sectionName(section: string): string {
    const key = `admin.section.${section}`;
    return tSections.has(this.locale, key) ? tSections(this.locale, key as never) : section;
  }

  private label(w: WaitingCount): string {
    const key = `start.${w.key}`;
    return tSections.has(this.locale, key) ? tSections(this.locale, key as never) : w.key;
  }

  private card(w: WaitingCount) {
    const lang = this.locale;
    const section = this.sectionName(w.section);
    return html`<li><button type="button" class="count ${w.count ? '' : 'zero'}" data-key=${w.key}
      @click=${() => this.dispatchEvent(new CustomEvent('ngo-open-section', { detail: { section: w.section }, bubbles: true, composed: true }))}>
      <span class="n">${formatNumber(lang, w.count)}</span>
      <span class="what">${this.label(w)}</span>
      <span class="section-name">${section}</span>
    </button></li>`;
  }

  protected override render() {
    const lang = this.locale;
    const d = DISTRICTS.find((x) => x.id === this.session?.staff.district);
    const scope = d && this.session?.staff.role !== 'admin' ? tSections(lang, 'start.scope', { district: `${d.roman} ${d.name}` }) : '';
    return html`<div class="ngo-root panel" part="base">
      ${this.statusRegion()}
      <div class="row"><p>${tSections(lang, 'start.intro', { scope })}</p>
        <button type="button" class="ngo-secondary" @click=${() => this.waiting.run()}>${tSections(lang, 'start.refresh')}</button></div>
      ${this.renderTask(this.waiting, {
        complete: (items) => {
          const open = items.filter((w) => w.count > 0 && !INFORMATIVE.has(w.key));
          return html`${open.length ? nothing : html`<p class="box" id="start-empty">${tSections(lang, 'start.empty')}</p>`}
            ${items.length ? html`<ul class="counts">${items.map((w) => this.card(w))}</ul>` : nothing}`;
        },
      })}
    </div>`;
  }
}

/** Counts that inform rather than ask for work: shown, never a badge, never "something waits". */
const INFORMATIVE = new Set(['events.this_week', 'events.places_left']);
