import { test, expect } from '@playwright/test';
import { allBuilt, gotoApp, openDisclosures, param } from './helpers.mjs';

test('print media hides the controls and shows tables and permalinks', async ({ page }) => {
  await gotoApp(page, './?cut=20');
  await page.locator('#ctl-cut').fill('55');
  // Browsers fire beforeprint when printing starts; emulated print media does not.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.controlbar')).toBeHidden();
  await expect(page.locator('.section-controls').first()).toBeHidden();
  await expect(page.locator('#rates .data-alt table')).toBeVisible();
  const permalink = page.locator('#rates .permalink').first();
  await expect(permalink).toBeVisible();
  await expect(permalink).toContainText('cut=55');
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.controlbar')).toBeVisible();
  await expect(page.locator('#rates .data-alt table')).toBeHidden();
});

test('keyboard only: every control can be reached with Tab and changed', async ({ page }) => {
  await gotoApp(page, './', { built: true });
  // Advanced inputs sit in closed disclosures; a reader opens them first
  // (their summaries are themselves reached by Tab, and checked below).
  const summaries = await page.locator('main details.disclose > summary').count();
  expect(summaries).toBeGreaterThan(10);
  await openDisclosures(page);
  const controls = await page.locator('main input, main select, .controlbar input, .controlbar button, main button:visible, main summary').evaluateAll(
    // A radio group is one tab stop (its checked radio); arrows move within it.
    (els) => els.filter((e) => e.offsetParent !== null && !(e.type === 'radio' && !e.checked)).map((e) => e.id || e.outerHTML.slice(0, 80)));
  const reached = new Set();
  await page.locator('body').focus();
  for (let i = 0; i < 600 && reached.size < controls.length; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => { const e = document.activeElement; return e ? (e.id || e.outerHTML.slice(0, 80)) : ''; });
    reached.add(id);
  }
  const missing = controls.filter((c) => !reached.has(c));
  expect(missing).toEqual([]);
  // Each slider moves with the arrow keys and updates the link.
  for (const id of ['ctl-cut', 'ctl-lev', 'ctl-gr', 'ctl-shock', 'ctl-pe', 'ctl-depth', 'ctl-phi']) {
    const el = page.locator(`#${id}`);
    const before = await el.inputValue();
    await el.focus();
    await page.keyboard.press('ArrowRight');
    await expect(el).not.toHaveValue(before);
  }
  await expect.poll(() => param(page, 'depth')).toBe('1');
  await page.locator('input[name=win][value="30"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => param(page, 'win')).toBe('60');
  // Visible focus: the focused control has an outline.
  await page.locator('#ctl-cut').focus();
  await page.keyboard.press('ArrowLeft');
  const outline = await page.locator('#ctl-cut').evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(outline).not.toBe('none');
});

test('every chart has a "Show as table" alternative with rows', async ({ page }) => {
  await gotoApp(page, './', { built: true });
  // Some charts and their tables are one tap away ("More: …").
  await openDisclosures(page);
  const charts = await page.locator('canvas').count();
  const toggles = page.locator('button.show-table');
  // Two pairs of side-by-side charts share one table each.
  expect(await toggles.count()).toBe(charts - 2);
  for (const t of await toggles.all()) {
    await t.click();
    await expect(t).toHaveAttribute('aria-expanded', 'true');
  }
  for (const table of await page.locator('.data-alt.open table').all()) {
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    await expect(table).toBeVisible();
  }
});
