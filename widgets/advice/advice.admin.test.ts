import { expect, fixture, html } from '@open-wc/testing';
import { StaffCaseDetail, StaffCaseSummary, StaffTopic, Stats } from '../../common/advice.schema.js';
import type { AdminSession } from '../admin/admin.api.js';
import { failure, json, stubFetch, typed, waitFor, type Call, type FetchStub } from '../core/testing.js';
import './advice.admin.js';
import type { NgoAdminAdvice } from './advice.admin.element.js';

const session: AdminSession = { staff: { id: 'a1', email: 'doradca@krakow.pl', name: 'Ewa Doradczyni', role: 'adviser', district: null }, csrfToken: 'csrf-1', sections: ['advice'] };
const summary = typed(StaffCaseSummary, {
  id: 'c1', number: 'PD/2030/0007', status: 'new', topicId: 'grants', organisationName: 'Fundacja Testowa', organisationKind: 'ngo', contactName: 'Anna Kowalska',
  assignedTo: null, dueAt: '2030-03-10T10:00:00.000Z', overdue: true, createdAt: '2030-03-01T10:00:00.000Z', updatedAt: '2030-03-01T10:00:00.000Z',
});
const detail = (over: Partial<Parameters<typeof typed<typeof StaffCaseDetail>>[1]> = {}) =>
  typed(StaffCaseDetail, {
    ...summary, organisationKrs: null, organisationId: null, district: null, contactEmail: 'anna@example.org', contactPhone: null, channel: 'email', timeWindows: [], question: 'Jak rozliczyć dotację?',
    fields: { programme: 'Małe granty' }, fieldLabels: { programme: { pl: 'Program lub konkurs', en: 'Programme or call', uk: 'Програма або конкурс' } }, lang: 'pl', messages: [{ id: 'n1', author: 'note', body: 'Notatka.', staffName: 'Ewa Doradczyni', createdAt: '2030-03-01T11:00:00.000Z' }],
    attachments: [], booking: null, satisfaction: null, firstResponseAt: null, closedAt: null, ...over,
  });
const stats = typed(Stats, { total: { key: 'total', count: 1, closed: 0, avgFirstResponseHours: null, avgCloseHours: null, avgSatisfaction: null, rated: 0 }, byTopic: [], byMonth: [], byKind: [], byDistrict: [] });

