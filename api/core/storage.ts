import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AwsClient } from 'aws4fetch';
import type { Config } from '../config.js';
import { randomToken } from './ids.js';

/**
 * Where uploaded files live, outside the database row: a folder by default (`FILES_DIR`), or an
 * S3-compatible bucket (`S3_ENDPOINT`, `S3_BUCKET`, …) when several instances share the files.
 * Keys are chosen by the app (`advice/<case>/<id>`), never by the uploader.
 */
export interface FileStorage {
  /** Stores the whole file under `key`; a file is either complete or absent, never partial. */
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The file, or null when there is none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the file; no error when it is already gone. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9/_-]{0,200}$/i;
function checkKey(key: string) {
  if (!KEY.test(key) || key.includes('..') || key.includes('//')) throw new Error(`Invalid storage key: ${key}`);
}

/** A folder: each file is written beside its final name and renamed into place, so a failed write leaves nothing. */
export function folderStorage(dir: string): FileStorage {
  const root = resolve(dir);
  const path = (key: string) => (checkKey(key), join(root, key));
  return {
    async put(key, data) {
      const final = path(key);
      await mkdir(dirname(final), { recursive: true });
      const part = `${final}.${randomToken().slice(0, 12)}.part`;
      try {
        await writeFile(part, data, { flag: 'wx' });
        await rename(part, final);
      } catch (err) {
        await rm(part, { force: true });
        throw err;
      }
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(path(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(path(key), { force: true });
    },
  };
}

export interface S3Options {
  /** `https://s3.example.org` (path-style requests: `<endpoint>/<bucket>/<key>`). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** An S3-compatible bucket (AWS, MinIO, Ceph…), with SigV4-signed requests (aws4fetch). */
export function s3Storage(o: S3Options, fetchFn: typeof fetch = fetch): FileStorage {
  const client = new AwsClient({ accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey, region: o.region, service: 's3' });
  const url = (key: string) => (checkKey(key), `${o.endpoint.replace(/\/$/, '')}/${encodeURIComponent(o.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`);
  const send = async (key: string, init: RequestInit) => fetchFn(await client.sign(url(key), init));
  return {
    async put(key, data, contentType) {
      const res = await send(key, { method: 'PUT', body: data as Uint8Array<ArrayBuffer>, headers: { 'content-type': contentType } });
      if (!res.ok) throw new Error(`S3 PUT ${key}: ${res.status}`);
    },
    async get(key) {
      const res = await send(key, { method: 'GET' });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`S3 GET ${key}: ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await send(key, { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key}: ${res.status}`);
    },
  };
}

const byConfig = new WeakMap<Config, FileStorage>();

/** The storage the configuration names (one per configuration object). */
export function storageFor(config: Config): FileStorage {
  let s = byConfig.get(config);
  if (!s) byConfig.set(config, (s = config.files.s3 ? s3Storage(config.files.s3) : folderStorage(config.files.dir)));
  return s;
}
