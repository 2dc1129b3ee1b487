import { test, expect } from '@playwright/test';
import { allBuilt, drawn, gotoApp, openDisclosures, watchErrors } from './helpers.mjs';

test('a strict CSP is shipped and nothing violates it', async ({ page }) => {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors = watchErrors(page);
  await page.goto('./');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  expect(scriptSrc).toContain("'wasm-unsafe-eval'");
  expect(scriptSrc).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  expect(policy).toContain("connect-src 'self'");
  await expect(page.locator('.loading')).toHaveCount(0);
  // Exercise the page: sliders, a download, the embed dialog, event markers, tables.
  await page.locator('#ctl-cut').fill('70');
  await page.locator('#ctl-lev').fill('40');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.csv').first().click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  await page.locator('#rates').getByRole('button', { name: 'Embed this section' }).click();
  await page.locator('#rates dialog').getByRole('button', { name: 'Close' }).click();
  await allBuilt(page);
  // Every disclosure, then every table (some sit in "More: …").
  await openDisclosures(page);
  for (const b of await page.locator('button.show-table').all()) await b.click();
  await drawn(page.locator('#cascade canvas'));
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(errors).toEqual([]);
});

test('no request goes to any origin but the page\'s own', async ({ page }) => {
  const origins = new Set();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'http:' || u.protocol === 'https:') origins.add(u.origin);
  });
  await gotoApp(page, './');
  await page.locator('#ctl-lev').fill('70');
  await gotoApp(page, './?embed=synthesis');
  expect([...origins]).toEqual([new URL(page.url()).origin]);
});
