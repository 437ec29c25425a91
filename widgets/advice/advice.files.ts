import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from '../../common/advice.js';

/**
 * The attachment checks of the advice form and of the status page, in a module of their own: the
 * status page needs only these, not the form's model (which brings the public-form kit along).
 */
const EXTS = Object.keys(ATTACHMENT_TYPES);
/** The file checks the server makes by name and size (it checks the content too): the first problem, as a key and its values. */
export function checkFiles(files: readonly File[], already = 0): { key: 'err.file_type' | 'err.file_size' | 'err.file_count'; vars: Record<string, string | number> } | null {
  if (files.length + already > ATTACHMENT_LIMITS.perCase) return { key: 'err.file_count', vars: { count: ATTACHMENT_LIMITS.perCase } };
  for (const f of files) {
    const ext = (f.name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '').replace('jpeg', 'jpg');
    if (!EXTS.includes(ext)) return { key: 'err.file_type', vars: { name: f.name } };
    if (f.size > ATTACHMENT_LIMITS.maxBytes) return { key: 'err.file_size', vars: { name: f.name, size: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024 } };
  }
  return null;
}
