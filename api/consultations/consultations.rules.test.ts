import { describe, expect, it } from 'vitest';
import { ApiError } from '../core/errors.js';
import {
  assertAnswerable, assertAuthorAllowed, assertCanPublish, assertConfirmable, assertNotReported, assertOpen, assertReportReady, assertUnitsMayChange, consultationScope,
  decisionsPublic, initialRemarkStatus, mailsRejection, REMARK_MOVES, splitDocumentInput, statusAfterConfirmation, statusAt, supporterNames,
} from './consultations.rules.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
const planned = { starts_at: at(1), ends_at: at(10), reported_at: null };
const open = { starts_at: at(-1), ends_at: at(10), reported_at: null };
const closed = { starts_at: at(-10), ends_at: at(-1), reported_at: null };
const reported = { starts_at: at(-10), ends_at: at(-1), reported_at: at(-0.5) };

/** The ApiError `fn` throws, or null. */
function thrown(fn: () => void): ApiError | null {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  return null;
}

describe('consultation rules', () => {
  it('tells the status by the clock: planned, open, closed, reported', () => {
    expect([planned, open, closed, reported].map((c) => statusAt(c, NOW))).toEqual(['planned', 'open', 'closed', 'reported']);
  });

  it('takes remarks only while open: 409 consultation_not_open before, consultation_closed after', () => {
    expect(thrown(() => assertOpen(open, NOW))).toBeNull();
    expect(thrown(() => assertOpen(planned, NOW))).toMatchObject({ status: 409, code: 'consultation_not_open', details: { startsAt: planned.starts_at } });
    expect(thrown(() => assertOpen(closed, NOW))).toMatchObject({ status: 409, code: 'consultation_closed', details: { endsAt: closed.ends_at } });
    expect(thrown(() => assertOpen(reported, NOW))).toMatchObject({ code: 'consultation_closed' });
  });

  it('keeps a consultation for NGOs to NGOs and informal groups, as a field error', () => {
    expect(thrown(() => assertAuthorAllowed('ngo', 'ngo'))).toBeNull();
    expect(thrown(() => assertAuthorAllowed('ngo', 'informal_group'))).toBeNull();
    expect(thrown(() => assertAuthorAllowed('all', 'resident'))).toBeNull();
    const err = thrown(() => assertAuthorAllowed('ngo', 'resident'));
    expect(err).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(err!.details).toMatchObject({ issues: [{ path: 'authorType', code: 'not_allowed' }] });
  });

  it('makes a remark unconfirmed when a link is asked for, then pending under pre-moderation or published under post', () => {
    expect(initialRemarkStatus({ require_confirmation: 1, moderation: 'pre' })).toBe('unconfirmed');
    expect(initialRemarkStatus({ require_confirmation: 1, moderation: 'post' })).toBe('unconfirmed');
    expect(initialRemarkStatus({ require_confirmation: 0, moderation: 'pre' })).toBe('pending');
    expect(initialRemarkStatus({ require_confirmation: 0, moderation: 'post' })).toBe('published');
    expect(statusAfterConfirmation('pre')).toBe('pending');
    expect(statusAfterConfirmation('post')).toBe('published');
  });

  it('lets staff approve only a pending remark and reject any not yet rejected; mails only a confirmed author', () => {
    expect(REMARK_MOVES.approve.from).toEqual(['pending']);
    expect(REMARK_MOVES.reject.from).toEqual(['unconfirmed', 'pending', 'published']);
    expect(mailsRejection('unconfirmed')).toBe(false);
    expect(mailsRejection('pending')).toBe(true);
    expect(mailsRejection('published')).toBe(true);
    expect(thrown(() => assertNotReported(closed))).toBeNull();
    expect(thrown(() => assertNotReported(reported))).toMatchObject({ status: 409, code: 'conflict' });
  });

  it('answers published remarks only', () => {
    expect(thrown(() => assertAnswerable('published'))).toBeNull();
    for (const s of ['unconfirmed', 'pending', 'rejected'] as const) expect(thrown(() => assertAnswerable(s))).toMatchObject({ status: 409, code: 'conflict' });
  });

  it('publishes the answers once closed, with nothing waiting and everything answered', () => {
    const none = { pending: 0, unanswered: 0 };
    expect(thrown(() => assertCanPublish(closed, none, NOW))).toBeNull();
    expect(thrown(() => assertCanPublish(reported, none, NOW))).toMatchObject({ status: 409, code: 'conflict' });
    expect(thrown(() => assertCanPublish(open, none, NOW))).toMatchObject({ status: 409, code: 'consultation_not_closed', details: { endsAt: open.ends_at } });
    expect(thrown(() => assertCanPublish(planned, none, NOW))).toMatchObject({ code: 'consultation_not_closed' });
    expect(thrown(() => assertCanPublish(closed, { pending: 2, unanswered: 3 }, NOW))).toMatchObject({ code: 'pending_remarks', details: { count: 2 } });
    expect(thrown(() => assertCanPublish(closed, { pending: 0, unanswered: 3 }, NOW))).toMatchObject({ code: 'unanswered_remarks', details: { count: 3 } });
  });

  it('shows decisions, the report and late confirmations according to the report', () => {
    expect(decisionsPublic(closed)).toBe(false);
    expect(decisionsPublic(reported)).toBe(true);
    expect(thrown(() => assertReportReady(reported))).toBeNull();
    expect(thrown(() => assertReportReady(closed))).toMatchObject({ status: 409, code: 'report_not_ready' });
    expect(thrown(() => assertConfirmable(closed))).toBeNull();
    expect(thrown(() => assertConfirmable(reported))).toMatchObject({ status: 409, code: 'consultation_closed' });
  });

  it('locks the units once there are remarks', () => {
    expect(thrown(() => assertUnitsMayChange(true, 5))).toBeNull();
    expect(thrown(() => assertUnitsMayChange(false, 0))).toBeNull();
    expect(thrown(() => assertUnitsMayChange(false, 1))).toMatchObject({ status: 409, code: 'document_locked' });
  });

  it('scopes a consultation to its district, a city-wide one to none', () => {
    expect(consultationScope({ district: 7 })).toEqual([7]);
    expect(consultationScope({ district: null })).toBeNull();
  });

  it('splits a document into units, and makes too many units a field error on document', () => {
    expect(splitDocumentInput('§ 1. Pierwszy.\n\n§ 2. Drugi.').units.map((u) => u.label)).toEqual(['§ 1', '§ 2']);
    const many = Array.from({ length: 2000 }, (_, i) => `§ ${i + 1}. Przepis ${i + 1}.`).join('\n\n');
    const err = thrown(() => splitDocumentInput(many));
    expect(err).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(err!.details).toMatchObject({ issues: [{ path: 'document', code: 'too_long' }] });
  });
});

