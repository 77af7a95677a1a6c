import { launchChromium, signIn, startServer } from './harness.ts';
const server = await startServer();
console.log('started', server.baseUrl);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await signIn(context, server.baseUrl, 'worker@northshire.test');
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/caseload.png' });
  await page.getByRole('link', { name: 'Young people' }).click();
  await page.waitForTimeout(800);
  const first = page.locator('ul.people a').first();
  await first.click();
  await page.waitForTimeout(2000);
  await page.screenshot({ path: '/tmp/plan.png', fullPage: true });
} finally {
  await browser.close();
  await server.stop();
}
