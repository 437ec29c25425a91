import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { GUIDE_LIMITS as L, GUIDE_SLUG_RE, smartTreeFaults, type SmartTree, type TreeFault } from '../../common/guide.js';
import { LANGS } from '../../common/langs.js';
import { errorSummary, field } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { createJourney, previewJourney, saveJourney, type GuideJourneyView, type JourneyContent, type StaffJourney } from './guide.admin.api.js';
import { tGuideAdmin as t } from './guide.admin.i18n.js';
import { journeyTitle } from './guide.admin.journeys.js';

type Text = { pl: string; en?: string; uk?: string };
type Step = { title: Text; text: Text; deadline?: Text; articles: string[] };
type Question = { kind: 'question'; text: Text; hint?: Text; answers: { label: Text; next: string }[] };
type Outcome = { kind: 'outcome'; title: Text; text: Text; articles: string[]; journey?: string | null };
type Draft = { slug: string; kind: 'steps' | 'smart'; title: Text; summary: Text; steps: Step[]; start: string; nodes: Record<string, Question | Outcome> };
interface Issue {
  id: string;
  message: string;
}

const txt = (): Text => ({ pl: '' });
const outcome = (): Outcome => ({ kind: 'outcome', title: txt(), text: txt(), articles: [], journey: null });
const fresh = (kind: 'steps' | 'smart'): Draft => ({
  slug: '', kind, title: txt(), summary: txt(), steps: [{ title: txt(), text: txt(), articles: [] }], start: 'question-1',
  nodes: { 'question-1': { kind: 'question', text: txt(), answers: [{ label: txt(), next: 'outcome-1' }, { label: txt(), next: 'outcome-2' }] }, 'outcome-1': outcome(), 'outcome-2': outcome() },
});
const draftOf = (j: StaffJourney): Draft => {
  const c = structuredClone((j.draft ?? j.published)!);
  return { ...fresh(c.kind), slug: j.slug, ...(c as Partial<Draft>) };
};
/** The content as the API takes it: empty translations and deadlines left out. */
const clean = (x: Text): Text => ({ pl: x.pl.trim(), ...(x.en?.trim() ? { en: x.en.trim() } : {}), ...(x.uk?.trim() ? { uk: x.uk.trim() } : {}) });
const contentOf = (d: Draft): JourneyContent =>
  (d.kind === 'steps'
    ? { kind: 'steps', title: clean(d.title), summary: clean(d.summary), steps: d.steps.map((s) => ({ title: clean(s.title), text: clean(s.text), ...(s.deadline?.pl.trim() ? { deadline: clean(s.deadline) } : {}), articles: s.articles })) }
    : {
        kind: 'smart', title: clean(d.title), summary: clean(d.summary), start: d.start,
        nodes: Object.fromEntries(Object.entries(d.nodes).map(([id, n]) => [id, n.kind === 'question'
          ? { kind: 'question', text: clean(n.text), ...(n.hint?.pl.trim() ? { hint: clean(n.hint) } : {}), answers: n.answers.map((a) => ({ label: clean(a.label), next: a.next })) }
          : { kind: 'outcome', title: clean(n.title), text: clean(n.text), articles: n.articles, journey: n.journey || null }])),
      }) as JourneyContent;
const slugs = (v: string) => v.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/** A control's id for a path of the content (`nodes.q1.answers.0.next` → `n-q1-a0-next`, `steps.2.title` → `s2-title`). */
function controlOf(path: string, d: Draft): string {
  const p = path.replace(/^content\./, '').split('.');
  if (p[0] === 'steps' && p[1]) return `s${p[1]}-${['title', 'text', 'deadline', 'articles'].includes(p[2] ?? '') ? p[2] : 'title'}`;
  if (p[0] === 'nodes' && p[1]) {
    const n = d.nodes[p[1]];
    if (p[2] === 'answers') return p[3] ? `n-${p[1]}-a${p[3]}-${p[4] === 'next' ? 'next' : 'label'}` : `n-${p[1]}-add`;
    if (p[2] && ['text', 'hint', 'title', 'articles', 'journey'].includes(p[2])) return `n-${p[1]}-${p[2]}`;
    return n ? `n-${p[1]}-${n.kind === 'question' ? 'text' : 'title'}` : 'j-start';
  }
  return p[0] === 'slug' ? 'j-slug' : p[0] === 'summary' ? 'j-summary' : p[0] === 'start' ? 'j-start' : 'j-title';
}

