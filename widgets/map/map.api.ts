import type { z } from 'zod';
import type { Organisation, Place as PlaceSchema } from '../../common/map.schema.js';
import { request } from '../core/api.js';

export type { Organisation };

/** Filters as the widget holds them; empty strings mean "any". */
export interface MapFilters {
  q: string;
  area: string;
  district: string;
  kind: string;
  accessible: boolean;
  /** `minLon,minLat,maxLon,maxLat` when the list follows the map view. */
  bbox?: string;
}

export const filterParams = (f: MapFilters): URLSearchParams => {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.area) p.set('area', f.area);
  if (f.district) p.set('district', f.district);
  if (f.kind) p.set('kind', f.kind);
  if (f.accessible) p.set('accessible', 'true');
  if (f.bbox) p.set('bbox', f.bbox);
  return p;
};

export interface OrganisationPage { items: Organisation[]; total: number; totalCapped?: boolean; page: number; pageSize: number }
export interface Clusters { clusters: [number, number, number, number][]; points: [number, number, string, string, string][]; total: number }

export const listOrganisations = (base: string, f: MapFilters, page: number, signal?: AbortSignal) => {
  const p = filterParams(f);
  p.set('page', String(page));
  p.set('pageSize', '50');
  return request<OrganisationPage>(base, `/v1/map/organisations?${p}`, { signal });
};

export const getOrganisation = (base: string, id: string, signal?: AbortSignal) =>
  request<Organisation>(base, `/v1/map/organisations/${encodeURIComponent(id)}`, { signal });

export const getClusters = (base: string, f: MapFilters, zoom: number, bbox: string, signal?: AbortSignal) => {
  const p = filterParams({ ...f, bbox: undefined });
  p.set('zoom', String(zoom));
  p.set('bbox', bbox);
  return request<Clusters>(base, `/v1/map/clusters?${p}`, { signal });
};

export const getClusterZoom = (base: string, f: MapFilters, clusterId: number) => {
  const p = filterParams({ ...f, bbox: undefined });
  return request<{ zoom: number }>(base, `/v1/map/clusters/${clusterId}/zoom?${p}`);
};

export type Place = z.output<typeof PlaceSchema>;

/** `GET /v1/map/places`: streets and places in Kraków matching `q` (404 `places_off` when the server has no geocoder). */
export const findPlaces = (base: string, q: string, lang: string, signal?: AbortSignal) =>
  request<{ items: Place[] }>(base, `/v1/map/places?${new URLSearchParams({ q, lang })}`, { signal });
