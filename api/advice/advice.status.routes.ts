import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import type { MiddlewareHandler } from 'hono';
import { ATTACHMENT_LIMITS } from '../../common/advice.js';
import { AttachmentInfo, BookInput, Booking, ReplyInput, SatisfactionInput, StatusView, TokenBody, TokenQuery, UploadQuery } from '../../common/advice.schema.js';
import type { AppEnv } from '../core/context.js';
import { downloadHeaders } from '../core/export.js';
import { idempotent, writeOnce } from '../core/idempotency.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest } from '../core/openapi.js';
import { enforce } from '../core/rate-limit.js';
import { readUpload } from '../core/uploads.js';
import { createRouter } from '../core/validation.js';
import { STATUS_LINK, UPLOAD_LINK } from './advice.mail.js';
import { bookByLink, cancelBooking, caseByLink, rateCase, readAttachment, requesterReply, statusView, storeAttachment } from './advice.service.js';

/**
 * The requester's status page, behind the secret link (no account), mounted at /v1/advice. Every
 * bad token is the same 404 `link_invalid`; tokens are stored hashed, and each client may try
 * only so many per minute.
 */
export const statusRoutes = createRouter();

const byLink: MiddlewareHandler<AppEnv> = async (c, next) => {
  await enforce(c.var.db, `advice:status:${c.var.ipHash}`, { limit: 120, windowSec: 60 });
  c.header('Cache-Control', 'private, no-store');
  c.header('Referrer-Policy', 'no-referrer');
  await next();
};

const STATUS_PATHS = ['/status', '/status/*'];
for (const p of STATUS_PATHS) statusRoutes.use(p, byLink);

statusRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/status',
    tags: ['advice'],
    summary: 'The status page of a case: status, thread (without internal notes), files, booking, and what the requester may do',
    request: { query: TokenQuery },
    responses: { 200: jsonContent(StatusView, 'The case'), ...ErrorResponses },
  }),
  async (c) => {
    const { row } = await caseByLink(c.var.db, c.req.valid('query').token);
    return c.json(await statusView(c.var.db, row), 200);
  },
);

statusRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/status/replies',
    tags: ['advice'],
    summary: 'The requester replies, with files uploaded before (`attachmentIds`); a case waiting for them goes back to work. 409 `case_closed` once closed. With an `Idempotency-Key`, a retried reply is answered from the first and stored once.',
    request: jsonRequest(ReplyInput),
    responses: { 201: jsonContent(z.object({ status: StatusView.shape.status }), 'Sent'), 409: jsonContent(z.any(), 'Closed'), ...ErrorResponses },
    middleware: [idempotent('advice:reply')] as const,
  }),
  async (c) => {
    const body = c.req.valid('json');
    return writeOnce(c, 201, async (trx, vars) => {
      const { row } = await caseByLink(trx, body.token);
      return requesterReply(vars, row, body.body, body.attachmentIds);
    });
  },
);

statusRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/status/booking',
    tags: ['advice'],
    summary: 'Book a free slot of the case\'s topic (GET /v1/advice/slots); the confirmation mail carries an .ics. Of concurrent bookings of one slot exactly one succeeds; the others get 409 `slot_taken`. 409 `already_booked` while the case has a meeting.',
    request: jsonRequest(BookInput),
    responses: { 201: jsonContent(Booking, 'Booked'), 409: jsonContent(z.any(), 'Taken'), ...ErrorResponses },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { row } = await caseByLink(c.var.db, body.token);
    return c.json(await bookByLink(c.var, row, body.slotId), 201);
  },
);

statusRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/status/booking/cancel',
    tags: ['advice'],
    summary: 'Cancel the booked meeting before it begins; the slot is free again and the adviser is told',
    request: jsonRequest(TokenBody),
    responses: { 200: jsonContent(z.object({ slotId: z.string() }), 'Cancelled'), ...ErrorResponses },
  }),
  async (c) => {
    const { row } = await caseByLink(c.var.db, c.req.valid('json').token);
    return c.json(await cancelBooking(c.var, row, 'requester'), 200);
  },
);

statusRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/status/satisfaction',
    tags: ['advice'],
    summary: 'The short satisfaction question after closing (1–5), once',
    request: jsonRequest(SatisfactionInput),
    responses: { 200: jsonContent(z.object({ satisfaction: z.number() }), 'Recorded'), 409: jsonContent(z.any(), 'Not closed or already answered'), ...ErrorResponses },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { row } = await caseByLink(c.var.db, body.token);
    return c.json(await rateCase(c.var.db, row, body.score), 200);
  },
);

statusRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/status/attachments',
    tags: ['advice'],
    summary: `Upload one file to the case: the body is the file (\`application/octet-stream\`), \`name\` its file name. PDF, ODT, DOCX, XLSX, JPG or PNG, checked by content (422 \`attachment_type\`), at most ${ATTACHMENT_LIMITS.maxBytes} bytes (413), ${ATTACHMENT_LIMITS.perCase} per case (409 \`attachment_limit\`). The status token, or the form's \`uploadToken\`.`,
    request: { query: UploadQuery, body: { content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } }, required: true } },
    responses: { 201: jsonContent(AttachmentInfo, 'Stored'), 409: jsonContent(z.any(), 'Too many files, or the case is closed'), ...ErrorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const { row } = await caseByLink(c.var.db, q.token, [STATUS_LINK, UPLOAD_LINK]);
    const data = await readUpload(c.req.raw, ATTACHMENT_LIMITS.maxBytes);
    return c.json(await storeAttachment(c.var, row, 'requester', q.name, data), 201);
  },
);

statusRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/status/attachments/{id}',
    tags: ['advice'],
    summary: 'A file of the case, always as a download (`Content-Disposition: attachment`, `nosniff`), never inline',
    request: { params: IdParam, query: TokenQuery },
    responses: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } }, ...ErrorResponses },
  }),
  async (c) => {
    const { row } = await caseByLink(c.var.db, c.req.valid('query').token);
    const { row: file, data } = await readAttachment(c.var, row.id, c.req.valid('param').id);
    return new Response(data as Uint8Array<ArrayBuffer>, { status: 200, headers: downloadHeaders(file.filename, file.content_type) });
  },
);

/** The upload paths, for the manifest's `uploads`. */
export const PUBLIC_UPLOADS = ['/v1/advice/status/attachments'];