/**
 * The editor of one step-by-step or smart answer (a part of `ngo-admin-guide-journeys`): the texts
 * in Polish with optional English and Ukrainian, steps with deadlines and articles, or the tree's
 * questions, answers and outcomes; the tree is checked as it is edited (no cycle, no missing or
 * unreachable node, every route ends in an outcome), and the preview walks it as readers will.
 *
 * @tag ngo-admin-guide-journey
 */
export class NgoAdminGuideJourney extends StaffPart {
  static override properties: PropertyDeclarations = {
    ...StaffPart.properties, journey: { attribute: false }, kind: { attribute: false }, journeys: { attribute: false }, onDone: { attribute: false },
    draft: { state: true }, editing: { state: true }, issues: { state: true }, preview: { state: true }, walk: { state: true },
  };
  protected override tr = t;
  declare journey: StaffJourney | null;
  declare kind: 'steps' | 'smart';
  declare journeys: StaffJourney[];
  declare onDone: (id: string | null, message?: string) => void;
  declare private draft: Draft | null;
  declare private editing: Lang;
  declare private issues: Issue[];
  declare private preview: GuideJourneyView | null;
  declare private walk: string[];

  constructor() {
    super();
    this.journey = null;
    this.kind = 'steps';
    this.journeys = [];
    this.onDone = () => {};
    this.draft = null;
    this.editing = 'pl';
    this.issues = [];
    this.preview = null;
    this.walk = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.draft ??= this.journey ? draftOf(this.journey) : fresh(this.kind);
  }

  private set(change: (d: Draft) => void): void {
    const d = structuredClone(this.draft!);
    change(d);
    this.draft = d;
  }

  private errorOf(id: string) {
    return this.issues.find((i) => i.id === id)?.message;
  }

  /** A text of the language edited. */
  private text(id: string, label: string, value: Text | undefined, onInput: (v: string) => void, o: { area?: boolean; max?: number; hint?: string } = {}): TemplateResult {
    const l = this.editing;
    const handler = (e: Event) => onInput((e.target as HTMLInputElement).value);
    const v = value?.[l] ?? '';
    return field({ id, label, hint: o.hint, error: this.errorOf(id) }, (a) =>
      o.area
        ? html`<textarea id=${a.id} rows="3" lang=${l} maxlength=${o.max ?? L.summary} .value=${v} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${handler}></textarea>`
        : html`<input id=${a.id} type="text" lang=${l} maxlength=${o.max ?? L.title} .value=${v} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${handler} />`);
  }

  private setText(get: (d: Draft) => Text | undefined, put: (d: Draft, x: Text) => void): (v: string) => void {
    return (v) => this.set((d) => put(d, { ...(get(d) ?? txt()), [this.editing]: v }));
  }

  private articles(id: string, value: string[], put: (d: Draft, v: string[]) => void): TemplateResult {
    const lang = this.locale;
    return field({ id, label: t(lang, 'ga.j.articles'), hint: t(lang, 'ga.j.articles.hint'), error: this.errorOf(id) }, (a) =>
      html`<input id=${a.id} type="text" .value=${value.join(', ')} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @change=${(e: Event) => this.set((d) => put(d, slugs((e.target as HTMLInputElement).value)))} />`);
  }

