import { Task } from '@lit/task';
import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html } from 'lit';
import { defineOnce } from './define.js';
import { StaffPart, StaffSection } from './staff-section.js';
import { staffRequest } from './staff.api.js';
import { TabsController } from './staff-tabs.js';
import { failure, stubFetch, waitFor, type FetchStub } from './testing.js';

/** A part with one write: it announces through the section that renders it. */
class KitTestPart extends StaffPart {
  async save(): Promise<void> {
    if (await this.send(() => staffRequest(this.api, '/v1/admin/kit/save', this.session, { method: 'POST', body: {} }))) return;
    this.announce('Saved.');
    await this.focusAfter('#nowhere', '#saved-heading');
  }

  protected override render() {
    return html`${this.actionErrorRegion()}<h4 id="saved-heading" tabindex="-1">Part</h4>
      <button type="button" class="save" aria-disabled=${this.disabled} @click=${() => this.save()}>Save</button>`;
  }
}

/** A section with two tabs: a list (a Task) and the part. */
class KitTestSection extends StaffSection {
  readonly tabs = new TabsController(this, { tabs: ['list', 'part', 'last'] as const, onChange: () => this.announce('') });

  private items = new Task(this, {
    args: () => [this.api] as const,
    task: async ([base], { signal }) => (await this.guard(staffRequest<{ items: string[] }>(base, '/v1/admin/kit/items', null, { signal }))).items,
  });

