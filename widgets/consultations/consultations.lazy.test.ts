import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitFor } from '../core/testing.js';
import './consultations.js';
import type { ConsultationSummary } from './consultations.api.js';
import type { NgoConsultation } from './consultations.element.js';

// The forms' code (consultations.form.ts) and the proof-of-work solver load only when a person
// opens a form, not with the widget. Its own file: a fresh page that no other test has loaded them in.

const requested: PerformanceEntry[] = [];
new PerformanceObserver((list) => requested.push(...list.getEntries())).observe({ type: 'resource', buffered: true });
const matching = (re: RegExp) => requested.filter((e) => re.test(new URL(e.name).pathname));
const loaded = (re: RegExp) => matching(re).length > 0;
/** When the first request for `re` started (Resource Timing), or Infinity. */
const firstRequest = (re: RegExp) => Math.min(...matching(re).map((e) => e.startTime));

describe('<ngo-consultation> loading its forms', () => {
  it('loads the form code when a person presses "Comment", and the solver once they write', async () => {
    const { items } = (await (await fetch('/v1/consultations?status=open')).json()) as { items: ConsultationSummary[] };
    const el = await fixture<NgoConsultation>(html`<ngo-consultation lang="pl" api-base=${location.origin} consultation=${items[0]!.id}></ngo-consultation>`);
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
    await waitFor(() => $('#comment-doc') && $('#remarks-title'), 'the consultation');
    // Reading the consultation, with focus in it: no form code and no proof of work yet.
    $('#comment-doc')!.focus();
    await el.updateComplete;
    expect(loaded(/\/consultations\.form\./), 'consultations.form').to.equal(false);
    expect(loaded(/\/core\/pow(\.solver)?\./), 'pow').to.equal(false);

    const clickedAt = performance.now();
    $('#comment-doc')!.click();
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'form-title', 'focus on the form heading');
    expect(loaded(/\/consultations\.form\./), 'consultations.form').to.equal(true);
    // Focus or writing in the form starts the proof of work, which brings the solver.
    $('#justification')!.focus();
    await sendKeys({ type: 'Uwaga' });
    await waitFor(() => loaded(/\/core\/pow\.solver\./) && loaded(/\/v1\/challenge$/), 'the solver and the challenge');
    // None of it was asked for before the person pressed "Comment" (reading and focus load nothing).
    for (const re of [/\/consultations\.form\./, /\/core\/pow(\.solver)?\./, /\/v1\/challenge$/]) expect(firstRequest(re), String(re)).to.be.at.least(clickedAt);
  });
});
