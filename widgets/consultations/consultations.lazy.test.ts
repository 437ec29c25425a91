import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './consultations.js';
import type { ConsultationSummary } from './consultations.api.js';
import type { NgoConsultation } from './consultations.element.js';

// The forms' code (consultations.form.ts) and the proof-of-work solver load only when a person
// opens a form, not with the widget. Its own file: a fresh page that no other test has loaded them in.

const requested: string[] = [];
new PerformanceObserver((list) => requested.push(...list.getEntries().map((e) => e.name))).observe({ type: 'resource', buffered: true });
const loaded = (re: RegExp) => requested.some((url) => re.test(new URL(url).pathname));

async function waitFor<T>(probe: () => T | null | undefined | false, what: string, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('<ngo-consultation> loading its forms', () => {
  it('loads the form code when a person presses "Comment", and the solver once they write', async () => {
    const { items } = (await (await fetch('/v1/consultations?status=open')).json()) as { items: ConsultationSummary[] };
    const el = await fixture<NgoConsultation>(html`<ngo-consultation lang="pl" api-base=${location.origin} consultation=${items[0]!.id}></ngo-consultation>`);
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
    await waitFor(() => $('#comment-doc') && $('#remarks-title'), 'the consultation');
    // Reading the consultation, with focus in it: no form code and no proof of work yet.
    $('#comment-doc')!.focus();
    await new Promise((r) => setTimeout(r, 100));
    expect(loaded(/\/consultations\.form\./), 'consultations.form').to.equal(false);
    expect(loaded(/\/core\/pow(\.solver)?\./), 'pow').to.equal(false);

    $('#comment-doc')!.click();
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'form-title', 'focus on the form heading');
    expect(loaded(/\/consultations\.form\./), 'consultations.form').to.equal(true);
    // Focus or writing in the form starts the proof of work, which brings the solver.
    $('#justification')!.focus();
    await sendKeys({ type: 'Uwaga' });
    await waitFor(() => loaded(/\/core\/pow\.solver\./) && loaded(/\/v1\/challenge$/), 'the solver and the challenge');
  });
});