  protected override render() {
    return html`<div class="ngo-root" part="base">
      ${this.tabs.renderTabs('Views', (id) => `Tab ${id}`)} ${this.statusRegion()}
      ${this.tabs.renderPanels((id) =>
        id === 'list'
          ? this.renderTask(this.items, { empty: 'Nothing yet.', complete: (items) => html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` })
          : id === 'part'
            ? html`<ngo-admin-kit-test-part .session=${this.session}></ngo-admin-kit-test-part>`
            : html`<p>Last</p>`,
      )}
    </div>`;
  }
}
defineOnce('ngo-admin-kit-test', KitTestSection);
defineOnce('ngo-admin-kit-test-part', KitTestPart);

const SESSION = { staff: { id: 's1', email: 'a@krakow.pl', name: 'A', role: 'admin' as const, district: null }, csrfToken: 'csrf-kit', sections: [] };
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(route: Parameters<typeof stubFetch>[0]) {
  const api = stubFetch(route);
  const el = await fixture<KitTestSection>(fixtureHtml`<ngo-admin-kit-test lang="en" api-base=${location.origin} .session=${SESSION}></ngo-admin-kit-test>`);
  return { el, api, $: (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel) };
}

describe('staff-section kit', () => {
  let api: FetchStub | undefined;
  afterEach(() => api?.restore());

  it('renders a task as loading, then its value, accessibly', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const m = await mount(async () => (await held, { items: ['one', 'two'] }));
    api = m.api;
    await waitFor(() => m.$('#panel-list .loading'), 'the loading line');
    expect(text(m.$('#panel-list .loading'))).to.equal('Loading…');
    expect(m.$('#panel-list .loading')!.getAttribute('role')).to.equal('status');
    release();
    await waitFor(() => m.$('#panel-list li'), 'the items');
    expect([...m.el.shadowRoot!.querySelectorAll('#panel-list li')].map(text)).to.deep.equal(['one', 'two']);
    expect(m.api.calls[0]!.credentials).to.equal('same-origin');
    await expect(m.el).to.be.accessible();
  });

  it('shows the empty message, and an error with a retry that loads again', async () => {
    let fail = true;
    const m = await mount(() => (fail ? failure(503, 'service_unavailable') : { items: [] }));
    api = m.api;
    const alert = await waitFor(() => m.$('#panel-list [role=alert]'), 'the error');
    expect(text(alert)).to.equal('The service is temporarily unavailable. Try again later.');
    fail = false;
    m.$('#panel-list button.retry')!.click();
    await waitFor(() => m.$('#panel-list p.empty'), 'the empty message');
    expect(text(m.$('#panel-list p.empty'))).to.equal('Nothing yet.');
    expect(m.api.calls.filter((c) => c.pathname === '/v1/admin/kit/items')).to.have.length(2);
  });

  it('fires ngo-unauthorized on a 401, so the panel can ask to sign in again', async () => {
    let fired = 0;
    document.addEventListener('ngo-unauthorized', () => fired++, { once: true });
    const m = await mount(() => failure(401, 'unauthorized'));
    api = m.api;
    await waitFor(() => m.$('#panel-list [role=alert]'), 'the error');
    expect(fired).to.equal(1);
  });

  it('has tabs with a roving tabindex, arrow keys, Home and End', async () => {
    const m = await mount(() => ({ items: [] }));
    api = m.api;
    const tab = (id: string) => m.$(`#tab-${id}`)!;
    expect(tab('list').getAttribute('aria-selected')).to.equal('true');
    expect(tab('list').getAttribute('aria-controls')).to.equal('panel-list');
    expect([tab('list').tabIndex, tab('part').tabIndex, tab('last').tabIndex]).to.deep.equal([0, -1, -1]);
    const key = (k: string) => m.el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    tab('list').focus();
    key('ArrowRight');
    await waitFor(() => m.el.shadowRoot!.activeElement === tab('part'), 'focus on the second tab');
    expect(tab('part').getAttribute('aria-selected')).to.equal('true');
    expect([tab('list').tabIndex, tab('part').tabIndex]).to.deep.equal([-1, 0]);
    expect(m.$('#panel-list')!.hidden).to.equal(true);
    expect(m.$('#panel-part')!.getAttribute('aria-labelledby')).to.equal('tab-part');
    key('End');
    await waitFor(() => m.el.shadowRoot!.activeElement === tab('last'), 'focus on the last tab');
    key('ArrowRight');
    await waitFor(() => m.el.shadowRoot!.activeElement === tab('list'), 'focus wrapping to the first tab');
    key('ArrowLeft');
    await waitFor(() => m.el.shadowRoot!.activeElement === tab('last'), 'focus wrapping to the last tab');
    key('Home');
    await waitFor(() => m.el.shadowRoot!.activeElement === tab('list'), 'focus on the first tab');
    expect(m.el.tabs.selected).to.equal('list');
  });

  it("sends a part's write with the CSRF token, one at a time, and announces it in the section's live region", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const m = await mount(async (call) => (call.method === 'POST' ? (await held, { ok: true }) : { items: [] }));
    api = m.api;
    m.$('#tab-part')!.click();
    const button = await waitFor(() => m.$('#panel-part button.save'), 'the part');
    button.click();
    await waitFor(() => button.getAttribute('aria-disabled') === 'true', 'the busy state');
    expect(text(m.$('.ngo-status'))).to.equal('Sending…');
    button.click(); // ignored while the first write runs
    release();
    await waitFor(() => text(m.$('.ngo-status')) === 'Saved.', 'the announcement');
    expect(m.el.shadowRoot!.querySelectorAll('[role=status]:not(.loading)')).to.have.length(1);
    const writes = m.api.writes();
    expect(writes).to.have.length(1);
    expect(writes[0]!.headers['X-CSRF-Token']).to.equal('csrf-kit');
    await waitFor(() => m.el.shadowRoot!.activeElement?.id === 'saved-heading', 'focus after the action');
    expect(button.getAttribute('aria-disabled')).to.equal('false');
  });

  it('shows a failed write in the action error, focused, and clears the status', async () => {
    const m = await mount((call) => (call.method === 'POST' ? failure(409, 'conflict') : { items: [] }));
    api = m.api;
    m.$('#tab-part')!.click();
    (await waitFor(() => m.$('#panel-part button.save'), 'the part')).click();
    await waitFor(() => m.el.shadowRoot!.activeElement?.id === 'action-error', 'focus on the error');
    expect(text(m.$('#action-error'))).to.equal('The data has changed in the meantime. Reload the page and try again.');
    expect(text(m.$('.ngo-status'))).to.equal('');
    await expect(m.el).to.be.accessible();
  });
});
