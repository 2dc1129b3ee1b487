import { test, expect } from '@playwright/test';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, serviceWorkers: 'block' });
  test('the prose is readable and figures have static tables or summaries', async ({ page }) => {
    await page.goto('./');
    const s = page.locator('#static-page');
    await expect(s).toBeVisible();
    await expect(s.locator('h1')).toContainText('Why stocks and Bitcoin fell together');
    // The static page carries the real ids, so links to a section work.
    for (const id of ['rates', 'tariffs', 'liquidity', 'liquidations', 'synthesis']) {
      await expect(s.locator(`#${id} h2`)).toBeVisible();
    }
    // Each chart's summary sentence and the tables are there as text.
    await expect(s.locator('#timeline-summary')).toContainText('S&P 500 moved');
    await expect(s.locator('#rates-results')).toContainText('−2.70%');
    await expect(s.locator('#claims tbody tr')).toHaveCount(21);
    expect(await s.locator('table').count()).toBeGreaterThan(6);
    // "Show as table" is a native disclosure, which works without JavaScript.
    const table = s.locator('#timeline details.table-alt');
    await expect(table.locator('table')).toBeHidden();
    await table.locator('summary').click();
    await expect(table.locator('table')).toBeVisible();
    // Nothing that looks like a control that cannot work: no slider, chart box
    // or button shows (a term or a "try this" reads as plain words).
    await expect(s.locator('input:visible, canvas, .chart-box:visible, .controlbar:visible')).toHaveCount(0);
    await expect(s.locator('button:visible:not(.term):not(.try)')).toHaveCount(0);
    await expect(s.locator('.static-note')).toBeVisible();
    await expect(s.locator('.app-loading')).toBeHidden();
  });

  test('an anchor lands on its section', async ({ page }) => {
    await page.goto('./#liquidations');
    await expect(page.locator('#liquidations h2')).toBeInViewport();
  });
});

test('without WebAssembly the static version is shown', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  page.on('pageerror', () => {}); // the app's loader fails by design here
  await page.goto('./');
  await expect(page.locator('#static-page')).toBeVisible();
  await expect(page.locator('#static-page')).toContainText('need WebAssembly');
  await expect(page.locator('#synthesis')).toContainText('cash is king');
  await expect(page.locator('.app-loading')).toBeHidden();
  await expect(page.locator('#static-page input:visible, #static-page .chart-box:visible')).toHaveCount(0);
});

test('with WebAssembly the app replaces the static version, whose note never shows', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('#ctl-cut')).toBeVisible();
  await expect(page.locator('#static-page')).toHaveCount(0);
  await expect(page.locator('.static-note')).toHaveCount(0);
});
