/** A coordinate as typed: a decimal number, with a dot or a comma; NaN otherwise. */
export const parseCoord = (v: string): number => (/^\s*-?\d+([.,]\d+)?\s*$/.test(v) ? Number(v.trim().replace(',', '.')) : NaN);

/** A point from typed coordinates, when both are numbers; null otherwise (no pin). */
export function pointOf(latText: string, lonText: string): { lat: number; lon: number } | null {
  const [lat, lon] = [parseCoord(latText.trim()), parseCoord(lonText.trim())];
  return latText.trim() && lonText.trim() && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}

type Ring = readonly (readonly number[])[];
/** Ray casting: whether `[lon, lat]` lies inside a ring of `[lon, lat]` points. */
function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const inPolygon = (lon: number, lat: number, rings: readonly Ring[]) => !!rings[0] && inRing(lon, lat, rings[0]) && !rings.slice(1).some((hole) => inRing(lon, lat, hole));

/**
 * The district (1–18) whose outline holds the point, from the operator's boundaries file (a GeoJSON
 * FeatureCollection whose features carry `district`, `id` or `number`); null outside every outline.
 */
export function districtAt(geo: GeoJSON.FeatureCollection, lon: number, lat: number): number | null {
  for (const f of geo.features ?? []) {
    const n = Number(f.properties?.district ?? f.properties?.id ?? f.properties?.number ?? NaN);
    if (!Number.isInteger(n) || n < 1 || n > 18 || !f.geometry) continue;
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    if (polygons.some((rings) => inPolygon(lon, lat, rings))) return n;
  }
  return null;
}
