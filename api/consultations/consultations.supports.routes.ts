import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { SupportInput } from '../../common/consultations.schema.js';
import { guardAnonymousWrite } from '../core/abuse.js';
import { idempotent, writeOnce } from '../core/idempotency.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest, RecordId } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { Token } from './consultations.remarks.routes.js';
import { confirmSupportByLink, submitSupport } from './consultations.service.js';

/** Organisations backing a published remark, and the e-mailed confirmation of their support. Mounted at /v1/consultations. */
export const supportRoutes = createRouter();

supportRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/remarks/{remarkId}/supports',
    tags: ['consultations'],
    summary: 'Support a published remark instead of writing a duplicate, while the consultation is open. Counts once confirmed by the e-mailed link (when the consultation asks for it).',
    request: { params: IdParam.extend({ remarkId: RecordId }), ...jsonRequest(SupportInput) },
    responses: { 202: jsonContent(z.object({ id: z.string(), status: z.enum(['unconfirmed', 'published']) }), 'Received'), ...ErrorResponses },
    middleware: [idempotent('consultations:support'), guardAnonymousWrite({ scope: 'consultations:support', limit: 20, windowSec: 3600 })] as const,
  }),
  async (c) => {
    const { id, remarkId } = c.req.valid('param');
    return writeOnce(c, 202, (_trx, vars) => submitSupport(vars, id, remarkId, c.req.valid('json')));
  },
);

supportRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/supports/confirm',
    tags: ['consultations'],
    summary: 'Confirm a support with the e-mailed link (single use)',
    request: jsonRequest(Token),
    responses: { 200: jsonContent(z.object({ id: z.string(), consultationId: z.string(), remarkId: z.string(), status: z.literal('published') }), 'Confirmed'), ...ErrorResponses },
  }),
  async (c) => c.json(await confirmSupportByLink(c.var, c.req.valid('json').token), 200),
);
