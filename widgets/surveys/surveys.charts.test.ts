import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { barChart, gapChart, trendChart, wrapText, type ChartText } from './surveys.charts.js';

const fmt = new Intl.NumberFormat('pl', { maximumFractionDigits: 1 });
const text = (id: string, title: string): ChartText => ({ id, title, format: (v) => fmt.format(v), suppressed: 'ukryte (n < 5)', noData: 'brak danych' });

// A plain container, not open-wc's fixture: that waits for an animation frame, which a background tab may not give.
const hosts: HTMLElement[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.remove()));
async function draw(t: TemplateResult): Promise<SVGSVGElement> {
  const host = document.createElement('div');
  host.lang = 'pl';
  document.body.append(host);
  hosts.push(host);
  render(t, host);
  return host.querySelector('svg')!;
}
const num = (el: Element, attr: string) => Number(el.getAttribute(attr));
/** The chart's text alternative, as the browser computes it from aria-labelledby. */
const alternative = (svgEl: SVGSVGElement) =>
  svgEl.getAttribute('aria-labelledby')!.split(' ').map((id) => svgEl.querySelector(`[id="${id}"]`)!.textContent).join(' ');

describe('survey charts', () => {
  const series = [{ key: 'ngo', label: 'Organizacje' }, { key: 'official', label: 'Urzędnicy' }, { key: 'councillor', label: 'Radni' }];

  it('bars: one per section and group, length in proportion, suppressed as a labelled placeholder, not zero', async () => {
    const svgEl = await draw(barChart(
      [
        { key: 'a', label: 'A. Zakres współpracy', values: [50, 75.5, 'suppressed'] },
        { key: 'b', label: 'B. Ocena administracji miejskiej', values: [100, null, 25] },
      ],
      series, text('bars', 'Wyniki sekcji według grup'), 600,
    ));
    await expect(svgEl.parentElement).to.be.accessible();
    expect(svgEl.getAttribute('role')).to.equal('img');
    expect(alternative(svgEl)).to.equal(
      'Wyniki sekcji według grup A. Zakres współpracy: Organizacje 50; Urzędnicy 75,5; Radni ukryte (n < 5). B. Ocena administracji miejskiej: Organizacje 100; Urzędnicy brak danych; Radni 25.',
    );
    const bars = [...svgEl.querySelectorAll('rect.bar')];
    expect(bars.map((b) => Number(b.getAttribute('data-value')))).to.deep.equal([50, 75.5, 100, 25]);
    const full = num(bars[2]!, 'width');
    expect(num(bars[0]!, 'width') / full).to.be.closeTo(0.5, 1e-9);
    expect(num(bars[3]!, 'width') / full).to.be.closeTo(0.25, 1e-9);
    expect(bars.every((b) => num(b, 'x') === num(bars[0]!, 'x'))).to.equal(true);
    const hidden = svgEl.querySelector('rect.bar-suppressed')!;
    expect(hidden.getAttribute('data-series')).to.equal('councillor');
    expect(hidden.querySelector('title')!.textContent).to.equal('A. Zakres współpracy, Radni: ukryte (n < 5)');
    expect(hidden.nextElementSibling!.textContent).to.equal('ukryte (n < 5)');
    expect(svgEl.querySelectorAll('rect.bar-missing').length).to.equal(1);
    // Each bar is titled with its section, group and value; the value is also written at its end.
    expect(bars[1]!.querySelector('title')!.textContent).to.equal('A. Zakres współpracy, Urzędnicy: 75,5');
    expect(bars[1]!.nextElementSibling!.textContent).to.equal('75,5');
  });

  it('gap: two markers per item on one track, the difference written out, and a missing side said', async () => {
    const t = { ...text('gap', 'Różnice ocen: organizacje i urzędnicy'), gap: (d: number) => `różnica ${d > 0 ? '+' : ''}${fmt.format(d)}` };
    const svgEl = await draw(gapChart(
      [
        { key: 'b_information', label: 'Urząd z wyprzedzeniem informuje organizacje o planowanych działaniach, konkursach i naborach.', a: 40, b: 80 },
        { key: 'b_paperwork', label: 'Rozliczanie dotacji jest nadmiernie sformalizowane.', a: 62.5, b: 50 },
        { key: 'c_reporting', label: 'Organizacje terminowo rozliczają dotacje.', a: 'suppressed', b: 70 },
      ],
      [series[0]!, series[1]!], t, 360,
    ));
    await expect(svgEl.parentElement).to.be.accessible();
    const gaps = [...svgEl.querySelectorAll('g.gap')];
    expect(gaps.map((g) => g.getAttribute('data-key'))).to.deep.equal(['b_information', 'b_paperwork']);
    const [line, a, b] = [...gaps[0]!.children].filter((c) => c.tagName !== 'title');
    // a = 40 and b = 80 on a track from x0 to x1: b is twice as far from the start as a.
    const x0 = 8;
    expect((num(b!, 'x') + num(b!, 'width') / 2 - x0) / (num(a!, 'cx') - x0)).to.be.closeTo(2, 1e-9);
    expect([num(line!, 'x1'), num(line!, 'x2')]).to.deep.equal([num(a!, 'cx'), num(b!, 'x') + num(b!, 'width') / 2]);
    expect(a!.tagName).to.equal('circle'); // shapes differ, not only colours
    expect(b!.tagName).to.equal('rect');
    expect(gaps[0]!.nextElementSibling!.textContent).to.equal('różnica -40');
    expect(svgEl.querySelector('text.gap-missing')!.textContent).to.equal('ukryte (n < 5)');
    expect(alternative(svgEl)).to.contain('Organizacje terminowo rozliczają dotacje.: Organizacje ukryte (n < 5), Urzędnicy 70.');
    // Long statements wrap at a phone's width instead of running off the chart.
    expect(svgEl.querySelectorAll('tspan').length).to.be.greaterThan(3);
    for (const ts of svgEl.querySelectorAll('tspan')) expect(ts.getComputedTextLength()).to.be.lessThan(360);
  });

  it('trend: a line per series over the editions, broken where a point is missing or suppressed', async () => {
    const svgEl = await draw(trendChart(
      ['2023', '2024', '2025'],
      [
        { key: 'ngo', label: 'Organizacje', points: [50, 60, 70] },
        { key: 'councillor', label: 'Radni', points: [40, 'suppressed', 55] },
      ],
      text('trend', 'Indeks w kolejnych edycjach'), 500,
    ));
    await expect(svgEl.parentElement).to.be.accessible();
    const paths = [...svgEl.querySelectorAll('path.trend')];
    expect(paths.map((p) => (p.getAttribute('d')!.match(/[ML]/g) ?? []).join(''))).to.deep.equal(['MLL', 'MM']);
    const pts = [...svgEl.querySelectorAll('g.point[data-series=ngo]')];
    const ys = pts.map((g) => num(g.querySelector('circle')!, 'cy'));
    // Equal steps of 10 points are equal steps on the chart, going up.
    expect(ys[0]! - ys[1]!).to.be.closeTo(ys[1]! - ys[2]!, 1e-9);
    expect(ys[0]!).to.be.greaterThan(ys[1]!);
    expect(svgEl.querySelectorAll('g.point-suppressed').length).to.equal(1);
    expect(svgEl.querySelector('g.point-suppressed title')!.textContent).to.equal('Radni, 2024: ukryte (n < 5)');
    expect(alternative(svgEl)).to.equal('Indeks w kolejnych edycjach Organizacje: 2023 50, 2024 60, 2025 70. Radni: 2023 40, 2024 ukryte (n < 5), 2025 55.');
  });

  it('bars on a phone: long group names get a line of their own above the bar, none is cut off', async () => {
    const long = [{ key: 'pbc', label: 'Рада громадськокорисної діяльності' }, { key: 'dc', label: 'Ради районів' }];
    const svgEl = await draw(barChart([{ key: 'a', label: 'A. Обсяг співпраці', values: [40, 'suppressed'] }], long, text('narrow', 'Оцінки'), 300));
    const labels = [...svgEl.querySelectorAll('text')].filter((el) => long.some((s) => s.label === el.textContent));
    expect(labels).to.have.length(2);
    for (const label of labels) {
      const box = label.getBoundingClientRect();
      expect(box.left, label.textContent!).to.be.at.least(svgEl.getBoundingClientRect().left - 0.5);
      expect(box.right).to.be.at.most(svgEl.getBoundingClientRect().right + 0.5);
    }
    const bar = svgEl.querySelector('rect.bar')!;
    expect(bar.getBoundingClientRect().top).to.be.at.least(labels[0]!.getBoundingClientRect().bottom - 1);
  });

  it('wraps text at spaces', () => {
    expect(wrapText('Ala ma kota a kot ma Alę', 10)).to.deep.equal(['Ala ma', 'kota a kot', 'ma Alę']);
    expect(wrapText('', 10)).to.deep.equal(['']);
    expect(wrapText('Niezmiernieprzydługiesłowo', 5)).to.deep.equal(['Niezmiernieprzydługiesłowo']);
  });
});
