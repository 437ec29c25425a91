import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Ids come from application code, never from the database. */
export const newId = (): string => randomUUID();
export const nowIso = (d: Date = new Date()): string => d.toISOString();
export const addMs = (d: Date, ms: number): string => new Date(d.getTime() + ms).toISOString();
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
/** 256 random bits, URL-safe. */
export const randomToken = (): string => randomBytes(32).toString('base64url');
