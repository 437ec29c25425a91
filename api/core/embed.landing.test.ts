import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, testApp, type TestApp } from '../testing.js';

// Issue 9, item 6: the pages e-mailed links open. Opened on their own (Sec-Fetch-Dest: document, or
// a link's token in an older browser) they carry the operator's name, logo, a link back to its
// portal, a real <title> and an h1; framed in a host's iframe they stay bare.

const OPERATOR = { name: 'Urząd Miasta Krakowa', url: 'https://www.krakow.pl/ngo', logoUrl: 'https://www.krakow.pl/logo.svg' };
const own = { 'sec-fetch-dest': 'document' };
const framed = { 'sec-fetch-dest': 'iframe' };

describe.each(dialects)('/embed landing pages (%s)', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(dialect, { operator: OPERATOR });
  });
  afterEach(() => t.close());

  it('a confirmation link opens a branded page with its own title and h1, in the link’s language', async () => {
    const res = await t.app.request('/embed/consultations?lang=uk&consultation=c1&confirm=tok_abc', { headers: own });
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toContain('Sec-Fetch-Dest');
    const page = await res.text();
    expect(page).toContain('<title>Підтвердження зауваження — Urząd Miasta Krakowa</title>');
    expect(page).toContain('<h1>Підтвердження зауваження</h1>');
    expect(page).toContain('<a class="brand" href="https://www.krakow.pl/ngo"><img src="https://www.krakow.pl/logo.svg" alt="" height="40"><span>Urząd Miasta Krakowa</span></a>');
    expect(page).toContain('<a href="https://www.krakow.pl/ngo">Повернутися до: Urząd Miasta Krakowa</a>');
    // Below the page's h1 the widget's own headings start at h2.
    expect(page).toMatch(/<ngo-consultation [^>]*heading-level="2"><\/ngo-consultation>/);
  });

  it('names each kind of link: the map owner’s edit, an event registration, an advice case', async () => {
    const cases: [string, string][] = [
      ['/embed/map?lang=pl&edit=tok_x', 'Edycja wpisu organizacji'],
      ['/embed/map?lang=en&confirm=tok_x', 'Confirming your map entry'],
      ['/embed/events?lang=pl&manage=tok_x', 'Twój zapis na wydarzenie'],
      ['/embed/advice/status?lang=pl&token=tok_x', 'Twoja sprawa w punkcie doradczym'],
      ['/embed/consultations?lang=pl&consultation=c1', 'Konsultacje projektów aktów prawnych'],
    ];
    for (const [path, h1] of cases) {
      const page = await (await t.app.request(path, { headers: own })).text();
      expect(page, path).toContain(`<h1>${h1}</h1>`);
      expect(page, path).toContain(`<title>${h1} — Urząd Miasta Krakowa</title>`);
    }
  });

  it('without Sec-Fetch-Dest (an older browser), a link’s token alone makes it a landing page; a plain embed stays bare', async () => {
    expect(await (await t.app.request('/embed/map?lang=pl&confirm=tok_x')).text()).toContain('<h1>Potwierdzenie wpisu na mapie</h1>');
    const plain = await (await t.app.request('/embed/map?lang=pl&district=12')).text();
    expect(plain).not.toContain('<h1>');
    expect(plain).toContain('<title>Mapa organizacji pozarządowych</title>');
  });

  it('framed in a host’s iframe, even a confirmation link has no header of its own', async () => {
    const page = await (await t.app.request('/embed/consultations?lang=pl&consultation=c1&confirm=tok_abc', { headers: framed })).text();
    expect(page).not.toContain('class="landing"');
    expect(page).not.toContain('<h1>');
    expect(page).toContain('<title>Potwierdzenie uwagi</title>');
  });

  it('escapes the configured name, and leaves out the logo and the back link when they are not configured', async () => {
    const bare = await testApp(dialect, { operator: { name: 'Fundacja <b>"Test"</b>', url: null, logoUrl: null } });
    try {
      const page = await (await bare.app.request('/embed/map?lang=pl&edit=tok_x', { headers: own })).text();
      expect(page).toContain('Fundacja &lt;b&gt;&quot;Test&quot;&lt;/b&gt;');
      expect(page).not.toContain('<img');
      expect(page).not.toContain('Powrót do serwisu');
      expect(page).toContain('<a class="brand" href="/">');
    } finally {
      await bare.close();
    }
  });
});
