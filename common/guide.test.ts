import { describe, expect, it } from 'vitest';
import { followAnswers, pickText, smartTreeFaults, type SmartTree } from './guide.js';
import { JourneyInput } from './guide.schema.js';

const q = (...next: string[]) => ({ kind: 'question' as const, text: { pl: 'Pytanie?' }, answers: next.map((n) => ({ label: { pl: n }, next: n })) });
const out = { kind: 'outcome' as const, title: { pl: 'Wynik' }, text: { pl: 'Tekst' }, articles: [] };

describe('smart answers', () => {
  it('accepts a tree in which every route ends in an outcome', () => {
    const tree: SmartTree = { start: 'a', nodes: { a: q('b', 'x'), b: q('x', 'y'), x: out, y: out } };
    expect(smartTreeFaults(tree)).toEqual([]);
    expect(followAnswers(tree, [0, 1])).toEqual(['a', 'b', 'y']);
    expect(followAnswers(tree, [0, 7])).toEqual(['a', 'b']);
  });

  it('names the route of a cycle, a dead end, a missing node and an unreachable one', () => {
    const tree: SmartTree = { start: 'a', nodes: { a: q('b', 'x'), b: q('c'), c: q('a'), x: q(), lost: out } };
    const faults = smartTreeFaults(tree);
    expect(faults).toContainEqual(expect.objectContaining({ code: 'cycle', path: 'nodes.c.answers.0.next', route: ['a', 'b', 'c', 'a'] }));
    expect(faults.find((f) => f.code === 'cycle')!.message).toBe('A cycle: a → b → c → a');
    expect(faults).toContainEqual(expect.objectContaining({ code: 'no_answers', path: 'nodes.x.answers', route: ['a', 'x'] }));
    expect(faults).toContainEqual(expect.objectContaining({ code: 'unreachable', path: 'nodes.lost' }));
    const missing = smartTreeFaults({ start: 'a', nodes: { a: q('nowhere') } });
    expect(missing).toEqual([expect.objectContaining({ code: 'missing_node', path: 'nodes.a.answers.0.next', route: ['a', 'nowhere'] })]);
    expect(smartTreeFaults({ start: 'zero', nodes: { a: out } })[0]).toMatchObject({ code: 'missing_node', path: 'start' });
  });

  it('is refused by the schema at the path of the fault', () => {
    const r = JourneyInput.safeParse({ slug: 'test', content: { kind: 'smart', title: { pl: 'T' }, summary: { pl: 'S' }, start: 'a', nodes: { a: q('b'), b: q('a') } } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['content.nodes.b.answers.0.next', 'A cycle: a → b → a']]);
  });
});

describe('texts in three languages', () => {
  it('falls back to Polish, saying so', () => {
    expect(pickText({ pl: 'Tak', en: 'Yes' }, 'en')).toEqual({ text: 'Yes', lang: 'en' });
    expect(pickText({ pl: 'Tak', en: 'Yes' }, 'uk')).toEqual({ text: 'Tak', lang: 'pl' });
    expect(pickText({ pl: 'Tak', uk: '  ' }, 'uk')).toEqual({ text: 'Tak', lang: 'pl' });
  });
});
