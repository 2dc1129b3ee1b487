import { test, expect } from '@playwright/test';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, serviceWorkers: 'block' });
  test('the prose is readable and figures have static tables or summaries', async ({ page }) => {
    await page.goto('./');
    const s = page.locator('#static-page');
    await expect(s).toBeVisible();
    await expect(s.locator('h1')).toContainText('Why stocks and Bitcoin fell together');
    for (const id of ['rates', 'tariffs', 'liquidity', 'liquidations', 'synthesis']) {
      await expect(s.locator(`#static-${id} h2`)).toBeVisible();
    }
    // Each chart's summary sentence and the tables are there as text.
    await expect(s.locator('#static-timeline-summary')).toContainText('S&P 500 moved');
    await expect(s.locator('#static-rates-results')).toContainText('−2.70%');
    await expect(s.locator('#static-claims tbody tr')).toHaveCount(16);
    expect(await s.locator('table').count()).toBeGreaterThan(6);
    await expect(s.locator('input, button, canvas')).toHaveCount(0);
  });
});

test('without WebAssembly the static version is shown', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  page.on('pageerror', () => {}); // the app's loader fails by design here
  await page.goto('./');
  await expect(page.locator('#static-page')).toBeVisible();
  await expect(page.locator('#static-page')).toContainText('need WebAssembly');
  await expect(page.locator('#static-synthesis')).toContainText('cash is king');
});

test('with WebAssembly the static version stays hidden', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('#ctl-cut')).toBeVisible();
  await expect(page.locator('#static-page')).toHaveCount(0);
});