  protected override render(): unknown {
    const lang = this.locale;
    const d = this.draft!;
    const faults = d.kind === 'smart' ? smartTreeFaults({ start: d.start, nodes: d.nodes } as SmartTree) : [];
    return html`${this.actionErrorRegion()}
      <button type="button" class="ngo-secondary" @click=${() => this.onDone(this.journey?.id ?? null)}>${t(lang, 'ga.back')}</button>
      <h4 id="journey-editor-heading" tabindex="-1">${this.journey ? t(lang, 'ga.j.editing', { title: journeyTitle(this.journey, lang) }) : t(lang, d.kind === 'steps' ? 'ga.j.newSteps' : 'ga.j.newSmart')}</h4>
      ${errorSummary(t(lang, 'ga.summary.heading', { count: this.issues.length }), this.issues, 5)}
      <form novalidate class="journey-editor" @submit=${(e: SubmitEvent) => this.save(e, faults)}>
        ${field({ id: 'j-slug', label: t(lang, 'ga.f.slug'), hint: t(lang, 'ga.f.slug.hint'), error: this.errorOf('j-slug') }, (a) =>
          html`<input id=${a.id} type="text" maxlength=${L.slug} .value=${d.slug} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${(e: Event) => this.set((x) => (x.slug = (e.target as HTMLInputElement).value.trim()))} />`)}
        <fieldset class="ngo-field langs"><legend class="ngo-label">${t(lang, 'ga.f.lang')}</legend>
          <div class="row">${LANGS.map((k) => html`<button type="button" id="jlang-${k}" class="ngo-secondary" aria-pressed=${k === this.editing ? 'true' : 'false'} @click=${() => (this.editing = k)}>${t(lang, `ga.lang.${k}`)}</button>`)}</div>
        </fieldset>
        ${this.text('j-title', t(lang, 'ga.f.title'), d.title, this.setText((x) => x.title, (x, v) => (x.title = v)))}
        ${this.text('j-summary', t(lang, 'ga.f.summary'), d.summary, this.setText((x) => x.summary, (x, v) => (x.summary = v)), { area: true })}
        ${d.kind === 'steps' ? this.renderSteps(lang, d) : this.renderTree(lang, d, faults)}
        <div class="row actions">
          <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'ga.save')}</button>
          <button type="button" class="ngo-secondary" id="journey-preview" aria-disabled=${this.disabled} @click=${() => this.runPreview(faults)}>${t(lang, 'ga.j.preview')}</button>
          <button type="button" class="ngo-secondary" @click=${() => this.onDone(this.journey?.id ?? null)}>${t(lang, 'ga.cancel')}</button>
        </div>
      </form>
      ${this.preview ? this.renderPreview(lang, this.preview) : nothing}`;
  }

  private renderSteps(lang: Lang, d: Draft): TemplateResult {
    return html`${d.steps.map((s, i) => html`<fieldset class="box step-edit"><legend>${t(lang, 'ga.j.step', { n: i + 1 })}</legend>
        ${this.text(`s${i}-title`, t(lang, 'ga.f.title'), s.title, this.setText((x) => x.steps[i]!.title, (x, v) => (x.steps[i]!.title = v)))}
        ${this.text(`s${i}-text`, t(lang, 'ga.j.text'), s.text, this.setText((x) => x.steps[i]!.text, (x, v) => (x.steps[i]!.text = v)), { area: true })}
        ${this.text(`s${i}-deadline`, t(lang, 'ga.j.deadline'), s.deadline, this.setText((x) => x.steps[i]!.deadline, (x, v) => (x.steps[i]!.deadline = v)), { hint: t(lang, 'ga.j.deadline.hint') })}
        ${this.articles(`s${i}-articles`, s.articles, (x, v) => (x.steps[i]!.articles = v))}
        <div class="row">
          ${i > 0 ? html`<button type="button" class="link" @click=${() => this.set((x) => x.steps.splice(i - 1, 0, ...x.steps.splice(i, 1)))}>${t(lang, 'ga.j.step.up', { n: i + 1 })}</button>` : nothing}
          ${d.steps.length > 1 ? html`<button type="button" class="link danger" @click=${() => (this.set((x) => x.steps.splice(i, 1)), this.focusAfter('#step-add'))}>${t(lang, 'ga.j.step.remove', { n: i + 1 })}</button>` : nothing}
        </div>
      </fieldset>`)}
      <button type="button" class="ngo-secondary" id="step-add" @click=${() => (this.set((x) => x.steps.push({ title: txt(), text: txt(), articles: [] })), this.focusAfter(`#s${d.steps.length}-title`))}>${t(lang, 'ga.j.step.add')}</button>`;
  }

