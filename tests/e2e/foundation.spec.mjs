import { test, expect } from '@playwright/test';
import { drawn, gotoApp, param, ready, watchErrors } from './helpers.mjs';

const SECTIONS = ['rates', 'tariffs', 'liquidity', 'liquidations', 'synthesis'];

test('loads with no console errors and the five sections in order', async ({ page }) => {
  const errors = watchErrors(page);
  await gotoApp(page, './');
  const ids = await page.locator('main > section').evaluateAll((els) => els.map((e) => e.id));
  expect(ids).toEqual(SECTIONS);
  for (const id of SECTIONS) {
    await expect(page.locator(`#${id} h2`)).toBeVisible();
  }
  // Every data-driven paragraph has loaded (no loading or error text left).
  await expect(page.locator('.loading')).toHaveCount(0);
  await expect(page.locator('.data-error')).toHaveCount(0);
  await drawn(page.locator('#timeline canvas'));
  // The defaults are written to the URL.
  expect(param(page, 'cut')).toBe('39.6');
  expect(param(page, 'lev')).toBe('10');
  expect(errors).toEqual([]);
});

test('moving each slider changes the URL and the shown value', async ({ page }) => {
  const errors = watchErrors(page);
  await gotoApp(page, './');
  const historyBefore = await page.evaluate(() => history.length);

  await page.locator('#ctl-cut').fill('72');
  await expect(page.locator('#ctl-cut-num')).toHaveValue('72');
  await expect.poll(() => param(page, 'cut')).toBe('72');
  await expect(page.locator('#ctl-cut')).toHaveAttribute('aria-valuetext', '72 percent chance of a December rate cut');

  await page.locator('#ctl-lev').fill('25');
  await expect(page.locator('#ctl-lev-num')).toHaveValue('25');
  await expect.poll(() => param(page, 'lev')).toBe('25');

  // Keyboard: one arrow press moves the slider by a useful unit (one unit of
  // leverage, Spec::key_step), not the 0.1 rounding step.
  await page.locator('#ctl-lev').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#ctl-lev-num')).toHaveValue('26');
  await expect.poll(() => param(page, 'lev')).toBe('26');

  // The number box drives the slider, and out-of-range entries are clamped.
  await page.locator('#ctl-cut-num').fill('150');
  await page.locator('#ctl-cut-num').press('Enter');
  await expect(page.locator('#ctl-cut-num')).toHaveValue('100');
  await expect(page.locator('#ctl-cut')).toHaveValue('100');
  await expect.poll(() => param(page, 'cut')).toBe('100');

  // History is replaced, not pushed: the back button does not step through slider moves.
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  expect(errors).toEqual([]);
});

test('a garbage link shows clamped defaults and never NaN', async ({ page }) => {
  const errors = watchErrors(page);
  await gotoApp(page, './?cut=abc&lev=1e999');
  await expect(page.locator('#ctl-cut-num')).toHaveValue('39.6');
  await expect(page.locator('#ctl-lev-num')).toHaveValue('100');
  const notice = page.locator('.notice');
  await expect(notice).toContainText("cut: 'abc' is not a number, so the default 39.6 is used.");
  await expect(notice).toContainText("lev: '1e999' is outside 1–100, so 100 is used.");
  expect(param(page, 'cut')).toBe('39.6');
  expect(param(page, 'lev')).toBe('100');
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/NaN|Infinity|\binf\b/);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the timeline is drawn, crisp on HiDPI screens and redrawn on resize', async ({ browser }) => {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await gotoApp(page, './');
  const canvas = page.locator('#timeline canvas');
  await drawn(canvas);
  const size = () => canvas.evaluate((c) => ({ w: c.width, cssW: c.getBoundingClientRect().width }));
  let s = await size();
  expect(s.w).toBe(Math.floor(s.cssW) * 2);
  await page.setViewportSize({ width: 420, height: 800 });
  await expect.poll(async () => (await size()).cssW).toBeLessThan(420);
  s = await size();
  expect(s.w).toBe(Math.floor(s.cssW) * 2);
  await drawn(canvas);
  await context.close();
});

test('a failed data request shows a clear message and the sliders still work', async ({ page }) => {
  const errors = watchErrors(page);
  await page.route('**/data/markets.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
  await page.goto('./');
  await expect(page.locator('#ctl-cut')).toBeVisible();
  const err = page.locator('#timeline .data-error');
  await expect(err).toContainText('Could not load markets.json: the server answered 500');
  // Sections that need other files still load.
  await expect(page.locator('#rates .fedwatch-strip')).toContainText('39.6%');
  // A section whose figures need markets.json says so where they would be.
  // (This line read 'IBIT' in #liquidity, which only the pre-rendered copy
  // had: every block of the built section that quotes IBIT also needs
  // markets.json, and the assertion passed while the section was not yet
  // built; CI of this stop's clean clone built it first.)
  await page.locator('#liquidity').scrollIntoViewIfNeeded();
  await expect(page.locator('#liquidity[data-static]')).toHaveCount(0);
  await expect(page.locator('#liquidity .data-error').first()).toContainText('markets.json');
  await page.locator('#ctl-cut').fill('10');
  await expect.poll(() => param(page, 'cut')).toBe('10');
  await expect(page.locator('#ctl-cut-num')).toHaveValue('10');
  // The only console errors are the failed requests themselves.
  expect(errors.filter((e) => !/Failed to load resource.*500/.test(e))).toEqual([]);
});

test('a corrupt data file names the file and the reason', async ({ page }) => {
  await page.route('**/data/rates.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1, "id": "rates"' }));
  await page.goto('./');
  await expect(page.locator('#rates .data-error').first()).toContainText('rates.json is not in the expected format');
  await expect(page.locator('#timeline .data-error')).toHaveCount(0);
  await drawn(page.locator('#timeline canvas'));
});

test('redrawing charts does not touch the document outside them (no layout thrash from text measuring)', async ({ page }) => {
  await gotoApp(page, './');
  await expect(page.locator('.loading')).toHaveCount(0);
  const added = await page.evaluate(async () => {
    const seen = [];
    const mo = new MutationObserver((ms) => ms.forEach((m) => m.addedNodes.forEach((n) => seen.push(n.nodeName))));
    mo.observe(document.body, { childList: true });
    const el = document.getElementById('ctl-cut');
    for (let i = 0; i < 20; i++) {
      el.value = String(20 + i * 3);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 10));
    }
    mo.disconnect();
    return seen;
  });
  expect(added).toEqual([]);
});
