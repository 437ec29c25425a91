import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { RemarkAccepted, RemarkInput, RemarkList, RemarkListQuery } from '../../common/consultations.schema.js';
import { guardAnonymousWrite } from '../core/abuse.js';
import { cachedRead } from '../core/cache.js';
import { idempotent, writeOnce } from '../core/idempotency.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest, LinkToken } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { confirmRemark, publicConsultation, publicRemarkPage, readVersion, submitRemark } from './consultations.service.js';

/** Remarks on a consultation: the published ones, a new one, and its e-mailed confirmation. Mounted at /v1/consultations. */
export const remarkRoutes = createRouter();

export const Token = z.object({ token: LinkToken });

remarkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/remarks',
    tags: ['consultations'],
    summary: 'Published remarks, filtered by unit (`document` for the whole document), author type and decision. Decisions and responses are null until the report is published.',
    description: 'In document order, then oldest first, at most `limit` per page; `next` is the cursor of the following page (pass it as `after`). A cursor this server did not issue is a 422.',
    request: { params: IdParam, query: RemarkListQuery },
    responses: { 200: jsonContent(RemarkList, 'Remarks'), 304: { description: 'Not modified' }, ...ErrorResponses },
    middleware: [cachedRead((c) => readVersion(c.var.db))] as const,
  }),
  async (c) => {
    const row = await publicConsultation(c.var.db, c.req.valid('param').id);
    return c.json(await publicRemarkPage(c.var.db, row, c.req.valid('query')), 200);
  },
);

remarkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/remarks',
    tags: ['consultations'],
    summary:
      'Submit a remark while the consultation is open (server clock). It waits for the e-mailed confirmation link when the consultation asks for one, then for moderation under pre-moderation. 409 `consultation_not_open` before the start, `consultation_closed` after the end.',
    request: { params: IdParam, ...jsonRequest(RemarkInput) },
    responses: { 202: jsonContent(RemarkAccepted, 'Received'), 409: jsonContent(z.any(), 'Not open'), ...ErrorResponses },
    middleware: [idempotent('consultations:remark'), guardAnonymousWrite({ scope: 'consultations:remark', limit: 20, windowSec: 3600 })] as const,
  }),
  async (c) => writeOnce(c, 202, (_trx, vars) => submitRemark(vars, c.req.valid('param').id, c.req.valid('json'))),
);

remarkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/remarks/confirm',
    tags: ['consultations'],
    summary: 'Confirm a remark with the e-mailed link (single use). Works after the close too, since the remark came in time, but not once the report is out.',
    request: jsonRequest(Token),
    responses: { 200: jsonContent(z.object({ id: z.string(), consultationId: z.string(), status: z.enum(['pending', 'published']) }), 'Confirmed'), ...ErrorResponses },
  }),
  async (c) => c.json(await confirmRemark(c.var, c.req.valid('json').token), 200),
);