  private renderTree(lang: Lang, d: Draft, faults: TreeFault[]): TemplateResult {
    const ids = Object.keys(d.nodes);
    const name = (id: string) => {
      const n = d.nodes[id];
      return n ? `${id}: ${(n.kind === 'question' ? n.text : n.title)[lang] || (n.kind === 'question' ? n.text : n.title).pl || '…'}` : id;
    };
    const pick = (id: string, label: string, value: string, put: (x: Draft, v: string) => void, o: { none?: string } = {}) =>
      field({ id, label, error: this.errorOf(id) }, (a) => html`<select id=${a.id} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @change=${(e: Event) => this.set((x) => put(x, (e.target as HTMLSelectElement).value))}>
        ${o.none !== undefined ? html`<option value="" ?selected=${!value}>${o.none}</option>` : nothing}
        ${(o.none !== undefined ? this.journeys.filter((j) => j.slug !== d.slug).map((j) => j.slug) : ids).map((v) => html`<option value=${v} ?selected=${v === value}>${o.none !== undefined ? v : name(v)}</option>`)}
        ${value && !(o.none !== undefined ? this.journeys.some((j) => j.slug === value) : ids.includes(value)) ? html`<option value=${value} selected>${t(lang, 'ga.j.missing', { id: value })}</option>` : nothing}
      </select>`);
    return html`<section class="box tree-check" aria-labelledby="tree-check-title">
        <p id="tree-check-title" class="ngo-label">${t(lang, 'ga.j.check')}</p>
        ${faults.length ? html`<ul class="faults">${faults.map((f) => html`<li>${this.faultText(lang, f)}</li>`)}</ul>` : html`<p>${t(lang, 'ga.j.sound')}</p>`}
      </section>
      ${pick('j-start', t(lang, 'ga.j.start'), d.start, (x, v) => (x.start = v))}
      ${ids.map((id) => {
        const n = d.nodes[id]!;
        const p = `n-${id}`;
        return html`<fieldset class="box node ${n.kind}" data-node=${id}><legend>${t(lang, n.kind === 'question' ? 'ga.j.question' : 'ga.j.outcome', { id })}</legend>
          ${n.kind === 'question'
            ? html`${this.text(`${p}-text`, t(lang, 'ga.j.q.text'), n.text, this.setText((x) => (x.nodes[id] as Question).text, (x, v) => ((x.nodes[id] as Question).text = v)))}
              ${this.text(`${p}-hint`, t(lang, 'ga.j.q.hint'), n.hint, this.setText((x) => (x.nodes[id] as Question).hint, (x, v) => ((x.nodes[id] as Question).hint = v)))}
              ${n.answers.map((a, k) => html`<div class="row answer-edit">
                ${this.text(`${p}-a${k}-label`, t(lang, 'ga.j.a.label', { n: k + 1 }), a.label, this.setText((x) => (x.nodes[id] as Question).answers[k]!.label, (x, v) => ((x.nodes[id] as Question).answers[k]!.label = v)))}
                ${pick(`${p}-a${k}-next`, t(lang, 'ga.j.a.next', { n: k + 1 }), a.next, (x, v) => ((x.nodes[id] as Question).answers[k]!.next = v))}
                <button type="button" class="link danger" @click=${() => (this.set((x) => (x.nodes[id] as Question).answers.splice(k, 1)), this.focusAfter(`#${p}-add`))}>${t(lang, 'ga.j.a.remove', { n: k + 1 })}</button>
              </div>`)}
              ${n.answers.length < L.answers ? html`<button type="button" class="ngo-secondary" id="${p}-add" @click=${() => (this.set((x) => (x.nodes[id] as Question).answers.push({ label: txt(), next: ids.find((o) => o !== id) ?? id })), this.focusAfter(`#${p}-a${n.answers.length}-label`))}>${t(lang, 'ga.j.a.add')}</button>` : nothing}`
            : html`${this.text(`${p}-title`, t(lang, 'ga.f.title'), n.title, this.setText((x) => (x.nodes[id] as Outcome).title, (x, v) => ((x.nodes[id] as Outcome).title = v)))}
              ${this.text(`${p}-text`, t(lang, 'ga.j.text'), n.text, this.setText((x) => (x.nodes[id] as Outcome).text, (x, v) => ((x.nodes[id] as Outcome).text = v)), { area: true })}
              ${this.articles(`${p}-articles`, n.articles, (x, v) => ((x.nodes[id] as Outcome).articles = v))}
              ${pick(`${p}-journey`, t(lang, 'ga.j.o.journey'), n.journey ?? '', (x, v) => ((x.nodes[id] as Outcome).journey = v || null), { none: t(lang, 'ga.j.o.none') })}`}
          <button type="button" class="link danger" @click=${() => (this.set((x) => delete x.nodes[id]), this.focusAfter('#node-add-question'))}>${t(lang, 'ga.j.node.remove', { id })}</button>
        </fieldset>`;
      })}
      <div class="row">
        <button type="button" class="ngo-secondary" id="node-add-question" @click=${() => this.addNode('question')}>${t(lang, 'ga.j.add.question')}</button>
        <button type="button" class="ngo-secondary" id="node-add-outcome" @click=${() => this.addNode('outcome')}>${t(lang, 'ga.j.add.outcome')}</button>
      </div>`;
  }

