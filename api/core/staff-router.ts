import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { auditWrites, requireStaff } from './auth.js';
import { ApiError } from './errors.js';
import { canReachSection, type ModuleManifest, type Router, type StaffSection } from './module.js';
import { createRouter } from './validation.js';

/** Lets through the roles that reach a section (admin reaches all); 401 without a session. */
export function requireSectionRoles(section: Pick<StaffSection, 'roles'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const staff = c.var.staff;
    if (!staff) throw new ApiError(401, 'unauthorized', 'Sign in first');
    if (!canReachSection(staff.role, section)) throw new ApiError(403, 'forbidden', 'Your role cannot do this', { reason: 'role' });
    await next();
  };
}

/** Staff answers carry personal data and depend on the session: no cache may keep them, unless a route says otherwise. */
const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('cache-control')) c.header('Cache-Control', 'no-store');
};

/** One section's routes behind its roles. The role check is the section's own first middleware. */
function sectionRouter(section: StaffSection): Router {
  const router = createRouter();
  router.use('*', requireSectionRoles(section));
  router.route('/', section.routes);
  return router;
}

/**
 * The one staff router, mounted at `/v1/admin`. Its own middleware (session, CSRF, then the audit
 * of every successful write) is registered before any route is mounted on it, so every staff
 * route of every module sits behind it whatever the order of the list. Only the modules'
 * `signIn` routes come first, by construction here, not by the order of the list. Each section
 * adds its role check, so no section depends on another being mounted first.
 */
export function createStaffRouter(modules: readonly ModuleManifest[]): Router {
  const router = createRouter();
  router.use('*', noStore);
  for (const m of modules) if (m.signIn) router.route('/', m.signIn);
  router.use('*', requireStaff, auditWrites);
  for (const m of modules) {
    if (m.staffCommon) router.route('/', m.staffCommon);
    for (const section of m.staff ?? []) router.route(`/${section.section}`, sectionRouter(section));
  }
  return router;
}
