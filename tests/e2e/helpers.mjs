import { expect } from '@playwright/test';

/** Collect console errors and uncaught exceptions for the whole test. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Open `url` (default the page itself) and wait for the app the one way
 * every spec does: until it has taken over the pre-rendered page
 * (`html[data-app=ready]`, set by public/fallback.js) and no figure is still
 * loading; with `{ built: true }`, also until every section is built. */
export async function gotoApp(page, url = './', { built = false } = {}) {
  await page.goto(url);
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator('.loading')).toHaveCount(0);
  if (built) await allBuilt(page);
}

/** Wait until the app has mounted and the timeline has been drawn. */
export async function ready(page) {
  await expect(page.locator('#ctl-cut')).toBeVisible();
  await expect(page.locator('#timeline canvas')).toBeVisible();
}

/** Wait until every section is built: sections below the first screen are
 * built after the app starts (near the viewport or when the browser is idle),
 * their pre-rendered copies (`[data-static]`) standing in until then. */
export async function allBuilt(page) {
  await expect(page.locator('[data-static]')).toHaveCount(0);
}

/** Share of canvas pixels that differ from the background (0..1). */
export async function inkShare(locator) {
  return locator.evaluate((c) => {
    const { width, height } = c;
    if (!width || !height) return 0;
    const d = c.getContext('2d').getImageData(0, 0, width, height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) ink++;
    }
    return ink / (width * height);
  });
}

/** Wait for a canvas to have been drawn (some ink), then return the share. */
export async function drawn(locator, min = 0.01) {
  // A chart draws only near the viewport: as a reader would, open the
  // disclosures it sits in (outermost first) and scroll to it.
  await locator.evaluate((el) => {
    const chain = [];
    for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) chain.unshift(d);
    for (const d of chain) if (!d.open) d.querySelector(':scope > summary').click();
  });
  await locator.scrollIntoViewIfNeeded();
  await expect.poll(() => inkShare(locator), { timeout: 10_000 }).toBeGreaterThan(min);
  return inkShare(locator);
}

export function param(page, key) {
  return new URL(page.url()).searchParams.get(key);
}

/** Open a section's "Go deeper" (its tables, method and sources) as a
 * reader would, if it is closed. */
export async function openDeeper(page, section) {
  // The app's own section: a pre-rendered stand-in clicked open here can be
  // replaced by the built section in the same moment (CI run of stop 30 saw
  // it closed afterwards), so wait for the build, then open until it stays.
  await expect(page.locator(`${section}[data-static]`)).toHaveCount(0);
  await expect(page.locator(section)).toHaveCount(1);
  await expect(async () => {
    const summary = page.locator(`${section} details.deeper:not([open]) > summary`);
    if (await summary.count()) await summary.first().click();
    await expect(page.locator(`${section} details.deeper`).first()).toHaveAttribute('open', '', { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

/** Open the closed disclosures ("Adjust the model", "More: …", "How is this
 * computed?") under `scope` as a reader would: by clicking their summaries. */
export async function openDisclosures(page, scope = 'main') {
  // The app's own disclosures: a pre-rendered stand-in opened here would be
  // replaced, closed, when the app builds its section.
  await allBuilt(page);
  // One at a time: each click changes which ones are still closed.
  for (let i = 0; i < 100; i++) {
    const closed = page.locator(`${scope} details.disclose:not([open]) > summary`);
    let next = null;
    for (let j = 0, n = await closed.count(); j < n && !next; j++) {
      if (await closed.nth(j).isVisible()) next = closed.nth(j);
    }
    if (!next) return;
    await next.click();
  }
}
