import { describe, expect, it } from 'vitest';
import type { OrganisationInput } from '../../common/map.schema.js';
import { ApiError } from '../core/errors.js';
import { approvalOf, assertCanDecide, canMove, diffInputs, entryScope } from './map.rules.js';

const thrown = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return null;
};

describe('map rules', () => {
  it('scopes an entry to its districts, a city-wide one to none', () => {
    expect(entryScope({ cityWide: false, districts: [3, 12] })).toEqual([3, 12]);
    expect(entryScope({ cityWide: true, districts: [] })).toBeNull();
  });

  it('moves a submission unconfirmed → pending → approved, and rejects from either, never after a decision', () => {
    expect(canMove('confirm', 'unconfirmed')).toBe(true);
    expect(canMove('confirm', 'pending')).toBe(false);
    expect(canMove('approve', 'pending')).toBe(true);
    expect(canMove('approve', 'unconfirmed')).toBe(false);
    expect(canMove('reject', 'unconfirmed')).toBe(true);
    expect(canMove('reject', 'pending')).toBe(true);
    for (const done of ['approved', 'rejected'] as const) {
      for (const move of ['confirm', 'approve', 'reject'] as const) expect(canMove(move, done), `${move} from ${done}`).toBe(false);
    }
  });

  it('answers a decision that does not fit with 409 conflict, naming the status', () => {
    expect(thrown(() => assertCanDecide('approve', 'pending'))).toBeNull();
    const late = thrown(() => assertCanDecide('approve', 'unconfirmed'));
    expect(late).toBeInstanceOf(ApiError);
    expect(late).toMatchObject({ status: 409, code: 'conflict', message: 'The submission is unconfirmed, not pending' });
    expect(thrown(() => assertCanDecide('reject', 'approved'))).toMatchObject({ status: 409, code: 'conflict', message: 'The submission is approved' });
  });

  it('publishes a new entry and gives its submitter the edit link; a correction only applies the data', () => {
    expect(approvalOf('create')).toEqual({ publish: true, setOwner: true, ownerLink: true });
    expect(approvalOf('owner_edit')).toEqual({ publish: false, setOwner: false, ownerLink: true });
    expect(approvalOf('correction')).toEqual({ publish: false, setOwner: false, ownerLink: false });
  });

  it('lists the fields a proposal changes, with before and after', () => {
    const before = { name: 'A', phone: null, areas: ['kultura'] } as unknown as OrganisationInput;
    const after = { name: 'A', phone: '+48 12 000 00 00', areas: ['kultura', 'sport'] } as unknown as OrganisationInput;
    expect(diffInputs(before, after)).toEqual([
      { field: 'phone', before: null, after: '+48 12 000 00 00' },
      { field: 'areas', before: ['kultura'], after: ['kultura', 'sport'] },
    ]);
    expect(diffInputs(before, before)).toEqual([]);
    expect(diffInputs(null, after).map((d) => d.field)).toEqual(['name', 'phone', 'areas']);
  });
});
