import type { StaffRole } from '../common/taxonomy.js';

/**
 * The authorization matrix: who may call each staff route (`/v1/admin/…`), written out once, by
 * hand, as the reference the running app is tested against (`api/access.matrix.test.ts` calls
 * every route of the OpenAPI document as each role, city-wide and district-scoped, and without a
 * session). A route without a row fails that test, and so does a row without a route.
 *
 * Per role, for a city-wide member (district null) and a district-scoped one (district N):
 * - `none`: 403 for the role, whatever the scope;
 * - `any`: allowed, the district scope does not apply (the session, the staff member's own view);
 * - `district`: allowed; a district-scoped member acts only on records of their district (the
 *   stored record *and* the new input are checked with `assertDistrict`), and their lists are
 *   narrowed to it (`districtScope`). Admins and city-wide members act anywhere;
 * - `city`: a city-wide action (such as the yearly reminder run): allowed for city-wide members,
 *   403 for district-scoped ones.
 * `anonymous: true` only where no session is needed (signing in).
 */
export type Access = 'none' | 'any' | 'district' | 'city';
export type AccessRow = { anonymous: boolean } & Record<StaffRole, Access>;

const signIn: AccessRow = { anonymous: true, admin: 'any', moderator: 'any', editor: 'any', adviser: 'any' };
const session: AccessRow = { anonymous: false, admin: 'any', moderator: 'any', editor: 'any', adviser: 'any' };
/** The map and consultation sections: moderators and editors, within their district. */
const moderated: AccessRow = { anonymous: false, admin: 'any', moderator: 'district', editor: 'district', adviser: 'none' };
const moderatedCityWide: AccessRow = { anonymous: false, admin: 'any', moderator: 'city', editor: 'city', adviser: 'none' };
/** The LIJW survey: editors (and admins), city-wide only; the survey is the city's, not a district's. */
const surveys: AccessRow = { anonymous: false, admin: 'any', moderator: 'none', editor: 'city', adviser: 'none' };
/** The advisory point: advisers and admins, city-wide (an adviser's view is narrowed to their own cases and topics, not to a district). */
const advice: AccessRow = { anonymous: false, admin: 'any', moderator: 'none', editor: 'none', adviser: 'any' };
/** The guide: editors (and admins), city-wide only; it explains the city's rules to every district. */
const guide: AccessRow = { anonymous: false, admin: 'any', moderator: 'none', editor: 'city', adviser: 'none' };
/** Staff accounts, the audit log and the settings: admins only. */
const adminOnly: AccessRow = { anonymous: false, admin: 'any', moderator: 'none', editor: 'none', adviser: 'none' };

/** The outbox: every member reads its list (without recipients or subjects); only admins read a message and resend it. */
const outboxList: AccessRow = session;

