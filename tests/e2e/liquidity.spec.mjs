import { test, expect } from '@playwright/test';
import { watchErrors, drawn, param, openDisclosures } from './helpers.mjs';

test('the depth slider changes the liquidity numbers, never NaN, charts drawn', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await drawn(page.locator('#flows canvas'));
  const impactCanvas = page.locator('#impact canvas');
  await drawn(impactCanvas);
  const impact = page.locator('#liquidity .v-impact');
  const full = await impact.innerText();
  const px = await impactCanvas.evaluate((c) => c.toDataURL());
  await page.locator('#ctl-depth').fill('75');
  await expect.poll(() => param(page, 'depth')).toBe('75');
  // A quarter of the volume doubles the impact (square-root law).
  const toNum = (s) => parseFloat(s.replace('%', ''));
  await expect.poll(async () => toNum(await impact.innerText())).toBeCloseTo(2 * toNum(full), 1);
  await expect.poll(() => impactCanvas.evaluate((c) => c.toDataURL())).not.toEqual(px);
  await page.locator('#ctl-depth').fill('90');
  // The selling and the holders' switch are advanced inputs, under "Adjust the model".
  await page.getByTestId('adjust-liquidity').locator('summary').click();
  await page.locator('#ctl-q').fill('10000');
  await page.locator('#ctl-lth').check();
  const text = await page.locator('#liquidity').innerText();
  expect(text).not.toMatch(/NaN|Infinity|\binf\b/);
  expect(errors).toEqual([]);
});

test('zero selling gives zero impact; the P/E is the reader\'s assumption', async ({ page }) => {
  await page.goto('./?q=0&pe=50&gr=8');
  await expect(page.locator('#liquidity .v-impact')).toHaveText('0.00%');
  await expect(page.locator('#liquidity .v-g')).toHaveText('6.0% a year');
  await expect(page.locator('#liquidity .v-beyond')).toHaveText('83%');
  await expect(page.locator('[data-testid=valuation-live]')).toContainText('growth profile');
});

test('flows chart marks the record day and lists the reported flows', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('#flows .event-note')).toContainText('IBIT outflow record');
  await expect(page.locator('#flows-summary')).toContainText('−$523.2M on 18 Nov 2025');
  // The flows chart and its table are one tap away ("More: the ETF flows day by day").
  await openDisclosures(page, '#liquidity');
  await page.locator('#flows + button.show-table').click();
  await expect(page.locator('#flows + button.show-table + .data-alt table tbody tr')).toHaveCount(16);
  await expect(page.locator('#impact-check tbody tr')).toHaveCount(3);
});
