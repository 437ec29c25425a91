import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EditionDetail, Results } from '../../common/surveys.schema.js';
import { dialects, testApp, type TestApp } from '../testing.js';
import { seedSurveysDemo } from './surveys.seed.js';

describe.each(dialects)('survey demo data (%s)', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(dialect);
  });
  afterEach(() => t.close());

  it('gives two published past editions with several hundred respondents and an open one, so the trend, the gap and suppression all show', async () => {
    const now = new Date();
    await t.db.transaction().execute((trx) => seedSurveysDemo(trx, now));
    const y = now.getUTCFullYear();
    const survey = (await (await t.app.request('/v1/surveys/lijw')).json()) as { editions: { slug: string; status: string; published: boolean }[]; current: string };
    expect(survey.editions.map((e) => [e.slug, e.status, e.published])).toEqual([[String(y), 'open', false], [String(y - 1), 'closed', true], [String(y - 2), 'closed', true]]);
    expect(survey.current).toBe(String(y));

    const res = await t.app.request(`/v1/surveys/lijw/editions/${y - 1}/results`);
    expect(res.status).toBe(200);
    const r = (await res.json()) as Results;
    const total = r.respondents.all!;
    expect(total).toBeGreaterThan(200);
    expect(r.trend!.map((p) => p.edition)).toEqual([String(y - 2), String(y - 1)]);
    expect(r.trend![1]!.index.all!.score!).toBeGreaterThan(r.trend![0]!.index.all!.score!);
    // The gap: NGOs rate the administration (B) lower than officials do.
    expect(r.gap!.sections.find((s) => s.id === 'b')!.gap!).toBeLessThan(-10);
    // Suppression: the district councils answered in fewer than five somewhere.
    const older = (await (await t.app.request(`/v1/surveys/lijw/editions/${y - 2}/results`)).json()) as Results;
    expect(older.respondents.district_council).toBeNull();
    expect(older.index.district_council).toMatchObject({ score: null, suppressed: 'few' });
    expect(r.recommendations.length).toBeGreaterThan(0);
    expect(r.indicators!.length).toBeGreaterThan(0);

    const open = (await (await t.app.request(`/v1/surveys/lijw/editions/${y}`)).json()) as EditionDetail;
    expect(open.lastYear!.edition).toBe(String(y - 1));
    expect(open.lastYear!.recommendations.map((x) => x.status)).toContain('in_progress');
  });
});
