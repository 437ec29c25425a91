import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mountWidget } from '../core/testing.js';
import './events-month.js';
import type { MonthEvent, NgoEventsMonth } from './events-month.element.js';

const ev = (id: string, title: string, startsAt: string, endsAt: string, extra: Partial<MonthEvent> = {}): MonthEvent => ({ id, title, translations: {}, startsAt, endsAt, allDay: false, status: 'published', ...extra });

const EVENTS: MonthEvent[] = [
  ev('s1', 'Akademia: zarządzanie', '2027-04-07T14:00:00Z', '2027-04-07T17:00:00Z', { translations: { uk: { title: 'Академія: управління' } } }),
  ev('c1', 'Konferencja otwierająca', '2027-04-07T08:00:00Z', '2027-04-07T12:00:00Z', { status: 'cancelled' }),
  ev('f1', 'Święto NGO', '2027-04-29T22:00:00Z', '2027-05-02T22:00:00Z', { allDay: true }),
  ev('m1', 'Forum NGO', '2027-05-12T08:00:00Z', '2027-05-12T14:00:00Z'),
];

async function mount(lang = 'pl', events = EVENTS, date = '2027-04-07') {
  return mountWidget<NgoEventsMonth>('ngo-events-month', { lang, date, today: '2027-04-08' }, { events });
}
const $ = (el: NgoEventsMonth, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const cell = (el: NgoEventsMonth, date: string) => $(el, `[role="gridcell"][data-date="${date}"]`)!;
const active = (el: NgoEventsMonth) => el.shadowRoot!.activeElement as HTMLElement | null;
const text = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function until(probe: () => boolean, what: string) {
  const end = Date.now() + 5000;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 16)); // not rAF: a test page in a background tab gets no frames
  }
}

describe('<ngo-events-month>', () => {
  for (const lang of ['pl', 'en', 'uk']) {
    it(`is accessible in ${lang}, with a day open too`, async () => {
      const el = await mount(lang);
      await expect(el).to.be.accessible();
      cell(el, '2027-04-07').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  it('is a grid of whole weeks with one tab stop, today marked, and days that say how many events they have', async () => {
    const el = await mount();
    expect($(el, 'table')!.getAttribute('role')).to.equal('grid');
    expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(5); // 29 March – 2 May 2027
    expect(el.shadowRoot!.querySelectorAll('[role="gridcell"][tabindex="0"]').length).to.equal(1);
    expect(cell(el, '2027-04-07').tabIndex).to.equal(0);
    expect(cell(el, '2027-04-08').getAttribute('aria-current')).to.equal('date');
    expect(cell(el, '2027-04-07').querySelector('.label')!.textContent).to.equal('środa, 7 kwietnia 2027: 2 wydarzenia');
    expect(cell(el, '2027-04-09').querySelector('.label')!.textContent).to.equal('piątek, 9 kwietnia 2027: brak wydarzeń');
    // The all-day festival covers 30 April to 2 May, in this month's grid and the next.
    expect(cell(el, '2027-04-30').querySelector('.label')!.textContent).to.contain('1 wydarzenie');
    expect(cell(el, '2027-05-02').querySelector('.label')!.textContent).to.contain('1 wydarzenie');
    expect(cell(el, '2027-05-03')).to.equal(null);
    expect(text($(el, '#month-title'))).to.equal('kwiecień 2027');
  });

  it('moves by day, week, week ends and months with the keyboard, announcing the new month', async () => {
    const el = await mount();
    cell(el, '2027-04-07').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(active(el)?.dataset.date).to.equal('2027-04-08');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active(el)?.dataset.date).to.equal('2027-04-15');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(active(el)?.dataset.date).to.equal('2027-04-12');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(active(el)?.dataset.date).to.equal('2027-04-18');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(active(el)?.dataset.date).to.equal('2027-04-11');
    expect(el.shadowRoot!.querySelectorAll('[role="gridcell"][tabindex="0"]').length).to.equal(1);

    const change = oneEvent(el, 'ngo-month-change');
    await sendKeys({ press: 'PageDown' });
    expect((await change).detail).to.deep.equal({ month: '2027-05', date: '2027-05-11' });
    await el.updateComplete;
    expect(active(el)?.dataset.date).to.equal('2027-05-11');
    expect(text($(el, '#month-title'))).to.equal('maj 2027');
    await until(() => text($(el, '[role="status"]')) !== '', 'the announcement');
    // May shows the festival's last days and the Forum.
    expect(text($(el, '[role="status"]'))).to.equal('maj 2027: 2 wydarzenia');

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(active(el)?.dataset.date).to.equal('2026-05-11');
    await until(() => text($(el, '[role="status"]')) === 'maj 2026: brak wydarzeń', 'the year change');
  });

  it('crosses into the next month by arrow from the last day', async () => {
    const el = await mount('en', EVENTS, '2027-04-30');
    cell(el, '2027-04-30').focus();
    const change = oneEvent(el, 'ngo-month-change');
    await sendKeys({ press: 'ArrowRight' });
    expect((await change).detail.month).to.equal('2027-05');
    await el.updateComplete;
    expect(active(el)?.dataset.date).to.equal('2027-05-01');
    expect(active(el)?.querySelector('.label')!.textContent).to.equal('Saturday, 1 May 2027: 1 event');
  });

  it('lists a day’s events on Enter, opens one, and returns to the day on Escape', async () => {
    const el = await mount('uk');
    cell(el, '2027-04-07').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active(el)?.id).to.equal('agenda-title');
    expect(cell(el, '2027-04-07').getAttribute('aria-selected')).to.equal('true');
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.agenda .event')];
    // In time order, whatever the input order.
    expect(buttons.map((b) => text(b.querySelector('.name')))).to.deep.equal(['Konferencja otwierająca (скасовано)', 'Академія: управління']);
    expect(text(buttons[1]!.querySelector('.time'))).to.equal('16:00–19:00');
    const select = oneEvent(el, 'ngo-select');
    buttons[1]!.click();
    expect((await select).detail).to.deep.equal({ id: 's1', name: 'Академія: управління' });
    buttons[0]!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(active(el)?.dataset.date).to.equal('2027-04-07');
    expect($(el, '.agenda')).to.equal(null);
  });

  it('waits for the month’s events before announcing their count', async () => {
    const el = await mount();
    el.addEventListener('ngo-month-change', () => {
      el.loading = true;
    });
    cell(el, '2027-04-07').focus();
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(text($(el, '[role="status"]'))).to.equal('');
    el.events = [...EVENTS, ev('m2', 'Spotkanie', '2027-05-20T08:00:00Z', '2027-05-20T09:00:00Z')];
    el.loading = false;
    await until(() => text($(el, '[role="status"]')) !== '', 'the announcement');
    expect(text($(el, '[role="status"]'))).to.equal('maj 2027: 3 wydarzenia');
  });

  it('shows at most three titles a day with a count of the rest, for a month of 500 events', async () => {
    const many: MonthEvent[] = Array.from({ length: 500 }, (_, i) => {
      const day = String((i % 30) + 1).padStart(2, '0');
      return ev(`e${i}`, `Wydarzenie ${i}`, `2027-04-${day}T08:00:00Z`, `2027-04-${day}T09:00:00Z`);
    });
    const el = await mount('pl', many);
    const day1 = cell(el, '2027-04-01');
    expect(day1.querySelectorAll('.title').length).to.equal(3);
    expect(text(day1.querySelector('.more'))).to.equal('+14'); // 17 events on the 1st
    expect(day1.querySelector('.label')!.textContent).to.contain('17 wydarzeń');
  });
});
