import { expect, fixture, html as fhtml, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { LitElement, html } from 'lit';
import type { AnswerValue, Answers, Instrument, Item, RespondentGroup } from '../../common/surveys.js';
import { findItem } from '../../common/surveys.js';
import { InstrumentSchema, toInstrument } from '../../common/surveys.schema.js';
import { theme } from '../core/theme.js';
import { formStyles } from '../core/forms.js';
import { controlId, parseNumber, renderItem } from './surveys.items.js';
import { itemStyles } from './surveys.styles.js';

// The shipped instrument, normalised by the schema as the API serves it.
const instrument: Instrument = toInstrument(InstrumentSchema.parse(await (await fetch(new URL('../../common/surveys.lijw.json', import.meta.url))).json()));
const item = (id: string): Item => findItem(instrument, id)!.item;

/** A host with a shadow root, like the survey widget, rendering given items. */
class ItemHost extends LitElement {
  static override styles = [theme, formStyles, itemStyles];
  static override properties = { items: { attribute: false }, answers: { attribute: false }, errors: { attribute: false }, lang: {}, group: {} };
  declare items: Item[];
  declare answers: Answers;
  declare errors: Record<string, string>;
  declare group: RespondentGroup;
  changes: [string, AnswerValue | undefined][] = [];
  constructor() {
    super();
    this.items = [];
    this.answers = {};
    this.errors = {};
    this.group = 'ngo';
  }
  override render() {
    const lang = (this.getAttribute('lang') ?? 'pl') as 'pl';
    return html`<div class="ngo-root">${this.items.map((i) =>
      renderItem(i, {
        lang, group: this.group, instrument, value: this.answers[i.id], error: this.errors[i.id], requiredMarker: '(wymagane)',
        hints: { upTo: (m) => `Najwyżej ${m}.`, atLeast: (m) => `Co najmniej ${m}.`, chars: (m) => `Do ${m} znaków.`, range: (a, b, u) => `Od ${a} do ${b} ${u}.` },
        onChange: (id, v) => {
          this.changes.push([id, v]);
          this.answers = { ...this.answers, [id]: v as AnswerValue };
        },
      }),
    )}</div>`;
  }
}
customElements.define('test-survey-items', ItemHost);

async function host(items: Item[], extra: Partial<ItemHost> = {}): Promise<ItemHost> {
  const el = await fixture<ItemHost>(fhtml`<test-survey-items lang="pl" .items=${items}></test-survey-items>`);
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

type AxNode = { role: string; name?: string; description?: string; checked?: boolean | 'mixed'; children?: AxNode[] };
const flatten = (n: AxNode | null): AxNode[] => (n ? [n, ...(n.children ?? []).flatMap(flatten)] : []);

describe('survey items', () => {
  it('renders a scale item as a fieldset whose legend is announced with each option', async () => {
    const el = await host([item('b_information')]);
    await expect(el).to.be.accessible();
    const fs = el.shadowRoot!.querySelector('fieldset')!;
    const legend = fs.querySelector('legend')!;
    expect(legend.textContent!.trim()).to.equal('Urząd z wyprzedzeniem informuje organizacje o planowanych działaniach, konkursach i naborach.');
    const radios = [...fs.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.value)).to.deep.equal(['1', '2', '3', '4', '5', 'hard_to_say']);
    // Every option has a visible label of its own, and its description is the statement.
    expect(radios.map((r) => r.closest('label')!.querySelector('.point-label')!.textContent)).to.deep.equal([
      'Zdecydowanie się nie zgadzam', 'Raczej się nie zgadzam', 'Ani się zgadzam, ani nie zgadzam', 'Raczej się zgadzam', 'Zdecydowanie się zgadzam', 'Trudno powiedzieć',
    ]);
    for (const r of radios) expect(r.getAttribute('aria-describedby')).to.equal(legend.id);

    // What the browser's accessibility tree says, which is what a screen reader reads out.
    const tree = flatten((await a11ySnapshot({})) as unknown as AxNode);
    const ax = tree.filter((n) => n.role === 'radio');
    // The digits are decoration (aria-hidden): each radio is named by its label alone, and described by the statement.
    expect(ax.map((n) => n.name)).to.deep.equal(['Zdecydowanie się nie zgadzam', 'Raczej się nie zgadzam', 'Ani się zgadzam, ani nie zgadzam', 'Raczej się zgadzam', 'Zdecydowanie się zgadzam', 'Trudno powiedzieć']);
    for (const n of ax) expect(n.description).to.equal(legend.textContent!.trim());
    // The group itself is a native fieldset named by its legend (the snapshot prunes groups, so check the DOM).
    expect(fs.firstElementChild).to.equal(legend);
  });

  it('is answered with the keyboard: Tab into the group, arrows choose, the value is reported', async () => {
    const el = await host([item('b_information'), item('b_rules_clear')]);
    el.shadowRoot!.getElementById(controlId('b_information'))!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.changes.at(-1)).to.deep.equal(['b_information', 3]);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>(`#${controlId('b_information')}-3`)!.checked).to.equal(true);
    // Tab leaves the group for the next question.
    await sendKeys({ press: 'Tab' });
    expect((el.shadowRoot!.activeElement as HTMLInputElement).name).to.equal(controlId('b_rules_clear'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.changes.at(-1)).to.deep.equal(['b_rules_clear', 1]);
  });

  it('links an error to the group and to each option, and marks them invalid', async () => {
    const el = await host([item('overall_rating')], { errors: { overall_rating: 'Prosimy wybrać odpowiedź.' } });
    await expect(el).to.be.accessible();
    const fs = el.shadowRoot!.querySelector('fieldset')!;
    const error = fs.querySelector('.ngo-error')!;
    expect(error.textContent).to.equal('Prosimy wybrać odpowiedź.');
    expect(fs.getAttribute('aria-describedby')).to.equal(error.id);
    const radio = fs.querySelector('input')!;
    expect(radio.getAttribute('aria-describedby')).to.equal(`${fs.querySelector('legend')!.id} ${error.id}`);
    expect(radio.getAttribute('aria-invalid')).to.equal('true');
    expect(fs.querySelector('legend')!.textContent).to.contain('(wymagane)');
    // A rating scale item has no "hard to say" only when the instrument says so; this one has it.
    expect(fs.querySelectorAll('input').length).to.equal(6);
  });

  it('gives officials their own wording', async () => {
    const el = await host([item('a_cooperated')], { group: 'official' });
    expect(el.shadowRoot!.querySelector('legend')!.textContent).to.contain('komórka, w której Pan/Pani pracuje');
  });

  it('keeps multiple choice in the instrument order and says the limit', async () => {
    const el = await host([item('a_advantages')]);
    await expect(el).to.be.accessible();
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    boxes[3]!.click();
    boxes[0]!.click();
    await el.updateComplete;
    expect(el.changes.at(-1)).to.deep.equal(['a_advantages', ['funding', 'trust']]);
    boxes[0]!.click();
    boxes[3]!.click();
    await el.updateComplete;
    expect(el.changes.at(-1)).to.deep.equal(['a_advantages', undefined]);
    const fs = el.shadowRoot!.querySelector('fieldset')!;
    expect(fs.querySelector(`#${controlId('a_advantages')}-limits`)!.textContent).to.equal('Najwyżej 3.');
  });

  it('labels text and number fields, and reads a decimal comma', async () => {
    const el = await host([item('r_comment'), item('p_paid_staff')]);
    await expect(el).to.be.accessible();
    const area = el.shadowRoot!.querySelector('textarea')!;
    expect(area.maxLength).to.equal(3000);
    expect(el.shadowRoot!.querySelector(`label[for=${area.id}]`)!.textContent).to.contain('Jakie zmiany');
    const num = el.shadowRoot!.getElementById(controlId('p_paid_staff')) as HTMLInputElement;
    expect(el.shadowRoot!.getElementById(`${num.id}-hint`)!.textContent).to.equal('Wystarczy liczba przybliżona. Od 0 do 500 osób.');
    expect(parseNumber('2,5')).to.equal(2.5);
    expect(parseNumber(' 12 ')).to.equal(12);
    expect(parseNumber('dwanaście')).to.equal('dwanaście');
    expect(parseNumber('  ')).to.equal(undefined);
  });

  it('lays the scale out as a list on a narrow screen and side by side on a wide one', async () => {
    const el = await host([item('b_information')]);
    el.style.display = 'block';
    el.style.width = '320px';
    await el.updateComplete;
    const points = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.point')];
    expect(new Set(points.map((p) => Math.round(p.getBoundingClientRect().left))).size).to.equal(1);
    el.style.width = '900px';
    // Layout is read synchronously, so the new width applies at once; wait on what is seen, not on a frame.
    await waitUntil(() => new Set(points.map((p) => Math.round(p.getBoundingClientRect().top))).size === 1, 'the points line up in one row');
  });
});
