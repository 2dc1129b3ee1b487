import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { drawn, gotoApp, watchErrors } from './helpers.mjs';

test('after the first visit the explainer works offline (service worker)', async ({ page, context }) => {
  await gotoApp(page, './?cut=61');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('main > section')).toHaveCount(5);
  await expect(page.locator('.loading')).toHaveCount(0);
  await expect(page.locator('.data-error')).toHaveCount(0);
  await expect(page.locator('#ctl-cut-num')).toHaveValue('61');
  await drawn(page.locator('#timeline canvas'));
  await context.setOffline(false);
});

test('the single-file build works from disk with no console errors', async ({ page }) => {
  const file = resolve('dist-single/selloff-explainer.html');
  test.skip(!existsSync(file), 'run `make single-file` first (make test does)');
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${file}?lev=30`);
  await expect(page.locator('main > section')).toHaveCount(5);
  await expect(page.locator('.loading')).toHaveCount(0);
  await expect(page.locator('.data-error')).toHaveCount(0);
  await expect(page.locator('#ctl-lev-num')).toHaveValue('30');
  await drawn(page.locator('#timeline canvas'));
  await drawn(page.locator('#cascade canvas'));
  await page.locator('#ctl-cut').fill('80');
  await expect(page.locator('#rates .v-cut')).toHaveText('80%');
  expect(errors).toEqual([]);
  // Nothing is fetched: everything is inside the one file.
  expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
});
