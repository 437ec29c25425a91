/**
 * An evenly paced open-loop load generator: request i is sent at `start + i / rate` seconds
 * whatever became of the earlier ones, and its latency counts from that scheduled time, so a
 * server that falls behind shows it (a closed loop, or autocannon's bursts, would slow down with
 * it and hide the queue). Latencies are kept per request class.
 */

export interface LoadRequest { cls: string; url: string; init?: RequestInit }

export interface ClassResult { cls: string; sent: number; errors: number; /** What the errors were: status codes, `timeout` or `network`, most frequent first. */ why: string; p50: number; p95: number; p99: number; p999: number; max: number }

/** A request slower than this counts as an error (and is given up on). */
export const TIMEOUT_MS = 10_000;

const percentile = (sorted: number[], q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;

export function summarise(cls: string, latencies: number[], errors: number, why: Map<string, number> = new Map()): ClassResult {
  const s = [...latencies].sort((a, b) => a - b);
  const reasons = [...why].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}×${n}`).join(' ');
  return { cls, sent: s.length, errors, why: reasons, p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99), p999: percentile(s, 0.999), max: percentile(s, 1) };
}

/** Sends every request at its scheduled time; `ok` decides what counts as an error (default: not 2xx). Returns the classes in first-seen order and `all`. */
export async function openLoop(origin: string, requests: LoadRequest[], rate: number, ok: (res: Response, r: LoadRequest) => boolean = (res) => res.ok): Promise<{ classes: ClassResult[]; all: ClassResult }> {
  const latencies = new Map<string, number[]>();
  const errors = new Map<string, number>();
  const why = new Map<string, Map<string, number>>();
  const start = performance.now() + 100;
  const inFlight: Promise<void>[] = [];
  for (const r of requests) if (!latencies.has(r.cls)) latencies.set(r.cls, []);
  for (let i = 0; i < requests.length; i++) {
    const r = requests[i]!;
    const scheduled = start + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((done) => setTimeout(done, wait));
    const record = (failure: string | null) => {
      latencies.get(r.cls)!.push(performance.now() - scheduled);
      if (failure === null) return;
      errors.set(r.cls, (errors.get(r.cls) ?? 0) + 1);
      const w = why.get(r.cls) ?? new Map<string, number>();
      w.set(failure, (w.get(failure) ?? 0) + 1);
      why.set(r.cls, w);
    };
    inFlight.push(
      (async () => {
        try {
          const res = await fetch(origin + r.url, { ...r.init, signal: AbortSignal.timeout(TIMEOUT_MS) });
          const body = await res.arrayBuffer();
          if (ok(res, r)) return record(null);
          // The envelope's code says which 422 or 503 it was (`too_fast`, `service_busy`…).
          let code = '';
          try {
            code = (JSON.parse(Buffer.from(body).toString('utf8')) as { error?: { code?: string } }).error?.code ?? '';
          } catch {
            /* not JSON */
          }
          record(code ? `${res.status} ${code}` : String(res.status));
        } catch (err) {
          // Refused, reset, or not answered (headers or body) within TIMEOUT_MS.
          record((err as Error).name === 'TimeoutError' ? 'timeout' : 'network');
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  const classes = [...latencies].map(([cls, l]) => summarise(cls, l, errors.get(cls) ?? 0, why.get(cls)));
  const allWhy = new Map<string, number>();
  for (const w of why.values()) for (const [k, n] of w) allWhy.set(k, (allWhy.get(k) ?? 0) + n);
  return { classes, all: summarise('all', [...latencies.values()].flat(), [...errors.values()].reduce((a, b) => a + b, 0), allWhy) };
}
