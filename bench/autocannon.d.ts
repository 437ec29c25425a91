// The few parts of autocannon's API the bench uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number; p99_9: number }
  interface Result { requests: Histogram & { total: number; sent: number }; latency: Histogram; throughput: Histogram; errors: number; timeouts: number; non2xx: number; '2xx': number; duration: number }
  interface Options { url: string; connections?: number; duration?: number; pipelining?: number; method?: string; headers?: Record<string, string>; body?: string; requests?: unknown[]; overallRate?: number }
  function autocannon(options: Options): Promise<Result>;
  export = autocannon;
}
