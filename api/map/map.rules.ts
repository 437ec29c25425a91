import type { OrganisationInput } from '../../common/map.schema.js';
import { ApiError } from '../core/errors.js';
import type { SubmissionStatus } from './map.table.js';

/**
 * The map's rules, with no database: what a submission may become, what an approval does, and
 * the district scope of an entry.
 */

export type SubmissionType = 'create' | 'correction' | 'owner_edit';

/** The districts an entry belongs to, or null for a city-wide one (only unscoped staff act on those). */
export const entryScope = (d: Pick<OrganisationInput, 'cityWide' | 'districts'>): number[] | null => (d.cityWide ? null : d.districts);

/**
 * The submission status machine: unconfirmed --confirm--> pending --approve--> approved, and
 * reject from unconfirmed or pending. Approved and rejected are final.
 */
export const SUBMISSION_MOVES = {
  confirm: { from: ['unconfirmed'], to: 'pending' },
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['unconfirmed', 'pending'], to: 'rejected' },
} as const satisfies Record<string, { from: readonly SubmissionStatus[]; to: SubmissionStatus }>;

export type SubmissionMove = keyof typeof SUBMISSION_MOVES;

export const canMove = (move: SubmissionMove, status: SubmissionStatus): boolean => (SUBMISSION_MOVES[move].from as readonly SubmissionStatus[]).includes(status);

/** 409 `conflict` when a staff decision does not fit the submission's status. */
export function assertCanDecide(move: 'approve' | 'reject', status: SubmissionStatus): void {
  if (canMove(move, status)) return;
  throw new ApiError(409, 'conflict', move === 'approve' ? `The submission is ${status}, not pending` : `The submission is ${status}`);
}

/**
 * What approving a submission does to its entry. A new entry is published and its submitter becomes
 * its owner; a new entry and an owner's edit mail the owner a fresh edit link; a correction by
 * anyone else just applies the data.
 */
export function approvalOf(type: SubmissionType): { publish: boolean; setOwner: boolean; ownerLink: boolean } {
  return { publish: type === 'create', setOwner: type === 'create', ownerLink: type !== 'correction' };
}

/** Field-by-field differences between the published data and a proposal. */
export function diffInputs(before: OrganisationInput | null, after: OrganisationInput) {
  const keys = Object.keys(after) as (keyof OrganisationInput)[];
  return keys
    .filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) => ({ field: k, before: before?.[k] ?? null, after: after[k] ?? null }));
}
