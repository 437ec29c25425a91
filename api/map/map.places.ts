import type { Kysely } from 'kysely';
import * as z from '../../common/zod.js';
import { MAP_LIMITS, isInKrakow } from '../../common/map.js';
import type { Lang } from '../../common/taxonomy.js';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { ApiError } from '../core/errors.js';
import { enforce } from '../core/rate-limit.js';

/**
 * Place search for the map: a street or place in Kraków, found by a Nominatim-compatible
 * geocoder the operator configures (`GEOCODER_URL`). Off by default: nothing calls a third party
 * unasked. The search is bounded to the city's box, so "Floriańska" is the one in Kraków; every
 * point is checked to lie inside it. Answers are kept for a day in this instance's memory (the
 * same few streets are asked for again and again), and the geocoder is asked at most
 * `geocoder.perMinute` times a minute by all instances together.
 */

/** Kraków's box as Nominatim's `viewbox` (west, north, east, south), the one `isInKrakow` checks. */
const VIEWBOX = '19.79,50.13,20.22,49.97';
const TIMEOUT_MS = 5000;
const KEEP_MS = 86_400_000;
const KEEP_MAX = 2000;

export interface Place {
  name: string;
  lat: number;
  lon: number;
}

/** What a Nominatim `format=jsonv2` search answers, as far as it is read. */
const Found = z.array(z.object({ display_name: z.string(), lat: z.coerce.number(), lon: z.coerce.number() }).loose());

export const placesOff = () => new ApiError(404, 'places_off', 'Place search is not configured on this server');
export const placesUnavailable = () => new ApiError(503, 'places_unavailable', 'The place search service did not answer; try again later', undefined, { 'Retry-After': '30' });

/** The name without the parts every result in Kraków shares (county, voivodeship, postcode, country). */
export function shortName(displayName: string): string {
  const parts = displayName.split(',').map((p) => p.trim()).filter(Boolean);
  const kept = parts.filter((p) => !/^(\d{2}-\d{3}|Polska|Poland|Польща|województwo małopolskie|Lesser Poland Voivodeship|Малопольське воєводство)$/i.test(p));
  return kept.slice(0, 4).join(', ') || displayName;
}

/** The geocoder's search URL for `q` in `lang`. */
export function searchUrl(base: string, q: string, lang: Lang): URL {
  const url = new URL('search', base.endsWith('/') ? base : `${base}/`);
  url.search = new URLSearchParams({ q, format: 'jsonv2', limit: String(MAP_LIMITS.places * 2), countrycodes: 'pl', viewbox: VIEWBOX, bounded: '1', 'accept-language': lang }).toString();
  return url;
}

const kept = new Map<string, { at: number; places: Place[] }>();

/** Forgets the kept answers (tests). */
export function forgetPlaces(): void {
  kept.clear();
}

/** Finds up to `MAP_LIMITS.places` places in Kraków matching `q`; throws `places_off` or `places_unavailable`. */
export async function findPlaces(db: Kysely<Database>, config: Config, q: string, lang: Lang, clientKey: string): Promise<Place[]> {
  const base = config.geocoder.url;
  if (!base) throw placesOff();
  await enforce(db, `places:${clientKey}`, { limit: config.geocoder.clientPerMinute, windowSec: 60 });
  const key = `${lang}\u0000${q.toLocaleLowerCase('pl')}`;
  const hit = kept.get(key);
  if (hit && Date.now() - hit.at < KEEP_MS) return hit.places;
  // The geocoder's own limit is shared by every instance: past it, say "try later" rather than ask.
  await enforce(db, 'places:upstream', { limit: config.geocoder.perMinute, windowSec: 60 }).catch((err: unknown) => {
    throw err instanceof ApiError && err.code === 'rate_limited' ? placesUnavailable() : err;
  });
  let body: unknown;
  try {
    const res = await fetch(searchUrl(base, q, lang), {
      headers: { Accept: 'application/json', 'User-Agent': `wip-ngo-widgets (${config.publicUrl})` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
    if (!res.ok) throw new Error(`geocoder answered ${res.status}`);
    body = await res.json();
  } catch {
    throw placesUnavailable();
  }
  const parsed = Found.safeParse(body);
  if (!parsed.success) throw placesUnavailable();
  const places = parsed.data
    .filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon) && isInKrakow(p.lon, p.lat))
    .slice(0, MAP_LIMITS.places)
    .map((p) => ({ name: shortName(p.display_name), lat: Math.round(p.lat * 1e6) / 1e6, lon: Math.round(p.lon * 1e6) / 1e6 }));
  if (kept.size >= KEEP_MAX) kept.delete(kept.keys().next().value!);
  kept.set(key, { at: Date.now(), places });
  return places;
}
