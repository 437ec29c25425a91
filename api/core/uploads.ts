import { fileTypeFromBuffer } from 'file-type';
import { ApiError } from './errors.js';

/**
 * Raw file uploads: the body is the file itself (`Content-Type: application/octet-stream`), on the
 * paths a module lists in its manifest's `uploads` (the JSON body check lets them through). The
 * route reads it with `readUpload`, which stops at the size limit, and checks the type by content
 * with `detectUploadType`.
 */
export const UPLOAD_CONTENT_TYPE = 'application/octet-stream';

export const uploadTooLarge = (limit: number) => new ApiError(413, 'payload_too_large', `The file exceeds ${limit} bytes`);

/**
 * The whole body, at most `maxBytes` (413 past it, read no further). A body cut off on the way
 * (the client went away) is 400 `upload_incomplete`: nothing of it is kept.
 */
export async function readUpload(req: Request, maxBytes: number): Promise<Uint8Array> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== UPLOAD_CONTENT_TYPE) throw new ApiError(415, 'unsupported_media_type', `Send the file as ${UPLOAD_CONTENT_TYPE}`);
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw uploadTooLarge(maxBytes);
  if (!req.body) throw new ApiError(422, 'validation_failed', 'The file is empty', { issues: [{ path: '(body)', code: 'required', message: 'The file is empty' }] });
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      throw new ApiError(400, 'upload_incomplete', 'The upload was cut off; send the file again');
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined);
      throw uploadTooLarge(maxBytes);
    }
    chunks.push(step.value);
  }
  if (size === 0) throw new ApiError(422, 'validation_failed', 'The file is empty', { issues: [{ path: '(body)', code: 'required', message: 'The file is empty' }] });
  return Buffer.concat(chunks);
}

/** File-name extensions that mean the same type. */
const SAME_EXT: Record<string, string> = { jpeg: 'jpg' };
const extOf = (name: string) => {
  const e = name.toLowerCase().match(/\.([a-z0-9]{1,8})$/)?.[1] ?? '';
  return SAME_EXT[e] ?? e;
};

/**
 * The type of an upload by its content (magic numbers, and the parts inside ZIP-based office
 * files), which must be one of `allowed` (extension → MIME type) and agree with the file name's
 * extension; 422 `attachment_type` otherwise (an `.exe` renamed to `.pdf`, HTML named `.png`).
 */
export async function detectUploadType<E extends string>(data: Uint8Array, filename: string, allowed: Readonly<Record<E, string>>): Promise<{ ext: E; mime: string }> {
  const found = await fileTypeFromBuffer(data);
  const ext = found ? (SAME_EXT[found.ext] ?? found.ext) : null;
  if (!ext || !Object.hasOwn(allowed, ext) || extOf(filename) !== ext) {
    throw new ApiError(422, 'attachment_type', 'This type of file is not accepted', { accepted: Object.keys(allowed), detected: found?.mime ?? null });
  }
  return { ext: ext as E, mime: allowed[ext as E] };
}

