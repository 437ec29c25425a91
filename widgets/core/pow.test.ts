import { expect } from '@open-wc/testing';
import type { AltchaChallenge } from '../../common/abuse.js';
import { powWhere, solveAltcha } from './pow.solver.js';
import { searchPow } from './pow.work.js';

async function sha256hex(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function makeChallenge(number: number, maxnumber: number): Promise<AltchaChallenge> {
  const salt = `s${Math.random().toString(36).slice(2)}?expires=9999999999&`;
  return { algorithm: 'SHA-256', challenge: await sha256hex(salt + number), maxnumber, salt, signature: 'sig-from-server' };
}

/** Runs `fn` while recording the URL of every worker the page starts. */
async function recordingWorkers<T>(fn: () => Promise<T>): Promise<{ result: T; workers: string[] }> {
  const workers: string[] = [];
  const OriginalWorker = window.Worker;
  window.Worker = class extends OriginalWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      workers.push(String(url));
      super(url, options);
    }
  };
  try {
    return { result: await fn(), workers };
  } finally {
    window.Worker = OriginalWorker;
  }
}

describe('proof of work', () => {
  it('solves a challenge in a worker loaded as a file of the widget host, never a blob:', async () => {
    const c = await makeChallenge(1234, 5000);
    const { result, workers } = await recordingWorkers(() => solveAltcha(c));
    expect(JSON.parse(atob(result))).to.deep.equal({ algorithm: 'SHA-256', challenge: c.challenge, number: 1234, salt: c.salt, signature: 'sig-from-server' });
    expect(workers).to.have.length(1);
    const url = new URL(workers[0]!);
    expect(url.origin).to.equal(location.origin);
    expect(url.pathname).to.match(/\/widgets\/core\/pow\.worker\.ts$/);
  });

  it('solves on the main thread where the page is of another origin than the widget host', async () => {
    expect(powWhere(new URL('/widgets/chunks/pow-worker-abc.js', location.href))).to.equal('worker');
    expect(powWhere(new URL('https://ngo.example.org/widgets/chunks/pow-worker-abc.js'))).to.equal('main');
    const c = await makeChallenge(777, 2000);
    const { result, workers } = await recordingWorkers(() => solveAltcha(c, undefined, 'main'));
    expect(JSON.parse(atob(result)).number).to.equal(777);
    expect(workers).to.deep.equal([]);
  });

  it('on the main thread, yields while searching instead of blocking it', async () => {
    const long: number[] = [];
    const observer = new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const c = await makeChallenge(30_000, 30_000);
    const started = performance.now();
    expect(await searchPow(c)).to.equal(30_000);
    const elapsed = performance.now() - started;
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    // A search that blocked the thread would be one long task as long as the search itself. Slices
    // of it may still pass 50 ms when the machine is starved of CPU (other tests, other processes),
    // so the bound is on the share of the search spent in long tasks, not on their absence. (No
    // count of frames or timers: a test page in a background tab gets no frames, and slow timers.)
    const blocked = long.reduce((sum, d) => sum + d, 0);
    expect(elapsed, 'the search takes long enough to show a blocked thread').to.be.greaterThan(50);
    expect(blocked, `long tasks ${long.join(', ')} ms while searching for ${Math.round(elapsed)} ms`).to.be.lessThan(elapsed / 2);
  });

  it('finds 0 and maxnumber itself', async () => {
    expect(JSON.parse(atob(await solveAltcha(await makeChallenge(0, 10)))).number).to.equal(0);
    expect(JSON.parse(atob(await solveAltcha(await makeChallenge(450, 450)))).number).to.equal(450);
  });

  it('rejects a challenge without a solution below maxnumber', async () => {
    const c = await makeChallenge(900, 300);
    let error: unknown;
    try {
      await solveAltcha(c);
    } catch (err) {
      error = err;
    }
    expect(String(error)).to.contain('no solution');
  });

  it('stops when aborted', async () => {
    const ctl = new AbortController();
    const p = solveAltcha(await makeChallenge(5_000_000, 10_000_000), ctl.signal);
    ctl.abort(new DOMException('stop', 'AbortError'));
    let error: unknown;
    try {
      await p;
    } catch (err) {
      error = err;
    }
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
