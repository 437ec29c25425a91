import type { StaffRole } from '../../common/taxonomy.js';
import { ApiError } from './errors.js';

/** What the district rules need of a staff member. */
export interface StaffScope {
  role: StaffRole;
  /** District scope; `null` means the whole city. */
  district: number | null;
}

/** The district a staff member's lists are narrowed to; null for admins and unscoped staff (the whole city). */
export const districtScope = (staff: StaffScope): number | null => (staff.role === 'admin' ? null : staff.district);

/**
 * Whether a staff member may act on a record of `districts` (null: a city-wide record). Admins and
 * unscoped staff act anywhere; a district-scoped one only on records of their district, never on
 * city-wide ones.
 */
export const inDistrict = (staff: StaffScope, districts: readonly number[] | null): boolean =>
  staff.role === 'admin' || staff.district === null || (districts !== null && districts.includes(staff.district));

/** Throws 403 when a district-scoped staff member acts outside their district. */
export function assertDistrict(staff: StaffScope, districts: readonly number[] | null): void {
  if (!inDistrict(staff, districts)) throw new ApiError(403, 'forbidden', 'Outside your district', { reason: 'district' });
}

/**
 * Whether a staff member may change a record's districts from `before` to `after` (null:
 * city-wide): both must be in their district, and a district-scoped member may add or remove
 * only their own district, so that an edit never moves a record into, or out of, another one.
 */
export function mayMoveDistricts(staff: StaffScope, before: readonly number[] | null, after: readonly number[] | null): boolean {
  if (districtScope(staff) === null) return true;
  if (!inDistrict(staff, before) || !inDistrict(staff, after)) return false;
  const changed = [...before!.filter((d) => !after!.includes(d)), ...after!.filter((d) => !before!.includes(d))];
  return changed.every((d) => d === staff.district);
}

/** Throws 403 when an edit would move a record into or out of another district (`mayMoveDistricts`). */
export function assertDistrictMove(staff: StaffScope, before: readonly number[] | null, after: readonly number[] | null): void {
  if (!mayMoveDistricts(staff, before, after)) throw new ApiError(403, 'forbidden', 'Outside your district', { reason: 'district' });
}
