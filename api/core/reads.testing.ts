import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { createRouter } from './validation.js';
import { defineModule } from './module.js';

/**
 * Test-only public reads, mounted by passing this module in a test's module list (never in
 * `api/modules.ts`): one that waits until the test lets it go, one that runs `pg_sleep`.
 */
const routes = createRouter();
let waiting: (() => void)[] = [];

/** Lets every held `GET /v1/zz-slow/hold` answer. */
export const releaseHeld = () => {
  for (const go of waiting) go();
  waiting = [];
};

routes.openapi(
  createRoute({ method: 'get', path: '/hold', tags: ['test'], responses: { 200: { description: 'Released' } } }),
  async (c) => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    return c.json({ ok: true }, 200);
  },
);

routes.openapi(
  createRoute({ method: 'get', path: '/sleep', tags: ['test'], request: { query: z.object({ s: z.coerce.number().min(0).max(600) }) }, responses: { 200: { description: 'Slept' } } }),
  async (c) => {
    await sql`select pg_sleep(${c.req.valid('query').s})`.execute(c.var.db);
    return c.json({ ok: true }, 200);
  },
);

export const slowReadsModule = defineModule({ slug: 'zz-slow', routes });