  private addNode(kind: 'question' | 'outcome'): void {
    let n = 1;
    while (this.draft!.nodes[`${kind}-${n}`]) n++;
    const id = `${kind}-${n}`;
    this.set((x) => (x.nodes[id] = kind === 'question' ? { kind, text: txt(), answers: [] } : outcome()));
    void this.focusAfter(`#n-${id}-${kind === 'question' ? 'text' : 'title'}`);
  }

  private faultText(lang: Lang, f: TreeFault): string {
    const route = f.route.join(' → ');
    const node = f.path.split('.')[1] ?? '';
    return f.code === 'cycle' ? t(lang, 'ga.j.fault.cycle', { route }) : f.code === 'no_answers' ? t(lang, 'ga.j.fault.no_answers', { node, route })
      : f.code === 'unreachable' ? t(lang, 'ga.j.fault.unreachable', { node }) : t(lang, 'ga.j.fault.missing_node', { node: f.route.at(-1) ?? node, route });
  }

  /** The draft checked as the server will (Polish texts, the tree), messages in the panel's language. */
  private validate(d: Draft, faults: TreeFault[]): Issue[] {
    const lang = this.locale;
    const issues: Issue[] = [];
    const req = (id: string, x: Text | undefined) => !x?.pl.trim() && issues.push({ id, message: t(lang, 'ga.j.err.pl') });
    if (d.slug.length < 2 || !GUIDE_SLUG_RE.test(d.slug)) issues.push({ id: 'j-slug', message: t(lang, 'ga.err.slug') });
    req('j-title', d.title);
    req('j-summary', d.summary);
    if (d.kind === 'steps') d.steps.forEach((s, i) => (req(`s${i}-title`, s.title), req(`s${i}-text`, s.text)));
    else {
      for (const [id, n] of Object.entries(d.nodes)) {
        if (n.kind === 'question') (req(`n-${id}-text`, n.text), n.answers.forEach((a, k) => req(`n-${id}-a${k}-label`, a.label)));
        else (req(`n-${id}-title`, n.title), req(`n-${id}-text`, n.text));
      }
      for (const f of faults) issues.push({ id: controlOf(f.path, d), message: this.faultText(lang, f) });
    }
    return issues;
  }

  private async showIssues(issues: Issue[]): Promise<void> {
    this.issues = issues;
    // A Polish text is missing: show the Polish fields.
    if (issues.some((i) => i.message === t(this.locale, 'ga.j.err.pl'))) this.editing = 'pl';
    await this.focusAfter('.ngo-error-summary');
  }

  private serverIssues(err: { code: string; issues: { path: string; message: string }[] }): Issue[] {
    const lang = this.locale;
    if (err.code === 'slug_taken') return [{ id: 'j-slug', message: t(lang, 'ga.err.slugTaken') }];
    return err.issues.map((i) => ({ id: controlOf(i.path, this.draft!), message: /unknown|No (other )?(article|journey)/.test(i.message) ? t(lang, 'ga.j.err.link', { detail: i.message }) : `${t(lang, 'ga.err.invalid')} (${i.message})` }));
  }

