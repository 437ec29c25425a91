import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { EditionParam, MailingInput, MailingQueuedSchema, OpenLinkInput, OpenLinkSchema, TokenBatchInput, TokenLinksSchema } from '../../common/surveys.schema.js';
import { GROUP_LABELS, RESPONDENT_GROUPS, textIn, type Texts } from '../../common/surveys.js';
import { sendTable, tableContent } from '../core/export.js';
import { ApiError, notFound } from '../core/errors.js';
import { randomToken, sha256 } from '../core/ids.js';
import { ErrorResponses, jsonContent, jsonRequest } from '../core/openapi.js';
import { inTransaction } from '../core/transaction.js';
import { createRouter } from '../core/validation.js';
import { insertOpenLink, revokeBatch, revokeOpenLink, type EditionWithVersion } from './surveys.repository.js';
import { createTokenBatch } from './surveys.responses.js';
import { invitationMail, surveyLink } from './surveys.mail.js';
import { editionOr404, editionSummary, surveyOr404 } from './surveys.service.js';

/** Invitations to an edition: one-time link batches (given once, or mailed), their revocation, and open links. Mounted on the surveys staff router (surveys.admin.routes.ts). */
export const surveyInvitationRoutes = createRouter();

const TAGS = ['surveys (staff)'];
const BatchParam = EditionParam.extend({ batch: z.string().min(1).max(64) });
const LinkParam = EditionParam.extend({ id: z.string().min(1).max(64) });

const expiryOf = (row: EditionWithVersion, expiresAt: string | undefined) => (expiresAt ? new Date(expiresAt).toISOString() : row.closes_at);

const batchOut = (b: { batchId: string }, input: { group: (typeof RESPONDENT_GROUPS)[number]; lang: 'pl' | 'en' | 'uk' }, size: number, channel: 'links' | 'mail', expiresAt: string) => ({
  id: b.batchId, group: input.group, size, used: 0, channel, lang: input.lang, expiresAt, revokedAt: null, createdAt: new Date().toISOString(),
});

surveyInvitationRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/editions/{edition}/tokens', tags: TAGS,
    summary: 'A batch of one-time invitation links for a group, given once (only hashes are kept): as JSON, or as a CSV/XLSX file for a mail merge',
    request: { params: EditionParam, ...jsonRequest(TokenBatchInput) },
    responses: {
      201: { description: 'The links', content: { 'application/json': { schema: TokenLinksSchema }, ...tableContent } },
      ...ErrorResponses,
    },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await editionOr404(c.var.db, survey, edition);
    if (editionSummary(row).status === 'closed') throw new ApiError(409, 'survey_closed', 'This survey edition is closed');
    const expiresAt = expiryOf(row, input.expiresAt);
    const b = await createTokenBatch(c.var.db, { editionId: row.id, group: input.group, count: input.count, channel: 'links', lang: input.lang, expiresAt, createdBy: c.var.staff!.id });
    const links = b.tokens.map((token) => surveyLink(c.var.config, survey, input.lang, { token }));
    if (input.format === 'json') return c.json({ batch: batchOut(b, input, input.count, 'links', expiresAt), links }, 201);
    const columns = [{ key: 'no', header: 'nr' }, { key: 'group', header: 'grupa' }, { key: 'link', header: 'link' }, { key: 'expires', header: 'ważny do', type: 'datetime' as const }];
    const rows = links.map((link, i) => ({ no: i + 1, group: textIn(GROUP_LABELS[input.group], input.lang), link, expires: expiresAt }));
    const table = { columns, rows };
    return sendTable(c, table, { format: input.format, dialect: input.dialect, name: `zaproszenia-${survey}-${edition}-${input.group}`, sheet: `${edition} ${input.group}`, status: 201 }) as never;
  },
);

surveyInvitationRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/editions/{edition}/mailings', tags: TAGS,
    summary: 'Mail one invitation to each address through the outbox (pl, en or uk). The addresses are not kept with the tokens; the mails leave the outbox once sent.',
    request: { params: EditionParam, ...jsonRequest(MailingInput) }, responses: { 202: jsonContent(MailingQueuedSchema, 'Queued'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const input = c.req.valid('json');
    const s = await surveyOr404(c.var.db, survey);
    const row = await editionOr404(c.var.db, survey, edition);
    if (editionSummary(row).status === 'closed') throw new ApiError(409, 'survey_closed', 'This survey edition is closed');
    const expiresAt = expiryOf(row, input.expiresAt);
    const title = textIn(JSON.parse(s.title) as Texts, input.lang);
    const b = await inTransaction(c.var.db, async (trx) => {
      const batch = await createTokenBatch(trx, { editionId: row.id, group: input.group, count: input.recipients.length, channel: 'mail', lang: input.lang, expiresAt, createdBy: c.var.staff!.id });
      // The order of the addresses says nothing about the order of the tokens in the table (keyed by hash).
      for (const [i, to] of input.recipients.entries()) {
        await c.var.mailer.enqueue({
          to, template: invitationMail, lang: input.lang,
          data: { title, edition: row.slug, group: textIn(GROUP_LABELS[input.group], input.lang), period: `${row.period_from} – ${row.period_to}`, closes: expiresAt.slice(0, 10), link: surveyLink(c.var.config, survey, input.lang, { token: batch.tokens[i]! }) },
        }, trx);
      }
      return batch;
    });
    return c.json({ batch: batchOut(b, input, input.recipients.length, 'mail', expiresAt), queued: input.recipients.length }, 202);
  },
);

surveyInvitationRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/editions/{edition}/batches/{batch}/revoke', tags: TAGS, summary: "Revoke a batch: its unused links stop working",
    request: { params: BatchParam }, responses: { 200: jsonContent(z.object({ revoked: z.literal(true) }), 'Revoked'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition, batch } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    if (!(await revokeBatch(c.var.db, row.id, batch))) throw notFound('Token batch');
    return c.json({ revoked: true as const }, 200);
  },
);

surveyInvitationRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/editions/{edition}/open-links', tags: TAGS, summary: 'An open link for a group, guarded by the anti-abuse kit; its URL is given only here',
    request: { params: EditionParam, ...jsonRequest(OpenLinkInput) }, responses: { 201: jsonContent(OpenLinkSchema, 'Created'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const { group } = c.req.valid('json');
    const row = await editionOr404(c.var.db, survey, edition);
    const key = randomToken();
    const hash = sha256(key);
    await insertOpenLink(c.var.db, row.id, group, hash, c.var.staff!.id);
    return c.json({ id: hash, group, createdAt: new Date().toISOString(), revokedAt: null, url: surveyLink(c.var.config, survey, 'pl', { link: key }) }, 201);
  },
);

surveyInvitationRoutes.openapi(
  createRoute({
    method: 'delete', path: '/{survey}/editions/{edition}/open-links/{id}', tags: TAGS, summary: 'Revoke an open link',
    request: { params: LinkParam }, responses: { 204: { description: 'Revoked' }, ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition, id } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    if (!(await revokeOpenLink(c.var.db, row.id, id))) throw notFound('Open link');
    return c.body(null, 204);
  },
);
