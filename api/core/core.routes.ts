import { createRoute } from '@hono/zod-openapi';
import { AltchaChallengeSchema } from '../../common/abuse.schema.js';
import { issueChallenge } from './abuse.js';
import { ErrorResponses } from './openapi.js';
import { createRouter } from './validation.js';

/** Shared public endpoints under /v1 (proof-of-work challenge, taxonomy). */
export const coreRoutes = createRouter();

coreRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/challenge',
    tags: ['anti-abuse'],
    summary: 'A proof-of-work challenge (ALTCHA v1) for one anonymous write',
    description:
      'Solve it (find `number` ≤ `maxnumber` with `sha256(salt + number) === challenge`) and send base64 of ' +
      '`{ algorithm, challenge, number, salt, signature }` as `abuse.altcha`. Valid for 10 minutes, once.',
    responses: {
      200: { description: 'A fresh challenge; never cache it', content: { 'application/json': { schema: AltchaChallengeSchema } } },
      429: ErrorResponses[429],
      500: ErrorResponses[500],
    },
  }),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await issueChallenge(c.var.config), 200);
  },
);
