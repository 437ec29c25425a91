import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// unsafeHTML shows the preview, whose HTML the API makes with the readers' renderer: renderMarkdown
// in api/guide/guide.rules.ts (markdown-it with html off, then the sanitize-html allow-list), the
// same sink and the same guarantee as the article body in guide.article.ts.
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { GUIDE_LIMITS as L, GUIDE_SLUG_RE } from '../../common/guide.js';
import { LANGS } from '../../common/langs.js';
import { asApiError } from '../core/api.js';
import { errorSummary, field } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { createArticle, getArticle, listChapters, preview, saveDraft, type ArticleContent, type StaffArticle } from './guide.admin.api.js';
import { titleOf } from './guide.admin.article.js';
import type { GuideNav } from './guide.admin.element.js';
import { tGuideAdmin as t } from './guide.admin.i18n.js';

type TextField = 'title' | 'summary' | 'body' | 'easy';
type Texts = Record<TextField, string>;
interface Draft {
  slug: string;
  chapterId: string;
  note: string;
  texts: Record<Lang, Texts>;
}
interface Issue {
  /** The control's id: `slug`, `chapter`, `pl-title`, … */
  id: string;
  message: string;
}

const FIELDS: readonly TextField[] = ['title', 'summary', 'body', 'easy'];
const MAX: Record<TextField, number> = { title: L.title, summary: L.summary, body: L.body, easy: L.body };
const empty = (): Texts => ({ title: '', summary: '', body: '', easy: '' });
const filled = (x: Texts) => FIELDS.some((f) => x[f].trim() !== '');
/** Links in the preview go nowhere: a click would leave the panel and the unsaved draft. */
const inert = (e: Event) => (e.target as Element).closest('a') && e.preventDefault();
/** How long typing pauses before the preview refreshes. */
const PREVIEW_DELAY_MS = 600;

/** The draft to edit: the article's draft, else the version in force (or the newest), as a new draft. */
function draftOf(a: StaffArticle): Draft {
  const v = a.versions.find((x) => x.state === 'draft') ?? a.versions.find((x) => x.state === 'in_force') ?? a.versions.at(-1);
  const texts = Object.fromEntries(LANGS.map((l) => [l, { ...empty(), ...(v?.content[l] ?? {}) }])) as Record<Lang, Texts>;
  for (const l of LANGS) texts[l].easy ??= '';
  return { slug: a.slug, chapterId: a.chapterId, note: v?.state === 'draft' ? (v.note ?? '') : '', texts };
}

/** The content as the API takes it: Polish always, a translation only when it has text. */
function contentOf(d: Draft): ArticleContent {
  const pick = (x: Texts) => ({ title: x.title.trim(), summary: x.summary.trim(), body: x.body, ...(x.easy.trim() ? { easy: x.easy } : {}) });
  return { pl: pick(d.texts.pl), ...(filled(d.texts.en) ? { en: pick(d.texts.en) } : {}), ...(filled(d.texts.uk) ? { uk: pick(d.texts.uk) } : {}) };
}

/**
 * Part "editor" of the guide section: a new article (address, chapter) or an article's draft, in
 * Polish with optional English and Ukrainian, with a live preview the API renders and sanitises as
 * for readers; errors in a summary and next to each field, the server's too.
 *
 * @tag ngo-admin-guide-editor
 */
export class NgoAdminGuideEditor extends StaffPart {
  static override properties: PropertyDeclarations = {
    ...StaffPart.properties,
    articleId: { attribute: false },
    nav: { attribute: false },
    draft: { state: true },
    editing: { state: true },
    issues: { state: true },
    previewHtml: { state: true },
    dirty: { state: true },
  };
  protected override tr = t;
  /** The article whose draft is edited; null for a new article. */
  declare articleId: string | null;
  declare nav: GuideNav | null;
  declare private draft: Draft | null;
  declare private editing: Lang;
  declare private issues: Issue[];
  declare private previewHtml: string | null;
  declare private dirty: boolean;
  private heading = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private previewAbort: AbortController | undefined;