/** `METHOD /path` exactly as in the OpenAPI document → who may call it. */
export const ACCESS_MATRIX: Record<string, AccessRow> = {
  'POST /v1/admin/session': signIn,
  // Setting a password from a mailed link, and asking for one: no session (the link or the address is the key).
  'POST /v1/admin/password/forgot': signIn,
  'POST /v1/admin/password/link': signIn,
  'POST /v1/admin/password': signIn,
  'GET /v1/admin/session': session,
  'DELETE /v1/admin/session': session,
  // The start screen: every member, counted within their own role and district scope.
  'GET /v1/admin/waiting': session,

  'GET /v1/admin/map/submissions': moderated,
  'POST /v1/admin/map/submissions/{id}/approve': moderated,
  'POST /v1/admin/map/submissions/{id}/reject': moderated,
  'GET /v1/admin/map/organisations': moderated,
  'POST /v1/admin/map/organisations': moderated,
  'GET /v1/admin/map/organisations/{id}': moderated,
  'PUT /v1/admin/map/organisations/{id}': moderated,
  'POST /v1/admin/map/organisations/{id}/archive': moderated,
  'POST /v1/admin/map/organisations/{id}/publish': moderated,
  'POST /v1/admin/map/reminders': moderatedCityWide,

  'GET /v1/admin/consultations': moderated,
  'POST /v1/admin/consultations': moderated,
  'POST /v1/admin/consultations/document/preview': moderated,
  'GET /v1/admin/consultations/{id}': moderated,
  'PUT /v1/admin/consultations/{id}': moderated,
  'PUT /v1/admin/consultations/{id}/report-texts': moderated,
  'POST /v1/admin/consultations/{id}/publish-answers': moderated,
  'GET /v1/admin/consultations/{id}/remarks': moderated,
  'POST /v1/admin/consultations/remarks/{remarkId}/approve': moderated,
  'POST /v1/admin/consultations/remarks/{remarkId}/reject': moderated,
  'PUT /v1/admin/consultations/remarks/{remarkId}/response': moderated,
  'GET /v1/admin/consultations/{id}/remarks/export': moderated,

  // The event calendar: moderators and editors, within the district of the event's venue.
  'GET /v1/admin/events': moderated,
  'POST /v1/admin/events': moderated,
  'GET /v1/admin/events/series': moderated,
  'GET /v1/admin/events/series/{id}': moderated,
  'POST /v1/admin/events/series': moderated,
  'PUT /v1/admin/events/series/{id}': moderated,
  'GET /v1/admin/events/series/{id}/attendance': moderated,
  'POST /v1/admin/events/series/{id}/certificates': moderated,
  'GET /v1/admin/events/submissions': moderated,
  'POST /v1/admin/events/submissions/{id}/approve': moderated,
  'POST /v1/admin/events/submissions/{id}/reject': moderated,
  'GET /v1/admin/events/{id}': moderated,
  'PUT /v1/admin/events/{id}': moderated,
  'POST /v1/admin/events/{id}/cancel': moderated,
  'POST /v1/admin/events/{id}/checkin': moderated,
  'DELETE /v1/admin/events/{id}/checkin/{registrationId}': moderated,
  'POST /v1/admin/events/{id}/duplicate': moderated,
  'POST /v1/admin/events/{id}/publish': moderated,
  'GET /v1/admin/events/{id}/registrations': moderated,
  'GET /v1/admin/events/{id}/registrations/export': moderated,
  'POST /v1/admin/events/{id}/registrations/{registrationId}/cancel': moderated,

  'GET /v1/admin/surveys': surveys,
  'GET /v1/admin/surveys/{survey}/instruments': surveys,
  'POST /v1/admin/surveys/{survey}/instruments': surveys,
  'GET /v1/admin/surveys/{survey}/instruments/{version}': surveys,
  'PUT /v1/admin/surveys/{survey}/instruments/{version}': surveys,
  'GET /v1/admin/surveys/{survey}/editions': surveys,
  'POST /v1/admin/surveys/{survey}/editions': surveys,
  'GET /v1/admin/surveys/{survey}/editions/{edition}': surveys,
  'PATCH /v1/admin/surveys/{survey}/editions/{edition}': surveys,
  'POST /v1/admin/surveys/{survey}/editions/{edition}/tokens': surveys,
  'POST /v1/admin/surveys/{survey}/editions/{edition}/mailings': surveys,
  'POST /v1/admin/surveys/{survey}/editions/{edition}/batches/{batch}/revoke': surveys,
  'POST /v1/admin/surveys/{survey}/editions/{edition}/open-links': surveys,
  'DELETE /v1/admin/surveys/{survey}/editions/{edition}/open-links/{id}': surveys,
  'GET /v1/admin/surveys/{survey}/editions/{edition}/results': surveys,
  'PUT /v1/admin/surveys/{survey}/editions/{edition}/publication': surveys,
  'GET /v1/admin/surveys/{survey}/editions/{edition}/indicators': surveys,
  'PUT /v1/admin/surveys/{survey}/editions/{edition}/meeting': surveys,
  'PUT /v1/admin/surveys/{survey}/editions/{edition}/agreed/{section}': surveys,
  'GET /v1/admin/surveys/{survey}/editions/{edition}/recommendations': surveys,
  'POST /v1/admin/surveys/{survey}/editions/{edition}/recommendations': surveys,
  'PATCH /v1/admin/surveys/{survey}/editions/{edition}/recommendations/{id}': surveys,
  'DELETE /v1/admin/surveys/{survey}/editions/{edition}/recommendations/{id}': surveys,
  'GET /v1/admin/surveys/{survey}/editions/{edition}/changes': surveys,
  'GET /v1/admin/surveys/{survey}/editions/{edition}/export/{what}': surveys,
  'GET /v1/admin/surveys/{survey}/editions/{edition}/report': surveys,


  // The advisory point: advisers and admins.
  'GET /v1/admin/advice/cases': advice,
  'GET /v1/admin/advice/cases/{id}': advice,
  'POST /v1/admin/advice/cases/{id}/assign': advice,
  'POST /v1/admin/advice/cases/{id}/notes': advice,
  'POST /v1/admin/advice/cases/{id}/replies': advice,
  'POST /v1/admin/advice/cases/{id}/close': advice,
  'PUT /v1/admin/advice/cases/{id}/due': advice,
  'POST /v1/admin/advice/cases/{id}/attachments': advice,
  'GET /v1/admin/advice/cases/{id}/attachments/{fileId}': advice,
  'GET /v1/admin/advice/topics': advice,
  // Topics and who looks after which: admins only, inside the advisers' section.
  'POST /v1/admin/advice/topics': adminOnly,
  'PUT /v1/admin/advice/topics/order': adminOnly,
  'PUT /v1/admin/advice/topics/{id}': adminOnly,
  'GET /v1/admin/advice/advisers': advice,
  'PUT /v1/admin/advice/advisers/{id}/topics': adminOnly,
  'GET /v1/admin/advice/slots': advice,
  'POST /v1/admin/advice/slots': advice,
  'DELETE /v1/admin/advice/slots/{id}': advice,
  'POST /v1/admin/advice/slots/{id}/cancel-booking': advice,
  'GET /v1/admin/advice/stats': advice,
  'GET /v1/admin/advice/export': advice,

  'GET /v1/admin/guide/articles': guide,
  'POST /v1/admin/guide/articles': guide,
  'GET /v1/admin/guide/articles/{id}': guide,
  'PUT /v1/admin/guide/articles/{id}': guide,
  'PUT /v1/admin/guide/articles/{id}/draft': guide,
  'POST /v1/admin/guide/articles/{id}/publish': guide,
  'POST /v1/admin/guide/articles/{id}/reviewed': guide,
  'GET /v1/admin/guide/articles/{id}/diff': guide,
  'GET /v1/admin/guide/articles/{id}/feedback': guide,
  'POST /v1/admin/guide/preview': guide,
  'GET /v1/admin/guide/chapters': guide,
  'POST /v1/admin/guide/chapters': guide,
  'PUT /v1/admin/guide/chapters/{id}': guide,
  'GET /v1/admin/guide/journeys': guide,
  'POST /v1/admin/guide/journeys': guide,
  'PUT /v1/admin/guide/journeys/{id}': guide,
  'POST /v1/admin/guide/journeys/{id}/publish': guide,
  'POST /v1/admin/guide/journeys/preview': guide,

  'GET /v1/admin/staff': adminOnly,
  'POST /v1/admin/staff': adminOnly,
  'PATCH /v1/admin/staff/{id}': adminOnly,
  'POST /v1/admin/staff/{id}/invitation': adminOnly,
  'POST /v1/admin/staff/{id}/password-reset': adminOnly,
  'POST /v1/admin/staff/{id}/totp-reset': adminOnly,
  'GET /v1/admin/audit': adminOnly,
  'GET /v1/admin/audit/actions': adminOnly,
  'GET /v1/admin/audit/export': adminOnly,
  'GET /v1/admin/outbox': outboxList,
  'GET /v1/admin/outbox/{id}': adminOnly,
  'POST /v1/admin/outbox/{id}/resend': adminOnly,
  'GET /v1/admin/settings/clauses': adminOnly,
  'PUT /v1/admin/settings/clauses/{form}': adminOnly,
};
