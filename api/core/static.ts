import { Hono } from 'hono';
import type { Config } from '../config.js';
import type { AppEnv } from './context.js';

// PLACEHOLDER: replaced by the real /widgets, /demo and /embed serving.
export function staticRoutes(_config: Config) {
  return new Hono<AppEnv>();
}
