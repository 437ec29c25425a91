// The proof-of-work worker. Built into /widgets/pow-worker-<hash>.js (see rollup.config.js) and
// started by pow.solver.ts as `new Worker(url, { type: 'module' })` where the page shares the widget
// host's origin. Message in: a `PowTask`; message out: `{ number }` (-1: no solution) or `{ error }`.
import { searchPow, type PowTask } from './pow.work.js';

addEventListener('message', (e: MessageEvent<PowTask>) => {
  searchPow(e.data, { sliceMs: 50, yieldBetween: false }).then(
    (number) => postMessage({ number }),
    (err: unknown) => postMessage({ error: String(err) }),
  );
});
