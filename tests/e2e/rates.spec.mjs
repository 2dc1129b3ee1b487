import { test, expect } from '@playwright/test';
import { watchErrors, drawn, param, openDisclosures, openDeeper } from './helpers.mjs';

async function ratesState(page) {
  const section = page.locator('#rates');
  await expect(section.locator('.loading')).toHaveCount(0);
  await expect(section.locator('[data-testid=rates-punchline]')).not.toBeEmpty();
  // The textbook lens and the results table are one tap away ("More: …"): open them as a reader would.
  await openDisclosures(page, '#rates');
  const text = await section.innerText();
  const canvases = section.locator('canvas');
  await expect(canvases).toHaveCount(2);
  for (let i = 0; i < 2; i++) await drawn(canvases.nth(i));
  // What the reader sees of each chart: the canvas plus its HTML overlays.
  const pixels = [];
  for (const box of await section.locator('.chart-box').all()) pixels.push((await box.screenshot()).toString('base64'));
  return { text, pixels };
}

test('cut=10 and cut=90 give different numbers and charts, never NaN', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?cut=10');
  const low = await ratesState(page);
  await page.goto('./?cut=90');
  const high = await ratesState(page);
  for (const s of [low, high]) expect(s.text).not.toMatch(/NaN|Infinity|\binf\b/);
  expect(low.text).not.toEqual(high.text);
  expect(low.pixels[0]).not.toEqual(high.pixels[0]);
  expect(low.pixels[1]).not.toEqual(high.pixels[1]);
  // Lower odds than the reference mean higher expected rates; higher odds, lower.
  await expect(page.locator('#rates .v-dr')).toContainText('lower');
  await page.goto('./?cut=10');
  await expect(page.locator('#rates .v-dr')).toContainText('higher');
  expect(errors).toEqual([]);
});

test('the FedWatch test vector shows on screen, and the slider repaints the charts', async ({ page }) => {
  await page.goto('./?cut=50');
  await ratesState(page);
  // p = 0.5 with R_start 3.88%, N 31, d 10 → futures price 96.2047.
  await expect(page.locator('#rates .v-price')).toHaveText('96.2047');
  const box = page.locator('#rates-textbook .chart-box');
  const before = (await box.screenshot()).toString('base64');
  const rule = page.locator('#rates-textbook .current-rule');
  const x50 = await rule.evaluate((e) => parseFloat(e.style.left));
  await page.locator('#ctl-cut').fill('80');
  await expect(page.locator('#rates .v-cut')).toHaveText('80%');
  // The current-value rule moves (an HTML overlay: the curves themselves do not depend on the slider).
  await expect.poll(() => rule.evaluate((e) => parseFloat(e.style.left))).toBeGreaterThan(x50);
  await expect(page.locator('#rates-textbook .current-label')).toContainText('80%: growth');
  expect((await box.screenshot()).toString('base64')).not.toEqual(before);
  // Changing what the curves depend on repaints the canvas itself.
  const canvasBefore = await page.locator('#rates-textbook canvas').evaluate((c) => c.toDataURL());
  await page.locator('#ctl-gg').fill('9');
  await expect.poll(() => page.locator('#rates-textbook canvas').evaluate((c) => c.toDataURL())).not.toEqual(canvasBefore);
});

test('the punchline at the real change says the rate channel explains a small part', async ({ page }) => {
  await page.goto('./');
  const p = page.locator('#rates [data-testid=rates-punchline]');
  await expect(p).toContainText('explains a small part of the S&P 500');
  await expect(p).toContainText('other causes');
  // Issue 14: the share is of the move over the same span as the rate change (6 Nov to 20 Nov), not of one day.
  await expect(page.locator('#rates-results')).toContainText('−2.70%');
  await expect(p).toContainText("fall from that day to 20 Nov (9%)");
});

test('measured from the session before, the odds rose on the day and push prices up', async ({ page }) => {
  await page.goto('./?ref=2025-11-19:30');
  await expect(page.locator('#rates [data-testid=rates-punchline]')).toContainText('pushes prices up');
  await expect(page.locator('#rates-results')).toContainText('wrong direction');
});

test('section controls live in the URL, bad values are clamped, and reset restores 20 Nov', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?cut=80&gg=99&ref=nonsense&nqb=abc');
  await expect(page.locator('#ctl-gg-num')).toHaveValue('12');
  await expect(page.locator('.notice')).toContainText("ref: 'nonsense' is not a valid choice");
  await expect(page.locator('#ctl-nqb-num')).toHaveValue('1.2');
  await page.locator('#ctl-ref').selectOption('2025-10-13:95');
  await expect.poll(() => param(page, 'ref')).toBe('2025-10-13:95');
  await page.locator('#ctl-gr').fill('10');
  await expect.poll(() => param(page, 'gr')).toBe('10');
  const text = await page.locator('#rates').innerText();
  expect(text).not.toMatch(/NaN|Infinity/);
  await page.locator('#rates').getByRole('button', { name: 'Reset to the 20 Nov values' }).click();
  await expect.poll(() => param(page, 'cut')).toBe('39.6');
  await expect.poll(() => param(page, 'ref')).toBe('2025-11-06:64.5');
  await expect(page.locator('#ctl-gr-num')).toHaveValue('8');
  expect(errors).toEqual([]);
});

test('the table alternative lists the model by probability', async ({ page }) => {
  await page.goto('./');
  await openDeeper(page, '#rates');
  const button = page.locator('#rates button.show-table');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#rates .data-alt table.data-table tbody tr')).toHaveCount(11);
});
