import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { assertDistrict, districtScope, inDistrict, mayMoveDistricts } from './staff.rules.js';

describe('district scope of staff', () => {
  const admin = { role: 'admin' as const, district: 3 };
  const cityModerator = { role: 'moderator' as const, district: null };
  const districtEditor = { role: 'editor' as const, district: 3 };

  it('narrows lists only for district-scoped staff who are not admins', () => {
    expect(districtScope(admin)).toBeNull();
    expect(districtScope(cityModerator)).toBeNull();
    expect(districtScope(districtEditor)).toBe(3);
  });

  it('lets admins and unscoped staff act anywhere, city-wide records included', () => {
    for (const staff of [admin, cityModerator]) {
      expect(inDistrict(staff, [12])).toBe(true);
      expect(inDistrict(staff, null)).toBe(true);
    }
  });

  it('lets a district-scoped member add or drop only their own district in an edit', () => {
    expect(mayMoveDistricts(districtEditor, [3], [3])).toBe(true);
    expect(mayMoveDistricts(districtEditor, [1, 3], [1, 3])).toBe(true);
    expect(mayMoveDistricts(districtEditor, [3], [3, 12])).toBe(false);
    expect(mayMoveDistricts(districtEditor, [3, 12], [3])).toBe(false);
    expect(mayMoveDistricts(districtEditor, [3], [12])).toBe(false);
    expect(mayMoveDistricts(districtEditor, [3], null)).toBe(false);
    expect(mayMoveDistricts(districtEditor, [12], [3, 12])).toBe(false);
    for (const staff of [admin, cityModerator]) expect(mayMoveDistricts(staff, [12], null)).toBe(true);
  });

  it('keeps a district-scoped member to records of their district, never city-wide ones', () => {
    expect(inDistrict(districtEditor, [3])).toBe(true);
    expect(inDistrict(districtEditor, [1, 3])).toBe(true);
    expect(inDistrict(districtEditor, [1])).toBe(false);
    expect(inDistrict(districtEditor, [])).toBe(false);
    expect(inDistrict(districtEditor, null)).toBe(false);
  });

  it('answers 403 forbidden outside the district', () => {
    expect(() => assertDistrict(districtEditor, [3])).not.toThrow();
    const err = (() => { try { assertDistrict(districtEditor, [4]); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 403, code: 'forbidden' });
  });
});