  constructor() {
    super();
    this.articleId = null;
    this.nav = null;
    this.draft = null;
    this.editing = 'pl';
    this.issues = [];
    this.previewHtml = null;
    this.dirty = false;
  }

  private chapters = new Task(this, { args: () => [this.api] as const, task: ([base], { signal }) => this.guard(listChapters(base, signal)).then((r) => r.items) });
  private stored = new Task(this, {
    args: () => [this.api, this.articleId] as const,
    task: ([base, id], { signal }) => (id ? this.guard(getArticle(base, id, signal)) : Promise.resolve(null)),
    onComplete: (a) => {
      if (this.draft) return;
      this.draft = a ? draftOf(a) : { slug: '', chapterId: '', note: '', texts: { pl: empty(), en: empty(), uk: empty() } };
      this.heading = a ? titleOf(a) : '';
      this.refreshPreview(0);
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.previewAbort?.abort();
  }

  protected override render(): unknown {
    const lang = this.locale;
    const back = () => (this.articleId ? this.nav?.article(this.articleId) : this.nav?.list());
    return html`${this.actionErrorRegion()}
      <button type="button" class="ngo-secondary" @click=${back}>${t(lang, 'ga.back')}</button>
      <h4 id="editor-heading" tabindex="-1">${this.articleId ? t(lang, 'ga.editor.edit', { title: this.heading }) : t(lang, 'ga.editor.new')}</h4>
      ${this.draft ? this.renderForm(lang, this.draft, back) : this.renderTask(this.stored, { complete: () => nothing })}`;
  }

  private errorOf(id: string): string | undefined {
    return this.issues.find((i) => i.id === id)?.message;
  }

  private input(id: string, label: string, value: string, onInput: (v: string) => void, o: { hint?: string; required?: boolean; max?: number; area?: number } = {}) {
    const lang = this.locale;
    const handler = (e: Event) => ((this.dirty = true), onInput((e.target as HTMLInputElement).value));
    return field({ id, label, hint: o.hint, error: this.errorOf(id), requiredMarker: o.required ? t(lang, 'field.required_marker') : undefined }, (a) =>
      o.area
        ? html`<textarea id=${a.id} name=${id} rows=${o.area} maxlength=${ifDefined(o.max)} ?required=${o.required} .value=${value} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${handler}></textarea>`
        : html`<input id=${a.id} name=${id} type="text" maxlength=${ifDefined(o.max)} ?required=${o.required} .value=${value} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${handler} />`);
  }

  private setText(l: Lang, f: TextField, v: string): void {
    const d = this.draft!;
    this.draft = { ...d, texts: { ...d.texts, [l]: { ...d.texts[l], [f]: v } } };
    if (f === 'body' || f === 'title') this.refreshPreview(PREVIEW_DELAY_MS);
  }

  private renderForm(lang: Lang, d: Draft, back: () => void): TemplateResult {
    const l = this.editing;
    const x = d.texts[l];
    const req = l === 'pl';
    return html`<p class="muted">${t(lang, 'ga.editor.intro')}</p>
      ${errorSummary(t(lang, 'ga.summary.heading', { count: this.issues.length }), this.issues.map((i) => ({ id: i.id, message: i.message })))}
      <form novalidate class="guide-editor" @submit=${this.onSave}>
        ${this.articleId ? nothing : this.renderPlace(lang, d)}
        <fieldset class="ngo-field langs">
          <legend class="ngo-label">${t(lang, 'ga.f.lang')}</legend>
          <div class="row">${LANGS.map((k) => html`<button type="button" id="lang-${k}" class="ngo-secondary" aria-pressed=${k === l ? 'true' : 'false'} @click=${() => this.switchLang(k)}>
            ${filled(d.texts[k]) && k !== 'pl' ? t(lang, 'ga.lang.filled', { lang: t(lang, `ga.lang.${k}`) }) : t(lang, `ga.lang.${k}`)}</button>`)}</div>
        </fieldset>
        <div class="editor-grid" lang=${l}>
          <div class="editor-fields">
            ${this.input(`${l}-title`, t(lang, 'ga.f.title'), x.title, (v) => this.setText(l, 'title', v), { required: req, max: L.title })}
            ${this.input(`${l}-summary`, t(lang, 'ga.f.summary'), x.summary, (v) => this.setText(l, 'summary', v), { required: req, max: L.summary, area: 2, hint: t(lang, 'ga.f.summary.hint') })}
            ${this.input(`${l}-body`, t(lang, 'ga.f.body'), x.body, (v) => this.setText(l, 'body', v), { max: L.body, area: 14, hint: t(lang, 'ga.f.body.hint') })}
            ${this.input(`${l}-easy`, t(lang, 'ga.f.easy'), x.easy, (v) => this.setText(l, 'easy', v), { max: L.body, area: 5 })}
          </div>
          <section class="box preview" aria-labelledby="preview-heading">
            <p id="preview-heading" class="ngo-label">${t(lang, 'ga.preview.heading')}</p>
            <p class="muted" lang=${lang}>${t(lang, 'ga.preview.hint')}</p>
            <button type="button" class="ngo-secondary" id="preview-refresh" lang=${lang} @click=${() => this.refreshPreview(0, true)}>${t(lang, 'ga.preview.refresh')}</button>
            <p class="preview-title">${x.title}</p>
            <div class="body" id="preview-body" @click=${inert}>${this.previewHtml === null ? nothing : this.previewHtml ? unsafeHTML(this.previewHtml) : html`<p class="empty" lang=${lang}>${t(lang, 'ga.preview.empty')}</p>`}</div>
          </section>
        </div>
        ${this.input('note', t(lang, 'ga.f.note'), d.note, (v) => (this.draft = { ...this.draft!, note: v }), { max: L.note, hint: t(lang, 'ga.f.note.hint') })}
        <div class="row actions">
          <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'ga.save')}</button>
          <button type="button" class="ngo-secondary" @click=${back}>${t(lang, 'ga.cancel')}</button>
          ${this.dirty ? html`<span class="muted">${t(lang, 'ga.unsaved')}</span>` : nothing}
        </div>
      </form>`;
  }

  private renderPlace(lang: Lang, d: Draft): TemplateResult {
    return html`<div class="row">
      ${this.input('slug', t(lang, 'ga.f.slug'), d.slug, (v) => (this.draft = { ...this.draft!, slug: v.trim() }), { required: true, max: L.slug, hint: t(lang, 'ga.f.slug.hint') })}
      ${this.renderTask(this.chapters, {
        complete: (chapters) => field({ id: 'chapter', label: t(lang, 'ga.f.chapter'), error: this.errorOf('chapter'), requiredMarker: t(lang, 'field.required_marker') }, (a) =>
          html`<select id=${a.id} name="chapter" required aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @change=${(e: Event) => (this.draft = { ...this.draft!, chapterId: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!d.chapterId}></option>
            ${chapters.map((c) => html`<option value=${c.id} ?selected=${c.id === d.chapterId}>${c.title[lang] ?? c.title.pl}</option>`)}
          </select>`),
      })}
    </div>`;
  }

  private switchLang(l: Lang): void {
    this.editing = l;
    this.refreshPreview(0);
  }

  /** Renders the Markdown of the language edited through the API after `delay`; a newer request cancels an older one. */
  private refreshPreview(delay: number, announce = false): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runPreview(announce), delay);
  }

  private async runPreview(announce: boolean): Promise<void> {
    const body = this.draft?.texts[this.editing].body ?? '';
    this.previewAbort?.abort();
    if (!body.trim()) return void (this.previewHtml = '');
    const abort = (this.previewAbort = new AbortController());
    try {
      this.previewHtml = (await this.guard(preview(this.api, this.session, body, this.editing, abort.signal))).html;
      if (announce) this.announce(t(this.locale, 'ga.preview.ready'));
    } catch (err) {
      if (!abort.signal.aborted) this.showError(asApiError(err));
    }
  }

  /** Checks the draft as the server will; messages in the panel's language. */
  private validate(d: Draft): Issue[] {
    const lang = this.locale;
    const issues: Issue[] = [];
    const len = (id: string, v: string, min: number, max: number, required: boolean) => {
      const s = v.trim();
      if (!s) return required && issues.push({ id, message: t(lang, 'ga.err.required') });
      if (s.length < min) issues.push({ id, message: t(lang, 'ga.err.tooShort', { count: min }) });
      else if (v.length > max) issues.push({ id, message: t(lang, 'ga.err.tooLong', { count: max }) });
    };
    if (!this.articleId) {
      if (!d.slug) issues.push({ id: 'slug', message: t(lang, 'ga.err.required') });
      else if (d.slug.length < 2 || d.slug.length > L.slug || !GUIDE_SLUG_RE.test(d.slug)) issues.push({ id: 'slug', message: t(lang, 'ga.err.slug') });
      if (!d.chapterId) issues.push({ id: 'chapter', message: t(lang, 'ga.err.required') });
    }
    for (const l of LANGS) {
      const x = d.texts[l];
      if (l !== 'pl' && !filled(x)) continue;
      const partial = l !== 'pl' ? t(lang, 'ga.err.partial', { lang: t(lang, `ga.lang.${l}`) }) : '';
      const before = issues.length;
      len(`${l}-title`, x.title, 2, L.title, true);
      len(`${l}-summary`, x.summary, 2, L.summary, true);
      if (partial) for (const i of issues.slice(before)) if (i.message === t(lang, 'ga.err.required')) i.message = partial;
      for (const f of ['body', 'easy'] as const) if (x[f].length > MAX[f]) issues.push({ id: `${l}-${f}`, message: t(lang, 'ga.err.tooLong', { count: MAX[f] }) });
    }
    return issues;
  }

  /** The server's issues at their fields: `content.en.title` → `en-title`, `chapterId` → `chapter`. */
  private serverIssues(issues: { path: string; message: string }[]): Issue[] {
    const lang = this.locale;
    return issues.map((i) => {
      const m = /^content\.(pl|en|uk)\.(title|summary|body|easy)$/.exec(i.path);
      const id = m ? `${m[1]}-${m[2]}` : i.path === 'chapterId' ? 'chapter' : i.path === 'slug' || i.path === 'note' ? i.path : '';
      return id ? { id, message: t(lang, 'ga.err.invalid') + ` (${i.message})` } : { id: `${this.editing}-title`, message: `${i.path}: ${i.message}` };
    });
  }

  private async showIssues(issues: Issue[]): Promise<void> {
    this.issues = issues;
    // A field of another language is not on screen: open its language first.
    const other = /^(pl|en|uk)-/.exec(issues.find((i) => /^(pl|en|uk)-/.test(i.id))?.id ?? '');
    if (other && !issues.some((i) => i.id.startsWith(`${this.editing}-`) || i.id === 'slug' || i.id === 'chapter')) this.editing = other[1] as Lang;
    await this.focusAfter('.ngo-error-summary');
  }

  private async onSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const lang = this.locale;
    const d = this.draft!;
    const issues = this.validate(d);
    if (issues.length) return this.showIssues(issues);
    this.issues = [];
    let id = this.articleId;
    const content = contentOf(d);
    const err = await this.send(async () => {
      if (id) await saveDraft(this.api, this.session, id, content, d.note);
      else id = (await createArticle(this.api, this.session, { slug: d.slug, chapterId: d.chapterId, content })).id;
    }, { quiet: true });
    if (err) {
      if (err.code === 'slug_taken') return this.showIssues([{ id: 'slug', message: t(lang, 'ga.err.slugTaken') }]);
      if (err.code === 'validation_failed' && err.issues.length) return this.showIssues(this.serverIssues(err.issues));
      return this.showError(err);
    }
    this.dirty = false;
    const title = content.pl.title;
    this.nav?.article(id!, t(lang, this.articleId ? 'ga.saved' : 'ga.created', { title }));
  }
}

