// The reading path: the answer on the first screen, the live result beside
// the sliders, try-actions that Back undoes, and terms defined in place.
import { test, expect } from '@playwright/test';
import { allBuilt, param, watchErrors } from './helpers.mjs';

for (const [w, h] of [[1280, 800], [375, 812]]) {
  test(`the answer is on the first screen at ${w}×${h} and follows the sliders`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('./');
    const answer = page.getByTestId('answer');
    await expect(answer.locator('.answer-text')).toContainText('is not explained');
    const box = await answer.boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(h);
    await expect(answer.locator('.answer-bars li')).toHaveCount(10);
    const before = await answer.locator('.answer-text').textContent();
    await page.locator('#ctl-lev').fill('60');
    await expect(answer.locator('.answer-text')).not.toHaveText(before);
  });
}

test('the live result beside the two sliders moves with them', async ({ page }) => {
  await page.goto('./');
  const live = page.getByTestId('live-result');
  await expect(live).toBeVisible();
  await expect(live).toContainText(/^Model: Bitcoin −?\d/);
  const before = await live.textContent();
  await page.locator('#ctl-cut').fill('90');
  await expect(live).not.toHaveText(before);
});

test('a try-action sets the controls and adds a history entry that Back undoes', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?cut=39.6');
  await expect(page.locator('.loading')).toHaveCount(0);
  await page.locator('[data-try="cut-90"]').click();
  await expect(page.locator('#ctl-cut-num')).toHaveValue('90');
  expect(param(page, 'cut')).toBe('90');
  await page.locator('[data-try="lev-50"]').click();
  await expect(page.locator('#ctl-lev-num')).toHaveValue('50');
  await page.goBack();
  await expect(page.locator('#ctl-lev-num')).toHaveValue('10');
  await expect(page.locator('#ctl-cut-num')).toHaveValue('90');
  await page.goBack();
  await expect(page.locator('#ctl-cut-num')).toHaveValue('39.6');
  expect(param(page, 'cut')).toBe('39.6');
  // Dragging a slider still replaces the entry instead of adding one.
  const length = await page.evaluate(() => history.length);
  await page.locator('#ctl-cut').fill('20');
  await page.waitForTimeout(400);
  expect(await page.evaluate(() => history.length)).toBe(length);
  expect(errors).toEqual([]);
});

test('every cause section has at least two try-actions', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.loading')).toHaveCount(0);
  for (const id of ['rates', 'tariffs', 'liquidity', 'liquidations']) {
    expect(await page.locator(`#${id} [data-try]`).count(), id).toBeGreaterThanOrEqual(2);
  }
});

test('a term opens its plain definition on click, on focus, and closes with Escape', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.loading')).toHaveCount(0);
  await allBuilt(page);
  const term = page.locator('[data-term="leverage"]').first();
  const def = page.locator(`#${await term.getAttribute('aria-controls')}`);
  await expect(def).toBeHidden();
  await term.click();
  await expect(def).toBeVisible();
  await expect(def).toContainText('borrowed money');
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(def).toBeHidden();
  await page.locator('[data-term="fedwatch"]').focus();
  await expect(page.locator('[data-term="fedwatch"] + .term-def')).toBeVisible();
  for (const slug of ['high-beta', 'basis-point', 'gordon-growth', 'bernanke-kuttner', 'fisher-band', 'forbes-rigobon',
    'open-interest', 'maintenance-margin', 'fixed-point', 'stability-index', 'phi', 'correlation', 'volatility',
    'etf-flow', 'long-term-holder', 'liquidation']) {
    await expect(page.locator(`[data-term="${slug}"]`).first(), slug).toBeAttached();
  }
});

test('print: the glossary defines every term', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.loading')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  const glossary = page.locator('.glossary');
  await expect(glossary).toBeVisible();
  await expect(glossary.locator('dt')).toHaveCount(18);
  await page.emulateMedia({ media: 'screen' });
});
