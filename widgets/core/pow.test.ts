import { expect } from '@open-wc/testing';
import type { AltchaChallenge } from '../../common/abuse.js';
import { solveAltcha } from './pow.solver.js';

async function sha256hex(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function makeChallenge(number: number, maxnumber: number): Promise<AltchaChallenge> {
  const salt = `s${Math.random().toString(36).slice(2)}?expires=9999999999&`;
  return { algorithm: 'SHA-256', challenge: await sha256hex(salt + number), maxnumber, salt, signature: 'sig-from-server' };
}

describe('proof of work', () => {
  it('solves a challenge in a worker and returns the altcha payload', async () => {
    const workers: string[] = [];
    const OriginalWorker = window.Worker;
    window.Worker = class extends OriginalWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        workers.push(String(url));
        super(url, options);
      }
    };
    try {
      const c = await makeChallenge(1234, 5000);
      const payload = JSON.parse(atob(await solveAltcha(c)));
      expect(payload).to.deep.equal({ algorithm: 'SHA-256', challenge: c.challenge, number: 1234, salt: c.salt, signature: 'sig-from-server' });
    } finally {
      window.Worker = OriginalWorker;
    }
    expect(workers).to.have.length(1);
    expect(workers[0]).to.match(/^blob:/);
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
