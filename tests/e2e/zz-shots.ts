import { startStack } from './harness.js';
const BLANK = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const stack = await startStack();
const list = (await (await fetch(stack.url('/v1/consultations?status=open,closed,reported,planned'))).json()) as { items: { id: string; status: string }[] };
const byStatus = (s: string) => list.items.find((i) => i.status === s)!.id;
const want = (process.env.SHOTS ?? '').split(',');
const all: Record<string, string> = {
  'index-pl': '/demo/', 'index-uk': '/demo/?lang=uk',
  'open-pl': `/embed/consultations?lang=pl&consultation=${byStatus('open')}`, 'open-uk': `/embed/consultations?lang=uk&consultation=${byStatus('open')}`,
  'reported-pl': `/embed/consultations?lang=pl&consultation=${byStatus('reported')}`, 'reported-uk': `/embed/consultations?lang=uk&consultation=${byStatus('reported')}`,
  'closed-pl': `/embed/consultations?lang=pl&consultation=${byStatus('closed')}`,
  'district-pl': '/demo/district.html',
};
for (const [name, path] of Object.entries(all).filter(([n]) => want.includes(n))) {
  for (const width of (process.env.WIDTHS ?? '360,1280').split(',').map(Number)) {
    const page = await stack.page();
    await page.route('https://tile.openstreetmap.org/**', (r) => r.fulfill({ status: 200, contentType: 'image/png', body: BLANK }));
    await page.setViewportSize({ width, height: 900 });
    await page.goto(stack.url(path));
    await page.waitForLoadState('networkidle');
    for (let y = 0; y < 8; y++) { await page.mouse.wheel(0, 900); await page.waitForTimeout(250); }
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(400);
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    const seg = width < 600 ? 1400 : 3000;
    for (let y = 0, i = 0; y < h; y += seg, i++) await page.screenshot({ path: `/tmp/shots-splitter/${name}-${width}-${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(seg, h - y) } });
    await page.close();
  }
}
await stack.close();
console.log('done');
