import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { SubmissionInput } from '../../common/map.schema.js';
import { guardAnonymousWrite } from '../core/abuse.js';
import { idempotent, writeOnce } from '../core/idempotency.js';
import { ErrorResponses, jsonContent, jsonRequest, LinkToken } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { confirmSubmission, submitOrganisation } from './map.service.js';

/** New entries and corrections from the public, and their e-mailed confirmation. Mounted at /v1/map/submissions. */
export const submissionRoutes = createRouter();

export const Accepted = z.object({ id: z.string(), status: z.string() }).meta({ id: 'SubmissionAccepted' });
export const TokenParam = z.object({ token: LinkToken });

submissionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['map'],
    summary: 'Add an organisation, or suggest a correction to an entry. Lands unconfirmed until the submitter follows the e-mailed link, then waits for moderation.',
    request: jsonRequest(SubmissionInput),
    responses: { 202: jsonContent(Accepted, 'Received; a confirmation link was e-mailed'), ...ErrorResponses },
    middleware: [idempotent('map:submission'), guardAnonymousWrite({ scope: 'map:submit', limit: 10, windowSec: 3600 })] as const,
  }),
  async (c) => writeOnce(c, 202, (_trx, vars) => submitOrganisation(vars, c.req.valid('json'))),
);

submissionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/confirm',
    tags: ['map'],
    summary: 'Confirm a submission with the secret link from the e-mail; it then goes to moderation',
    request: jsonRequest(TokenParam),
    responses: { 200: jsonContent(Accepted, 'Confirmed, waiting for moderation'), ...ErrorResponses },
  }),
  async (c) => c.json(await confirmSubmission(c.var, c.req.valid('json').token), 200),
);
