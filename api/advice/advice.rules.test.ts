import { describe, expect, it } from 'vitest';
import type { TopicField } from '../../common/advice.schema.js';
import {
  assertBookable, assertCanAssign, assertMove, canRate, canSeeCase, checkTopicFields, isOverdue, mergeTopicFields, slotFitsTopic, statusAfterAssign, statusAfterRequesterReply, statusAfterStaffReply,
} from './advice.rules.js';

const L = { pl: 'x', en: 'x', uk: 'x' };
const FIELDS: TopicField[] = [
  { key: 'vat', type: 'select', required: true, labels: L, options: [{ value: 'exempt', labels: L }, { value: 'registered', labels: L }], retired: false },
  { key: 'amount', type: 'number', required: false, labels: L, options: [], retired: false },
  { key: 'deadline', type: 'date', required: false, labels: L, options: [], retired: false },
  { key: 'note', type: 'text', required: false, labels: L, options: [], retired: false },
];

describe('the status machine', () => {
  it('moves a case into work and back as the requester and the staff write', () => {
    expect(statusAfterAssign('new', true)).toBe('assigned');
    expect(statusAfterAssign('in_progress', true)).toBe('in_progress');
    expect(statusAfterAssign('assigned', false)).toBe('new');
    expect(statusAfterStaffReply('assigned', 'waiting_for_requester')).toBe('waiting_for_requester');
    expect(statusAfterRequesterReply('waiting_for_requester')).toBe('in_progress');
    expect(statusAfterRequesterReply('answered')).toBe('in_progress');
    expect(statusAfterRequesterReply('new')).toBe('new');
  });

  it('keeps a closed case closed', () => {
    expect(() => assertMove('closed', 'in_progress')).toThrow(expect.objectContaining({ status: 409, code: 'case_closed' }));
    expect(() => statusAfterRequesterReply('closed')).toThrow(expect.objectContaining({ code: 'case_closed' }));
    expect(() => statusAfterStaffReply('closed', 'answered')).toThrow(expect.objectContaining({ code: 'case_closed' }));
    expect(() => statusAfterAssign('closed', true)).toThrow(expect.objectContaining({ code: 'case_closed' }));
    expect(() => assertMove('answered', 'closed')).not.toThrow();
  });

  it('asks for satisfaction once, after closing', () => {
    expect(canRate({ status: 'closed', satisfaction: null })).toBe(true);
    expect(canRate({ status: 'closed', satisfaction: 3 })).toBe(false);
    expect(canRate({ status: 'answered', satisfaction: null })).toBe(false);
  });

  it('counts a case overdue only while it waits for the advisory point', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(isOverdue({ status: 'in_progress', due_at: '2026-12-01T00:00:00.000Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'waiting_for_requester', due_at: '2026-12-01T00:00:00.000Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'new', due_at: '2026-12-03T00:00:00.000Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'new', due_at: null }, now)).toBe(false);
  });
});

describe('topic fields', () => {
  it('keeps valid answers and names every problem at its field', () => {
    expect(checkTopicFields(FIELDS, { vat: 'exempt', amount: '1500,50', deadline: '2027-01-31', note: ' tak ' })).toEqual({ values: { vat: 'exempt', amount: '1500,50', deadline: '2027-01-31', note: 'tak' }, issues: [] });
    const r = checkTopicFields(FIELDS, { vat: 'maybe', amount: 'dużo', deadline: '31.01.2027', colour: 'red' });
    expect(r.issues.map((i) => `${i.path}:${i.code}`)).toEqual(['fields.colour:unknown_field', 'fields.vat:invalid_value', 'fields.amount:invalid_format', 'fields.deadline:invalid_format']);
    expect(checkTopicFields(FIELDS, {}).issues).toEqual([expect.objectContaining({ path: 'fields.vat', code: 'required' })]);
  });
});

describe('who sees and assigns a case', () => {
  const adviser = { id: 'a1', role: 'adviser' as const, topics: ['law'] };
  it("shows an adviser their own cases and their topics' unassigned queue", () => {
    expect(canSeeCase(adviser, { assigned_to: 'a1', topic_id: 'grants' })).toBe(true);
    expect(canSeeCase(adviser, { assigned_to: null, topic_id: 'law' })).toBe(true);
    expect(canSeeCase(adviser, { assigned_to: 'a2', topic_id: 'law' })).toBe(false);
    expect(canSeeCase(adviser, { assigned_to: null, topic_id: 'grants' })).toBe(false);
    expect(canSeeCase({ id: 'e', role: 'editor', topics: ['law'] }, { assigned_to: 'e', topic_id: 'law' })).toBe(false);
    expect(canSeeCase({ id: 'x', role: 'admin', topics: [] }, { assigned_to: 'a2', topic_id: 'law' })).toBe(true);
  });
  it('lets an adviser take or give back a case, and only admins hand cases to others', () => {
    expect(() => assertCanAssign(adviser, { assigned_to: null, topic_id: 'law' }, 'a1')).not.toThrow();
    expect(() => assertCanAssign(adviser, { assigned_to: 'a1', topic_id: 'law' }, null)).not.toThrow();
    expect(() => assertCanAssign(adviser, { assigned_to: 'a1', topic_id: 'law' }, 'a2')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertCanAssign({ id: 'x', role: 'admin', topics: [] }, { assigned_to: 'a1', topic_id: 'law' }, 'a2')).not.toThrow();
  });
});

describe('slots', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  it('books only a free slot that has not begun, of the topic or of any', () => {
    expect(() => assertBookable({ case_id: null, starts_at: '2026-12-03T09:00:00.000Z' }, now)).not.toThrow();
    expect(() => assertBookable({ case_id: 'c', starts_at: '2026-12-03T09:00:00.000Z' }, now)).toThrow(expect.objectContaining({ code: 'slot_taken' }));
    expect(() => assertBookable({ case_id: null, starts_at: '2026-12-02T11:00:00.000Z' }, now)).toThrow(expect.objectContaining({ code: 'slot_past' }));
    expect(slotFitsTopic({ topic_id: null }, 'law')).toBe(true);
    expect(slotFitsTopic({ topic_id: 'taxes' }, 'law')).toBe(false);
  });
});

describe('editing a topic\'s fields', () => {
  it('keeps a field left out as retired, never required, and no longer asked', () => {
    const { fields, issues, changes } = mergeTopicFields(FIELDS, [FIELDS[1]!, FIELDS[3]!]);
    expect(issues).toEqual([]);
    expect(fields.map((f) => [f.key, f.retired, f.required])).toEqual([['amount', false, false], ['note', false, false], ['vat', true, false], ['deadline', true, false]]);
    expect(changes).toEqual({ added: [], retired: ['vat', 'deadline'], restored: [] });
    expect(checkTopicFields(fields, {}).issues).toEqual([]);
    expect(checkTopicFields(fields, { vat: 'exempt' }).issues).toEqual([expect.objectContaining({ path: 'fields.vat', code: 'unknown_field' })]);
  });

  it('refuses a kept key with another type, and tells what was added and restored', () => {
    expect(mergeTopicFields(FIELDS, [{ ...FIELDS[1]!, type: 'text' }]).issues).toEqual([expect.objectContaining({ path: 'fields.0.type', code: 'type_changed' })]);
    const retired = mergeTopicFields(FIELDS, [FIELDS[0]!]).fields;
    const back = mergeTopicFields(retired, [...retired.map((f) => ({ ...f, retired: false })), { ...FIELDS[3]!, key: 'extra' }]);
    expect(back.changes).toEqual({ added: ['extra'], retired: [], restored: ['amount', 'deadline', 'note'] });
    expect(back.fields.every((f) => !f.retired)).toBe(true);
  });
});