describe('supporterNames: each organisation once, no claim blocking another', () => {
  const sup = (organisation_name: string, krs: string | null = null) => ({ organisation_name, krs });
  const author = { organisation_name: 'Fundacja Autorska', krs: null };
  const none = new Map<string, string>();

  it('folds names without case or diacritics, oldest first', () => {
    expect(supporterNames(author, [sup('Klub Łąka'), sup('KLUB LAKA'), sup('Inny Klub')], none)).toEqual(['Klub Łąka', 'Inny Klub']);
  });

  it('folds a name-only claim into the KRS-identified organisation of that name, wherever it comes', () => {
    expect(supporterNames(author, [sup('Fundacja X'), sup('Fundacja X', '0000000001')], none)).toEqual(['Fundacja X']);
    expect(supporterNames(author, [sup('FUNDACJA X'), sup('Fundacja X', '0000000001')], none)).toEqual(['Fundacja X']);
  });

  it('shows the map name of a KRS, whatever a claim typed with it', () => {
    const map = new Map([['0000000001', 'Fundacja Prawdziwa']]);
    expect(supporterNames(author, [sup('Podszywka', '0000000001'), sup('Fundacja Prawdziwa'), sup('Fundacja Prawdziwa', '0000000001')], map)).toEqual(['Fundacja Prawdziwa']);
  });

  it('keeps two organisations with one name apart when their KRS differ', () => {
    expect(supporterNames(author, [sup('Koło', '0000000001'), sup('Koło', '0000000002')], none)).toEqual(['Koło', 'Koło']);
  });

  it('leaves out supports of the remark\'s own organisation', () => {
    expect(supporterNames(author, [sup('fundacja autorska'), sup('Ktoś Inny')], none)).toEqual(['Ktoś Inny']);
    expect(supporterNames({ organisation_name: 'A', krs: '0000000009' }, [sup('B', '0000000009'), sup('A')], none)).toEqual([]);
  });
});
