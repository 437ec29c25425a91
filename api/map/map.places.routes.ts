import { createRoute } from '@hono/zod-openapi';
import { PlaceList, PlaceQuery } from '../../common/map.schema.js';
import { ErrorEnvelopeSchema, ErrorResponses, jsonContent } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { findPlaces } from './map.places.js';

/** `GET /v1/map/places`: find a street or place in Kraków, to centre the map there. */
export const placeRoutes = createRouter();

placeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['map'],
    summary: 'Find a street or place in Kraków (to centre the map there)',
    description:
      'Asks the Nominatim-compatible geocoder the operator configured (`GEOCODER_URL`) for places inside Kraków. ' +
      'Off unless configured (404 `places_off`). Each client may search `GEOCODER_CLIENT_PER_MINUTE` times a minute (429 `rate_limited`); ' +
      'when the geocoder does not answer, or all instances together have asked it `GEOCODER_PER_MINUTE` times this minute, the answer is 503 `places_unavailable`. ' +
      'Answers may be cached for a day.',
    request: { query: PlaceQuery },
    responses: {
      200: jsonContent(PlaceList, 'Up to 5 places inside Kraków, best first (an empty list when nothing matched)'),
      ...ErrorResponses,
      404: jsonContent(ErrorEnvelopeSchema, '`places_off`: place search is not configured on this server'),
      503: jsonContent(ErrorEnvelopeSchema, '`places_unavailable`: the geocoder did not answer or is busy; see Retry-After'),
    },
  }),
  async (c) => {
    const { q, lang } = c.req.valid('query');
    const items = await findPlaces(c.var.db, c.var.config, q, lang, c.var.ipHash);
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('Vary', 'Accept-Encoding');
    return c.json({ items }, 200);
  },
);
