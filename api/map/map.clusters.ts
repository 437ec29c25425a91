import Supercluster, { type ClusterProperties } from 'supercluster';

export interface MapPoint { id: string; lon: number; lat: number; name: string; kind: string }
type Props = { i: number };

/**
 * Server-side clustering: one supercluster index per filter set and data version, kept in a small
 * LRU. The widget asks for the clusters of its viewport, so 50,000 entries never cross the wire at once.
 */
export class ClusterCache {
  private entries = new Map<string, { index: Supercluster<Props>; points: MapPoint[] }>();
  constructor(private readonly max = 16) {}

  async get(key: string, load: () => Promise<MapPoint[]>) {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const points = await load();
    const index = new Supercluster<Props>({ radius: 60, maxZoom: 17, minPoints: 3 });
    index.load(points.map((p, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })));
    const entry = { index, points };
    this.entries.set(key, entry);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}

/** Compact viewport answer: clusters as `[lon, lat, count, clusterId]`, singles as `[lon, lat, id, name, kind]`. */
export function viewport(entry: { index: Supercluster<Props>; points: MapPoint[] }, bbox: [number, number, number, number], zoom: number) {
  const clusters: [number, number, number, number][] = [];
  const points: [number, number, string, string, string][] = [];
  for (const f of entry.index.getClusters(bbox, zoom)) {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const p = f.properties as Partial<ClusterProperties> & Partial<Props>;
    if (p.cluster) clusters.push([round(lon), round(lat), p.point_count!, p.cluster_id!]);
    else {
      const pt = entry.points[p.i!]!;
      points.push([pt.lon, pt.lat, pt.id, pt.name, pt.kind]);
    }
  }
  return { clusters, points };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
