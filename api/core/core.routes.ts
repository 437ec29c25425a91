import { createRouter } from './validation.js';

/** Shared public endpoints under /v1 (proof-of-work challenge, taxonomy). */
export const coreRoutes = createRouter();