  private async runPreview(faults: TreeFault[]): Promise<void> {
    const d = this.draft!;
    const issues = this.validate(d, faults).filter((i) => i.id !== 'j-slug');
    if (issues.length) return this.showIssues(issues);
    this.issues = [];
    let view: GuideJourneyView | null = null;
    const err = await this.send(async () => (view = await previewJourney(this.api, this.session, d.slug, contentOf(d), this.editing)), { quiet: true });
    if (err) return err.code === 'validation_failed' && err.issues.length ? this.showIssues(this.serverIssues(err)) : this.showError(err);
    this.preview = view;
    const v = view as GuideJourneyView | null;
    this.walk = v?.kind === 'smart' ? [v.start] : [];
    this.announce(t(this.locale, 'ga.preview.ready'));
    await this.focusAfter('#journey-preview-heading');
  }

  private renderPreview(lang: Lang, v: GuideJourneyView): TemplateResult {
    const here = v.kind === 'smart' ? v.nodes[this.walk.at(-1)!] : undefined;
    return html`<section class="box preview" aria-labelledby="journey-preview-heading">
      <h5 id="journey-preview-heading" tabindex="-1">${t(lang, 'ga.j.preview.heading')}</h5>
      <p class="preview-title" lang=${v.title.lang}>${v.title.text}</p>
      <p lang=${v.summary.lang}>${v.summary.text}</p>
      ${v.kind === 'steps'
        ? html`<ol>${v.steps.map((s) => html`<li><strong lang=${s.title.lang}>${s.title.text}</strong><br /><span lang=${s.text.lang}>${s.text.text}</span>
            ${s.deadline ? html`<br /><span lang=${s.deadline.lang}>${t(lang, 'ga.j.deadline')}: ${s.deadline.text}</span>` : nothing}
            ${s.articles.length ? html`<ul>${s.articles.map((a) => html`<li lang=${a.lang}>${a.title}</li>`)}</ul>` : nothing}</li>`)}</ol>`
        : here?.kind === 'question'
          ? html`<p><strong lang=${here.text.lang}>${here.text.text}</strong></p>${here.hint ? html`<p class="muted" lang=${here.hint.lang}>${here.hint.text}</p>` : nothing}
            <div class="row">${here.answers.map((a) => html`<button type="button" class="ngo-secondary answer" lang=${a.label.lang} @click=${() => ((this.walk = [...this.walk, a.next]), this.focusAfter('#journey-preview-heading'))}>${a.label.text}</button>`)}</div>`
          : here
            ? html`<p><strong>${t(lang, 'ga.j.preview.outcome')}: <span lang=${here.title.lang}>${here.title.text}</span></strong></p><p lang=${here.text.lang}>${here.text.text}</p>
              ${here.articles.length ? html`<ul>${here.articles.map((a) => html`<li lang=${a.lang}>${a.title}</li>`)}</ul>` : nothing}
              ${here.journey ? html`<p lang=${here.journey.lang}>${here.journey.title}</p>` : nothing}`
            : nothing}
      ${v.kind === 'smart' && this.walk.length > 1 ? html`<button type="button" class="link" id="preview-restart" @click=${() => ((this.walk = [v.start]), this.focusAfter('#journey-preview-heading'))}>${t(lang, 'ga.j.preview.restart')}</button>` : nothing}
    </section>`;
  }

  private async save(e: SubmitEvent, faults: TreeFault[]): Promise<void> {
    e.preventDefault();
    const d = this.draft!;
    const issues = this.validate(d, faults);
    if (issues.length) return this.showIssues(issues);
    this.issues = [];
    const input = { slug: d.slug, position: this.journey?.position ?? 0, tags: this.journey?.tags ?? [], content: contentOf(d) };
    let id = this.journey?.id ?? null;
    const err = await this.send(async () => {
      if (id) await saveJourney(this.api, this.session, id, input);
      else id = (await createJourney(this.api, this.session, input)).id;
    }, { quiet: true });
    if (err) return err.code === 'validation_failed' || err.code === 'slug_taken' ? this.showIssues(this.serverIssues(err)) : this.showError(err);
    this.onDone(id, t(this.locale, 'ga.j.saved', { title: d.title.pl }));
  }
}
