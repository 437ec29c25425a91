import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects, expectError, freshIp, testApp, type TestApp } from '../testing.js';
import { forgetPlaces, shortName } from './map.places.js';

/**
 * The geocoder is the one boundary replaced: a local HTTP server that answers as Nominatim's
 * `/search?format=jsonv2` does, and records what it was asked.
 */
interface Geocoder {
  url: string;
  asked: { url: URL; headers: IncomingMessage['headers'] }[];
  answer: (url: URL) => { status: number; body: string };
  close(): Promise<void>;
}

const FLORIANSKA = [
  { place_id: 1, lat: '50.0634', lon: '19.9397', display_name: 'Floriańska, Stare Miasto, Kraków, województwo małopolskie, 31-019, Polska', type: 'residential' },
  // The same street name elsewhere: never shown on Kraków's map, even if the geocoder ignores the box.
  { place_id: 2, lat: '52.2516', lon: '21.0117', display_name: 'Floriańska, Praga-Północ, Warszawa, województwo mazowieckie, 03-707, Polska', type: 'residential' },
];

async function startGeocoder(): Promise<Geocoder> {
  const g = { asked: [], answer: () => ({ status: 200, body: JSON.stringify(FLORIANSKA) }) } as unknown as Geocoder;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://geocoder.test');
    g.asked.push({ url, headers: req.headers });
    const { status, body } = g.answer(url);
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(g, { url: `http://127.0.0.1:${port}/nominatim`, close: () => new Promise<void>((done) => server.close(() => done())) });
}

const get = (t: TestApp, path: string, ip = freshIp()) => t.app.request(path, { headers: { 'x-forwarded-for': ip } });

describe('shortName', () => {
  it('drops the postcode, voivodeship and country every Kraków result shares', () => {
    expect(shortName('Floriańska, Stare Miasto, Kraków, województwo małopolskie, 31-019, Polska')).toBe('Floriańska, Stare Miasto, Kraków');
    expect(shortName('Rynek Główny 1, Stare Miasto, Kraków, Lesser Poland Voivodeship, 31-042, Poland')).toBe('Rynek Główny 1, Stare Miasto, Kraków');
  });
});

describe.each(dialects)('map place search on %s', (dialect) => {
  let off: TestApp;
  let t: TestApp;
  let geocoder: Geocoder;
  beforeAll(async () => {
    geocoder = await startGeocoder();
    off = await testApp(dialect);
    t = await testApp(dialect, { geocoder: { url: geocoder.url, perMinute: 5, clientPerMinute: 3 } });
  });
  afterAll(async () => {
    await Promise.all([off?.close(), t?.close(), geocoder?.close()]);
  });
  beforeEach(async () => {
    forgetPlaces();
    geocoder.asked.length = 0;
    geocoder.answer = () => ({ status: 200, body: JSON.stringify(FLORIANSKA) });
    await t.db.deleteFrom('rate_limit').execute();
  });

  it('is off unless the operator configures a geocoder, and then calls nobody', async () => {
    const res = await get(off, '/v1/map/places?q=Floria%C5%84ska');
    await expectError(res, 404, 'places_off');
    expect(geocoder.asked).toHaveLength(0);
  });

  it('finds a street in Kraków only: asks within the city’s box in the reader’s language, drops points outside, shortens the names', async () => {
    const res = await get(t, '/v1/map/places?q=Floria%C5%84ska&lang=uk');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [{ name: 'Floriańska, Stare Miasto, Kraków', lat: 50.0634, lon: 19.9397 }] });
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(geocoder.asked).toHaveLength(1);
    const asked = geocoder.asked[0]!;
    expect(asked.url.pathname).toBe('/nominatim/search');
    expect(Object.fromEntries(asked.url.searchParams)).toMatchObject({ q: 'Floriańska', format: 'jsonv2', countrycodes: 'pl', viewbox: '19.79,50.13,20.22,49.97', bounded: '1', 'accept-language': 'uk' });
    expect(asked.headers['user-agent']).toMatch(/^wip-ngo-widgets \(http/);
  });

  it('answers the same search again from memory, without asking the geocoder', async () => {
    expect((await get(t, '/v1/map/places?q=Floria%C5%84ska')).status).toBe(200);
    const again = await get(t, '/v1/map/places?q=FLORIA%C5%83SKA');
    expect(again.status).toBe(200);
    expect(((await again.json()) as { items: unknown[] }).items).toHaveLength(1);
    expect(geocoder.asked).toHaveLength(1);
  });

  it('refuses a search too short or too long with a 422 naming q, before asking anyone', async () => {
    const short = await get(t, '/v1/map/places?q=ab');
    const body = await expectError(short, 422, 'validation_failed');
    expect(JSON.stringify(body)).toContain('"q"');
    await expectError(await get(t, `/v1/map/places?q=${'a'.repeat(201)}`), 422, 'validation_failed');
    await expectError(await get(t, '/v1/map/places'), 422, 'validation_failed');
    expect(geocoder.asked).toHaveLength(0);
  });

  it('says the service is unavailable (503 with Retry-After) when the geocoder fails or answers nonsense', async () => {
    geocoder.answer = () => ({ status: 500, body: 'oops' });
    const failed = await get(t, '/v1/map/places?q=Rynek');
    await expectError(failed, 503, 'places_unavailable');
    expect(failed.headers.get('retry-after')).toBe('30');
    geocoder.answer = () => ({ status: 200, body: '{"not":"a list"}' });
    await expectError(await get(t, '/v1/map/places?q=Rynek+G%C5%82%C3%B3wny'), 503, 'places_unavailable');
    geocoder.answer = () => ({ status: 200, body: '[{"display_name": 5}' });
    await expectError(await get(t, '/v1/map/places?q=Nowohucka'), 503, 'places_unavailable');
  });

  it('limits each client (429) and the geocoder’s share of all instances (503, nothing more asked)', async () => {
    const ip = freshIp();
    for (const q of ['Rynek', 'Wawel', 'Kazimierz']) expect((await get(t, `/v1/map/places?q=${q}`, ip)).status).toBe(200);
    await expectError(await get(t, '/v1/map/places?q=Podg%C3%B3rze', ip), 429, 'rate_limited');
    // Other clients: two more questions fit in this minute's five, then the geocoder is spared.
    for (const q of ['Bronowice', 'Krowodrza']) expect((await get(t, `/v1/map/places?q=${q}`)).status).toBe(200);
    await expectError(await get(t, '/v1/map/places?q=Czy%C5%BCyny'), 503, 'places_unavailable');
    expect(geocoder.asked).toHaveLength(5);
  });
});
