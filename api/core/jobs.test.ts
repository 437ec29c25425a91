import { describe, expect, it } from 'vitest';
import { repeat } from './jobs.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('repeat', () => {
  it('never overlaps runs, reports errors, and stops after the run in progress', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const errors: unknown[] = [];
    const stop = repeat(
      async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs++;
        await sleep(30);
        active--;
        if (runs === 2) throw new Error('second run fails');
      },
      5,
      (err) => errors.push(err),
    );
    await sleep(120);
    await stop();
    const after = runs;
    await sleep(50);
    expect(maxActive).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBe(after);
    expect(active).toBe(0);
    expect(String(errors[0])).toContain('second run fails');
  });

  it('waits for the first delay before the first run', async () => {
    let runs = 0;
    const stop = repeat(async () => void runs++, 1000, () => {}, 60);
    await sleep(20);
    expect(runs).toBe(0);
    await sleep(80);
    expect(runs).toBe(1);
    await stop();
  });
});
