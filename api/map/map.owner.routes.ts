import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { AbuseSchema } from '../../common/abuse.schema.js';
import { OrganisationInput } from '../../common/map.schema.js';
import { LANGS } from '../../common/taxonomy.js';
import { guardAnonymousWrite } from '../core/abuse.js';
import { idempotent, writeOnce } from '../core/idempotency.js';
import { ErrorResponses, jsonContent, jsonRequest, LinkToken } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { ownerEdit, ownerView } from './map.service.js';
import { Accepted } from './map.submissions.routes.js';

/** An owner's own entry, behind the secret link sent on approval and in the yearly reminder. Mounted at /v1/map/owner. */
export const ownerRoutes = createRouter();


const OwnerView = z.object({ organisationId: z.string(), organisation: OrganisationInput, pendingEdit: z.boolean() }).meta({ id: 'OwnerView' });

ownerRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/view',
    tags: ['map'],
    summary: "The owner's own entry, opened with the secret link sent on approval and in the yearly reminder (the token in the body)",
    request: jsonRequest(z.object({ token: LinkToken })),
    responses: { 200: jsonContent(OwnerView, 'The entry as the owner may edit it'), ...ErrorResponses },
  }),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await ownerView(c.var, c.req.valid('json').token), 200);
  },
);

ownerRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/edit',
    tags: ['map'],
    summary: "The owner's edit of their entry, with the link's token in the body; it goes back to moderation",
    request: {
      ...jsonRequest(z.object({ token: LinkToken, organisation: OrganisationInput, note: z.string().trim().max(2000).default(''), lang: z.enum(LANGS).default('pl'), abuse: AbuseSchema })),
    },
    responses: { 202: jsonContent(Accepted, 'Waiting for moderation'), ...ErrorResponses },
    middleware: [idempotent('map:owner-edit'), guardAnonymousWrite({ scope: 'map:owner', limit: 20, windowSec: 3600 })] as const,
  }),
  async (c) => {
    const { token, ...body } = c.req.valid('json');
    return writeOnce(c, 202, (_trx, vars) => ownerEdit(vars, token, body));
  },
);