const $ = <E extends Element = HTMLElement>(el: NgoAdminAdvice, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<ngo-admin-advice>', () => {
  let api: FetchStub;
  afterEach(() => api.restore());

  it('lists the queue, opens a case with its notes, takes it and replies, with the CSRF token', async () => {
    let current = detail();
    const writes: Call[] = [];
    api = stubFetch((c) => {
      if (c.pathname === '/v1/admin/advice/cases') return { items: [summary] };
      if (c.pathname === '/v1/admin/advice/cases/c1' && c.method === 'GET') return current;
      if (c.method === 'POST' && c.pathname === '/v1/admin/advice/cases/c1/attachments') {
        writes.push(c);
        return json(201, { id: 'f9', filename: 'odpowiedz.pdf', contentType: 'application/pdf', size: 8, messageId: null, from: 'staff', createdAt: '2030-03-02T10:00:00.000Z' });
      }
      if (c.method === 'POST') {
        writes.push(c);
        if (c.pathname.endsWith('/assign')) current = detail({ status: 'assigned', assignedTo: { id: 'a1', name: 'Ewa Doradczyni' } });
        if (c.pathname.endsWith('/replies')) current = detail({ status: 'answered', assignedTo: { id: 'a1', name: 'Ewa Doradczyni' }, messages: [...current.messages, { id: 'm2', author: 'staff', body: 'Odpowiedź.', staffName: 'Ewa Doradczyni', createdAt: '2030-03-02T10:00:00.000Z' }] });
        return json(c.pathname.endsWith('/replies') ? 201 : 200, { status: current.status });
      }
      if (c.pathname === '/v1/admin/advice/stats') return stats;
      return undefined;
    });
    const el = await fixture<NgoAdminAdvice>(html`<ngo-admin-advice lang="pl" api-base=${location.origin} .session=${session}></ngo-admin-advice>`);
    const row = await waitFor(() => $(el, '[data-id="c1"]'), 'the queue');
    expect(text(row)).to.include('po terminie');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[data-id="c1"] button')!.click();
    await waitFor(() => $(el, '#case-heading'), 'the case');
    expect(text($(el, '.thread'))).to.include('Notatka wewnętrzna');
    $<HTMLButtonElement>(el, '.ngo-part button:not(.link):not(.danger)')!.click();
    await waitFor(() => writes.length === 1 && text($(el, '[role="status"]')).includes('przypisana do Ciebie'), 'the assignment');
    expect(writes[0]!.body).to.deep.equal({ staffId: 'a1' });
    expect(writes[0]!.headers['X-CSRF-Token'] ?? writes[0]!.headers['x-csrf-token']).to.equal('csrf-1');
    const reply = $<HTMLTextAreaElement>(el, '#reply-body')!;
    reply.value = 'Odpowiedź.';
    reply.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    // A file of a type the point does not take is refused beside the field, before any upload.
    const pick = (file: File) => {
      const input = $<HTMLInputElement>(el, '#reply-files')!;
      const dt = new DataTransfer();
      dt.items.add(file);
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    pick(new File(['MZ'], 'program.exe', { type: 'application/octet-stream' }));
    await waitFor(() => text($(el, '#reply-files-error')).includes('program.exe'), 'the file type error');
    expect($(el, '#reply-files')!.getAttribute('aria-invalid')).to.equal('true');
    pick(new File(['%PDF-1.4'], 'odpowiedz.pdf', { type: 'application/pdf' }));
    await waitFor(() => !$(el, '#reply-files-error'), 'the error gone');
    $<HTMLButtonElement>(el, 'form.box button[type="submit"]')!.click();
    await waitFor(() => text($(el, '.thread')).includes('Odpowiedź.'), 'the reply in the thread');
    const upload = writes[1]!;
    expect(upload.path).to.equal('/v1/admin/advice/cases/c1/attachments?name=odpowiedz.pdf');
    expect(upload.headers['Content-Type']).to.equal('application/octet-stream');
    expect(upload.headers['X-CSRF-Token'] ?? upload.headers['x-csrf-token']).to.equal('csrf-1');
    expect(upload.credentials).to.equal('same-origin');
    expect(writes[2]!.body).to.deep.equal({ body: 'Odpowiedź.', status: 'answered', attachmentIds: ['f9'] });
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '#tab-stats')!.click();
    await waitFor(() => $(el, 'a[href$="/v1/admin/advice/export?format=csv"]'), 'the export links');
  });

  it('opens the case the panel\'s address names (a staff mail\'s #advice/<id>), and the cases tab shows the queue again after another tab', async () => {
    api = stubFetch((c) => (c.pathname === '/v1/admin/advice/cases' ? { items: [summary] } : c.pathname === '/v1/admin/advice/cases/c1' ? detail() : c.pathname === '/v1/admin/advice/stats' ? stats : undefined));
    const el = await fixture<NgoAdminAdvice>(html`<ngo-admin-advice lang="pl" api-base=${location.origin} .session=${session} .itemId=${'c1'}></ngo-admin-advice>`);
    const heading = await waitFor(() => $(el, '#case-heading'), 'the linked case');
    expect(text(heading)).to.include('PD/2030/0007');
    expect(api.calls.some((c) => c.pathname === '/v1/admin/advice/cases/c1')).to.equal(true);
    $(el, '#tab-stats')!.click();
    await el.updateComplete;
    $(el, '#tab-cases')!.click();
    await waitFor(() => $(el, '[data-id="c1"]'), 'the queue, not the case');
    expect($(el, '#case-heading')).to.equal(null);
  });

  it('lets an admin edit a topic: rename, retire a stored field, add a choice field, and reorder, with the errors at their fields', async () => {
    const L = (pl: string) => ({ pl, en: `${pl} EN`, uk: `${pl} UK` });
    const topics = [
      typed(StaffTopic, { id: 'law', labels: L('Prawo'), explanation: L('Statut i umowy.'), position: 10, active: true, fields: [{ key: 'legal_form', type: 'text', required: false, labels: L('Forma prawna'), options: [], retired: false }] }),
      typed(StaffTopic, { id: 'grants', labels: L('Dotacje'), explanation: L('Granty i konkursy.'), position: 20, active: true, fields: [] }),
    ];
    const writes: Call[] = [];
    let refuseType = true;
    api = stubFetch((c) => {
      if (c.pathname === '/v1/admin/advice/cases') return { items: [] };
      if (c.pathname === '/v1/admin/advice/topics' && c.method === 'GET') return { items: topics };
      if (c.method === 'PUT') {
        writes.push(c);
        if (c.pathname === '/v1/admin/advice/topics/law' && refuseType) {
          refuseType = false;
          return failure(422, 'validation_failed', { issues: [{ path: 'fields.1.type', code: 'type_changed', message: 'x' }] });
        }
        if (c.pathname === '/v1/admin/advice/topics/order') return { items: [topics[1], topics[0]] };
        return topics[0];
      }
      return undefined;
    });
    const admin: AdminSession = { ...session, staff: { ...session.staff, role: 'admin' } };
    const el = await fixture<NgoAdminAdvice>(html`<ngo-admin-advice lang="pl" api-base=${location.origin} .session=${admin}></ngo-admin-advice>`);
    $<HTMLButtonElement>(el, '#tab-topics')!.click();
    await waitFor(() => $(el, '[data-id="law"] button.edit'), 'the topics');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[data-id="law"] button.edit')!.click();
    await waitFor(() => $(el, '#topic-editor-heading'), 'the editor');
    const type = (sel: string, value: string) => {
      const input = $<HTMLInputElement | HTMLTextAreaElement>(el, sel)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    type('#label-pl', 'Prawo i statut');
    expect($<HTMLInputElement>(el, '#f0-key')!.readOnly, 'a stored key stays').to.equal(true);
    $<HTMLButtonElement>(el, '#f0-remove')!.click();
    await waitFor(() => $(el, '#f0-restore'), 'the stored field retired, not removed');
    $<HTMLButtonElement>(el, '#field-add')!.click();
    await waitFor(() => $(el, '#f1-key'), 'the new field');
    type('#f1-key', 'vat');
    const select = $<HTMLSelectElement>(el, '#f1-type')!;
    select.value = 'select';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    type('#f1-label-pl', 'Status VAT');
    type('#f1-label-en', 'VAT status');
    type('#f1-label-uk', 'Статус ПДВ');
    await waitFor(() => $(el, '#f1-options'), 'the choices');
    type('#f1-options', 'exempt | Zwolniona');
    // Checked in the panel first: the choice line lacks two labels.
    $<HTMLButtonElement>(el, '.topic-editor button[type="submit"]')!.click();
    await waitFor(() => text($(el, '.ngo-error-summary')).includes('Wiersz 1'), 'the summary');
    expect($(el, '#f1-options')!.getAttribute('aria-invalid')).to.equal('true');
    expect(writes).to.have.length(0);
    type('#f1-options', 'exempt | Zwolniona | Exempt | Звільнена\nregistered | Czynny | Registered | Платник');
    // The server's issue lands at its field.
    $<HTMLButtonElement>(el, '.topic-editor button[type="submit"]')!.click();
    await waitFor(() => $(el, '#f1-type')?.getAttribute('aria-invalid') === 'true', "the server's issue at the field");
    expect(text($(el, '#f1-type-error'))).to.include('inny rodzaj');
    $<HTMLButtonElement>(el, '.topic-editor button[type="submit"]')!.click();
    await waitFor(() => text($(el, '[role="status"]')).includes('zapisany'), 'saved');
    const saved = writes[1]!.body as { labels: { pl: string }; fields: { key: string; retired: boolean; options: unknown[] }[] };
    expect(saved.labels.pl).to.equal('Prawo i statut');
    expect(saved.fields.map((f) => [f.key, f.retired])).to.deep.equal([['legal_form', true], ['vat', false]]);
    expect(saved.fields[1]!.options).to.deep.equal([{ value: 'exempt', labels: { pl: 'Zwolniona', en: 'Exempt', uk: 'Звільнена' } }, { value: 'registered', labels: { pl: 'Czynny', en: 'Registered', uk: 'Платник' } }]);
    expect(writes[1]!.headers['X-CSRF-Token'] ?? writes[1]!.headers['x-csrf-token']).to.equal('csrf-1');
    await waitFor(() => el.shadowRoot!.activeElement === $(el, '[data-id="law"] button.edit'), 'focus back on the row');

    $<HTMLButtonElement>(el, '[data-id="grants"] button.up')!.click();
    await waitFor(() => writes.length === 3, 'the new order');
    expect(writes[2]!.body).to.deep.equal({ ids: ['grants', 'law'] });
  });

  it('shows an adviser the topics without editing them', async () => {
    api = stubFetch((c) => {
      if (c.pathname === '/v1/admin/advice/cases') return { items: [] };
      if (c.pathname === '/v1/admin/advice/topics') return { items: [typed(StaffTopic, { id: 'law', labels: { pl: 'Prawo', en: 'Law', uk: 'Право' }, explanation: { pl: 'Statut.', en: 'Statutes.', uk: 'Статут.' }, position: 10, active: true, fields: [] })] };
      return undefined;
    });
    const el = await fixture<NgoAdminAdvice>(html`<ngo-admin-advice lang="uk" api-base=${location.origin} .session=${session}></ngo-admin-advice>`);
    $<HTMLButtonElement>(el, '#tab-topics')!.click();
    await waitFor(() => $(el, '[data-id="law"]'), 'the topics');
    expect(text($(el, '[data-id="law"]'))).to.include('Право');
    expect($(el, '#topic-add')).to.equal(null);
    expect($(el, '[data-id="law"] button')).to.equal(null);
  });
});
