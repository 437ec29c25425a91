import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ADMIN_SECTIONS, isAdminSection, type ModuleSection } from '../../common/modules.js';
import { tRole } from '../../common/admin.js';
import { ApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { NgoSelectEvent, NgoSignedInEvent, NgoSignedOutEvent } from '../core/events.js';
import { focusErrorSummary, formStyles, statusRegion } from '../core/forms.js';
import { theme } from '../core/theme.js';
import { getSession, signOut, type AdminSession } from './admin.api.js';
import { tAdmin, type AdminKey } from './admin.i18n.js';
import { SignInForm } from './admin.login.js';
import { adminStyles } from './admin.styles.js';
import type { StaffMapSettings } from '../core/staff-section.js';

// The panel's events live in the core event contract (widgets/core/events.ts), re-exported for the panel's users.
export { NgoSelectEvent, NgoSignedInEvent, NgoSignedOutEvent, NgoUnauthorizedEvent } from '../core/events.js';

declare const __NGO_VERSION__: string;

/**
 * What `<ngo-admin>` sets on a section element before showing it. The element resolves its
 * language from the panel (the nearest `lang` across shadow roots).
 */
export interface AdminSectionElement extends HTMLElement {
  apiBase: string;
  session: AdminSession;
  mapSettings: StaffMapSettings;
  /** The item of the address (`#<section>/<id>`); a section that can show one item opens it (`StaffSection.openItem`). */
  itemId?: string | null;
}

/**
 * Imports the chunk that defines a section (named in the module table), next to the panel's own
 * entry, as the loader imports widgets: `<chunk>?v=<build hash>`. Nothing is fetched when the tag
 * is already defined (a page or a test imported it).
 */
async function loadSection(def: ModuleSection): Promise<void> {
  if (!customElements.get(def.tag)) await import(/* @vite-ignore */ new URL(`${def.chunk}?v=${__NGO_VERSION__}`, import.meta.url).href);
  await customElements.whenDefined(def.tag);
}

type Phase = 'checking' | 'login' | 'password' | 'panel';

/** The mailed set-password link's fragment: `#password/<token>`. */
const PASSWORD_HASH = /^#password\/([\w-]{16,128})$/;
/** A staff mail's link to an item: `#<section>/<id>` (or just `#<section>`). */
/** The start screen: the first entry of the navigation for every role, from the panel's own sections chunk. */
const START = 'start';
const START_DEF: ModuleSection = { ...ADMIN_SECTIONS.staff, tag: 'ngo-admin-start' };
const ITEM_HASH = /^#([a-z][\w-]*)(?:\/([\w-]{1,128}))?$/;

/**
 * The staff panel: sign-in (admins also type the 6-digit code, in the same step), then the sections the staff member's
 * role reaches. It talks to the API on the same origin with the session cookie and sends the CSRF
 * token on every unsafe request. Its sections are the ones the session lists; each is an element
 * named, with its chunk, in the module table (`common/modules.ts`), imported the first time it opens.
 *
 * @tag ngo-admin
 *
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 * @attr api-base - Origin of the API; it must be the page's own origin (staff routes are same-origin only).
 * @attr map-tiles - Tile URL template of the maps where staff pick a point (an entry's position, an event's venue); default OpenStreetMap.
 * @attr map-boundaries - URL of a GeoJSON file with district outlines: a point picked there then ticks its district.
 *
 * @fires ngo-signed-in - After a successful sign-in. `detail: { staff }`.
 * @fires ngo-signed-out - After the user signs out.
 * @fires ngo-select - When the user opens a section. `detail: { id, name }`: the section's slug and its label.
 *
 * @csspart base - The panel's root.
 * @csspart login-form - The sign-in form.
 * @csspart field - Each labelled form field.
 * @csspart input - Each text input.
 * @csspart submit-button - The sign-in button.
 * @csspart error-summary - The list of form errors after a failed submit.
 * @csspart status - The polite live region.
 * @csspart nav - The section navigation.
 * @csspart section - The area of the open section.
 * @csspart logout-button - The sign-out button.
 *
 * @cssprop --ngo-admin-max-width - Maximum width of the panel (default `72em`).
 * @cssprop --ngo-font-family - Font of the widget (default: the system UI font).
 * @cssprop --ngo-color-accent - Buttons, links and the current section (default `#0050a0`).
 * @cssprop --ngo-color-danger - Errors (default `#b00020`).
 * @cssprop --ngo-focus-ring - Focus indicator, a `box-shadow` value.
 */
export class NgoAdmin extends NgoElement {
  static override styles = [theme, formStyles, adminStyles];

  static override properties: PropertyDeclarations = {
    mapTiles: { attribute: 'map-tiles' },
    mapBoundaries: { attribute: 'map-boundaries' },
    phase: { state: true, attribute: false },
    session: { state: true, attribute: false },
    current: { state: true, attribute: false },
    status: { state: true, attribute: false },
    sectionEl: { state: true, attribute: false },
    sectionFailed: { state: true, attribute: false },
    passwordEl: { state: true, attribute: false },
    badges: { state: true, attribute: false },
  };

  /** See the `map-tiles` attribute. */
  declare mapTiles: string;
  /** See the `map-boundaries` attribute. */
  declare mapBoundaries: string;
  declare private phase: Phase;
  declare private session: AdminSession | null;
  /** The open section: one the session lists and this build has (a section the server names but no module of this build defines is left out, never shown as a placeholder). */
  declare private current: string | null;
  declare private status: string;
  declare private sectionEl: HTMLElement | null;
  declare private sectionFailed: boolean;
  /** The password screen (forgot / set from a link), from the sections chunk. */
  declare private passwordEl: HTMLElement | null;
  /** Items waiting per section, from the start screen: the navigation's badges. */
  declare private badges: Record<string, number>;
  /** Where a staff mail's link pointed (`#<section>/<id>`): opened after signing in. */
  private deepLink: { section: string; item: string | null } | null = null;

  /** Where focus goes after the next render: a selector inside the shadow root. */
  private focusNext = '';
  private checking?: AbortController;
  private readonly login = new SignInForm(this, {
    api: () => this.api,
    signedIn: (session) => {
      this.enter(session, true);
      this.dispatchEvent(new NgoSignedInEvent(session.staff));
    },
    announce: (message) => (this.status = message),
    focus: (selector) => {
      this.focusNext = selector;
      this.requestUpdate();
    },
  });

  constructor() {
    super();
    this.phase = 'checking';
    this.mapTiles = this.mapBoundaries = '';
    this.session = null;
    this.current = null;
    this.status = '';
    this.sectionEl = null;
    this.sectionFailed = false;
    this.passwordEl = null;
    this.badges = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('ngo-unauthorized', this.onUnauthorized);
    this.addEventListener('ngo-password-done', this.onPasswordDone);
    this.addEventListener('ngo-waiting', this.onWaiting);
    this.addEventListener('ngo-open-section', this.onOpenSection);
    window.addEventListener('hashchange', this.onHashChange);
    const token = PASSWORD_HASH.exec(location.hash)?.[1];
    if (token) {
      // The token leaves the address bar (and the history) at once; it never reached a server.
      history.replaceState(history.state, '', location.pathname + location.search);
      void this.openPassword(token);
      return;
    }
    const item = ITEM_HASH.exec(location.hash);
    if (item) this.deepLink = { section: item[1]!, item: item[2] ?? null };
    void this.checkSession();
  }

  /** Shows "forgot password" (no token) or the set-password form of a mailed link. */
  private async openPassword(token: string): Promise<void> {
    this.checking?.abort();
    this.phase = 'password';
    this.passwordEl = null;
    this.status = '';
    try {
      await loadSection(ADMIN_SECTIONS.staff);
      await customElements.whenDefined('ngo-admin-staff-password');
    } catch (err) {
      console.warn('[ngo] could not load the password form:', err);
      this.phase = 'login';
      this.login.formError = tAdmin(this.locale, 'admin.section_failed');
      return;
    }
    const el = document.createElement('ngo-admin-staff-password') as HTMLElement & { token: string; apiBase: string };
    el.apiBase = this.api;
    el.token = token;
    this.passwordEl = el;
    this.focusNext = '';
    await this.updateComplete;
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    el.shadowRoot?.querySelector<HTMLElement>(token ? '#password-title, [role="status"]' : '#password-title')?.focus();
  }

  private readonly onWaiting = (e: Event) => {
    e.stopPropagation();
    this.badges = (e as CustomEvent<{ totals: Record<string, number> }>).detail.totals;
  };

  private readonly onOpenSection = (e: Event) => {
    e.stopPropagation();
    const section = (e as CustomEvent<{ section: string }>).detail.section;
    if (isAdminSection(section) && this.session?.sections.includes(section)) this.onNav(section);
  };

  /** A link inside the panel to an item (the audit log's, `#<section>/<id>`) opens that section with the item. */
  private readonly onHashChange = () => {
    const link = ITEM_HASH.exec(location.hash);
    if (!link || !this.session?.sections.includes(link[1]!)) return;
    void this.open(link[1]!, link[2] ?? null);
    this.focusNext = '#section-title';
  };

  private readonly onPasswordDone = (e: Event) => {
    e.stopPropagation();
    this.passwordEl = null;
    this.phase = 'login';
    this.status = (e as CustomEvent<{ message: string }>).detail?.message ?? '';
    this.focusNext = this.status ? '#login-title' : '#forgot';
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('ngo-unauthorized', this.onUnauthorized);
    this.removeEventListener('ngo-password-done', this.onPasswordDone);
    this.removeEventListener('ngo-waiting', this.onWaiting);
    this.removeEventListener('ngo-open-section', this.onOpenSection);
    window.removeEventListener('hashchange', this.onHashChange);
    this.checking?.abort();
  }

  private async checkSession(): Promise<void> {
    this.checking?.abort();
    const ctl = (this.checking = new AbortController());
    this.phase = 'checking';
    this.login.formError = '';
    try {
      this.enter(await getSession(this.api, ctl.signal), false);
    } catch (err) {
      if (ctl.signal.aborted) return;
      this.phase = 'login';
      if (err instanceof ApiError && err.status !== 401) this.login.formError = tAdmin.error(this.locale, err);
    }
  }

  private enter(session: AdminSession, announce: boolean): void {
    this.session = session;
    this.phase = 'panel';
    this.login.reset();
    const link = this.deepLink && isAdminSection(this.deepLink.section) && session.sections.includes(this.deepLink.section) ? this.deepLink : null;
    this.deepLink = null;
    const keep = this.current && (this.current === START || session.sections.includes(this.current));
    void this.open(link ? link.section : keep ? this.current! : START, link?.item ?? null);
    if (announce) {
      this.status = tAdmin(this.locale, 'admin.signed_in_as', { name: session.staff.name, role: tRole(this.locale, session.staff.role) });
      this.focusNext = '#panel-title';
    }
  }

  private async open(section: string | null, item: string | null = null): Promise<void> {
    this.current = section;
    this.sectionEl = null;
    this.sectionFailed = false;
    const def = section === START ? START_DEF : section && isAdminSection(section) ? ADMIN_SECTIONS[section] : undefined;
    if (!def || !this.session) return;
    try {
      await loadSection(def);
    } catch (err) {
      console.warn(`[ngo] could not load the admin section ${section}:`, err);
      if (this.current === section) this.sectionFailed = true;
      return;
    }
    if (this.current !== section) return;
    const el = document.createElement(def.tag) as AdminSectionElement;
    el.apiBase = this.api;
    el.session = this.session;
    el.mapSettings = { tiles: this.mapTiles, boundaries: this.mapBoundaries };
    // A section that can show one item (a case, a consultation, an event) opens it; others ignore it.
    if (item) el.itemId = item;
    this.sectionEl = el;
  }

  private onNav(section: string): void {
    if (section === this.current) return;
    void this.open(section);
    this.focusNext = '#section-title';
    this.dispatchEvent(new NgoSelectEvent({ id: section, name: this.sectionLabel(section) }));
  }

  private async onLogout(): Promise<void> {
    const session = this.session;
    if (!session) return;
    try {
      await signOut(this.api, session);
    } catch (err) {
      // 401: the session was already gone, which is what the user wanted.
      if (!(err instanceof ApiError && err.status === 401)) {
        this.status = tAdmin.error(this.locale, err instanceof ApiError ? err : { code: 'network_error' });
        return;
      }
    }
    this.leave(tAdmin(this.locale, 'admin.signed_out'));
    this.dispatchEvent(new NgoSignedOutEvent());
  }

  private readonly onUnauthorized = (e: Event) => {
    e.stopPropagation();
    if (this.phase === 'panel') this.leave(tAdmin(this.locale, 'admin.login.expired'));
  };

  private leave(message: string): void {
    this.session = null;
    this.sectionEl = null;
    this.phase = 'login';
    this.login.reset();
    this.status = message;
    this.focusNext = '#login-title';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.focusNext) return;
    const selector = this.focusNext;
    this.focusNext = '';
    if (selector === '.ngo-error-summary') focusErrorSummary(this.renderRoot);
    else this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  protected override render() {
    const lang = this.locale;
    // Staff routes are same-origin only (no CORS): a panel pointed elsewhere could never sign in.
    if (new URL(this.api, location.href).origin !== location.origin) return this.warnMisconfig(`api-base "${this.api}" is not this page's origin; the staff panel works on its own origin only`);
    return html`<div class="ngo-root" part="base" lang=${lang}>
      ${this.phase === 'panel' && this.session ? this.renderPanel(this.session) : this.renderLogin()}
      ${statusRegion(this.status)}
    </div>`;
  }

  private renderLogin() {
    if (this.phase === 'checking') return html`<p>${tAdmin(this.locale, 'admin.login.checking')}</p>`;
    if (this.phase === 'password') return this.passwordEl ?? html`<p>${tAdmin(this.locale, 'loading')}</p>`;
    return html`${this.login.render()}
      <p><button type="button" id="forgot" class="link" @click=${() => this.openPassword('')}>${tAdmin(this.locale, 'admin.login.forgot')}</button></p>`;
  }

  private renderPanel(session: AdminSession) {
    const lang = this.locale;
    const current = this.current;
    return html`<header>
        <div>
          <h2 id="panel-title" tabindex="-1">${tAdmin(lang, 'admin.title')}</h2>
          <p class="who">${session.staff.name} · ${session.staff.email} · ${tRole(lang, session.staff.role)}</p>
        </div>
        <button type="button" class="ngo-secondary" part="logout-button" @click=${this.onLogout}>${tAdmin(lang, 'admin.logout')}</button>
      </header>
      ${session.sections.length
        ? html`<div class="layout">
            <nav part="nav" aria-label=${tAdmin(lang, 'admin.nav')}>
              <ul>
                ${[START, ...session.sections.filter(isAdminSection)].map(
                  (s) => html`<li><button type="button" data-section=${s} aria-current=${s === current ? 'page' : 'false'} @click=${() => this.onNav(s)}>${this.sectionLabel(s)}${this.badges[s]
                    ? html`<span class="badge" aria-hidden="true">${this.badges[s]}</span><span class="ngo-sr">${tAdmin(lang, 'admin.nav.waiting', { count: this.badges[s] })}</span>`
                    : nothing}</button></li>`,
                )}
              </ul>
            </nav>
            ${current
              ? html`<section class="section" part="section" aria-labelledby="section-title">
                  <h3 id="section-title" tabindex="-1">${this.sectionLabel(current)}</h3>
                  ${this.sectionEl ?? this.renderSectionState(current)}
                </section>`
              : nothing}
          </div>`
        : html`<p>${tAdmin(lang, 'admin.no_sections')}</p>`}`;
  }

  /** A section's name in the panel's language; a name the dictionaries do not know shows as sent. */
  private sectionLabel(section: string): string {
    const key = `admin.section.${section}`;
    return tAdmin.has(this.locale, key) ? tAdmin(this.locale, key as AdminKey) : section;
  }

  /** While a section loads, or when its chunk failed (with a retry). */
  private renderSectionState(section: string) {
    const lang = this.locale;
    if (!this.sectionFailed) return html`<p>${tAdmin(lang, 'loading')}</p>`;
    return html`<p class="ngo-error" role="alert">${tAdmin(lang, 'admin.section_failed')}</p>
      <button type="button" @click=${() => this.open(section)}>${tAdmin(lang, 'retry')}</button>`;
  }
}
