import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { allBuilt, gotoApp } from './helpers.mjs';

const PAGES = [
  ['full page, defaults', './'],
  ['full page, low extremes', './?cut=0&lev=1&shock=0&q=0&depth=0&phi=0&oi=1&pe=5&hz=1'],
  ['full page, high extremes, dark', './?cut=100&lev=100&shock=-10&q=10000&depth=90&phi=100&oi=100&pe=150&hz=30&lth=1&fr=1&win=14&theme=dark'],
  ...['rates', 'tariffs', 'liquidity', 'liquidations', 'synthesis'].map((id) => [`embed ${id}`, `./?embed=${id}`]),
];

for (const [name, url] of PAGES) {
  test(`axe: no WCAG 2.2 AA violations on ${name}`, async ({ page }) => {
    await gotoApp(page, url);
    await expect(page.locator('canvas').first()).toBeVisible();
    await allBuilt(page);
    // Open every disclosure and table so their contents are audited too.
    for (const d of await page.locator('details').all()) await d.evaluate((el) => { el.open = true; });
    for (const b of await page.locator('button.show-table').all()) await b.click();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0].target.join(' ')} ${v.nodes[0].failureSummary}`);
    expect(summary).toEqual([]);
  });
}
