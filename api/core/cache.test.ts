import { afterEach, describe, expect, it } from 'vitest';
import { testConfig } from '../config.js';
import { insertOrganisation } from '../map/map.repository.js';
import { organisationInput } from '../map/map.testing.js';
import { dialects, testApp, type TestApp } from '../testing.js';

/**
 * The body cache (`memoJson`) answers a repeated public read from memory, keyed by the data
 * version; `READ_BODY_CACHE=0` turns it off so that the bench can measure what a read costs
 * without it. A change made behind the version's back (a raw update) shows which one answered.
 */
describe.each(dialects)('the public read body cache on %s', (dialect) => {
  let t: TestApp;
  afterEach(() => t.close());

  async function renamedBehindTheCache(bodyCache: boolean): Promise<[string, string]> {
    t = await testApp(dialect, { reads: { ...testConfig().reads, bodyCache } });
    const id = await insertOrganisation(t.db, organisationInput({ name: 'Fundacja Pierwsza Nazwa', districts: [7], cityWide: false }), { status: 'published', changedBy: 'test' });
    const url = '/v1/map/organisations?district=7';
    const first = (await (await t.app.request(url)).json()) as { items: { name: string }[] };
    await t.db.updateTable('organisation').set({ name: 'Fundacja Druga Nazwa' }).where('id', '=', id).execute();
    const second = (await (await t.app.request(url)).json()) as { items: { name: string }[] };
    return [first.items[0]!.name, second.items[0]!.name];
  }

  it('answers a repeat from memory while the data version stands', async () => {
    expect(await renamedBehindTheCache(true)).toEqual(['Fundacja Pierwsza Nazwa', 'Fundacja Pierwsza Nazwa']);
  });

  it('runs the query every time with READ_BODY_CACHE=0', async () => {
    expect(await renamedBehindTheCache(false)).toEqual(['Fundacja Pierwsza Nazwa', 'Fundacja Druga Nazwa']);
  });
});
