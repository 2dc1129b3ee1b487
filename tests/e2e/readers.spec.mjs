import { test, expect } from '@playwright/test';
import { watchErrors, drawn, param, ready } from './helpers.mjs';

const SECTIONS = ['rates', 'tariffs', 'liquidity', 'liquidations', 'synthesis'];

test('links are over-specified with a schema version and round-trip', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('#ctl-cut')).toBeVisible();
  await expect.poll(() => param(page, 'v')).toBe('1');
  for (const k of ['cut', 'lev', 'ref', 'gr', 'gg', 'nqb', 'win', 'fr', 'shock', 'wbtc', 'pe', 'hz', 'q', 'lth', 'depth', 'cshock', 'phi', 'oi']) {
    await expect.poll(() => param(page, k), { message: k }).not.toBeNull();
  }
  // Reopening the page's own link reproduces the same link.
  await page.locator('#ctl-cut').fill('61');
  await page.locator('#ctl-depth').fill('30');
  await expect.poll(() => param(page, 'depth')).toBe('30');
  const url = page.url();
  await page.goto(url);
  await expect(page.locator('#ctl-depth-num')).toHaveValue('30');
  expect(page.url()).toBe(url);
});

test('Reset all returns every control to the 20 Nov values; Copy link copies the URL', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?cut=90&lev=60&depth=50&win=14&pe=90');
  await page.getByRole('button', { name: 'Reset all' }).click();
  await expect.poll(() => param(page, 'cut')).toBe('39.6');
  for (const [k, v] of [['lev', '10'], ['depth', '0'], ['win', '30'], ['pe', '40']]) {
    await expect.poll(() => param(page, k)).toBe(v);
  }
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.copy-status')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test('a dragged slider writes the address once it comes to rest, and Copy link never lags behind', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    window.__replaced = 0;
    const orig = history.replaceState.bind(history);
    history.replaceState = (...a) => { window.__replaced++; return orig(...a); };
  });
  await page.goto('./');
  // The app's own slider, once it has taken over from the pre-rendered page.
  await ready(page);
  await expect.poll(() => param(page, 'cut')).toBe('39.6');
  const before = await page.evaluate(() => window.__replaced);
  // A drag: 60 inputs in a row, one per frame.
  await page.evaluate(async () => {
    const el = document.getElementById('ctl-cut');
    for (let i = 0; i <= 60; i++) {
      el.value = String(10 + i);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
  await expect.poll(() => param(page, 'cut')).toBe('70');
  const writes = (await page.evaluate(() => window.__replaced)) - before;
  expect(writes).toBeGreaterThanOrEqual(1);
  expect(writes).toBeLessThan(20);
  // Copy link straight after a change carries that change.
  await page.locator('#ctl-lev').fill('33');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.copy-status')).toHaveText('Link copied.');
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.searchParams.get('lev')).toBe('33');
  expect(copied.searchParams.get('cut')).toBe('70');
});

for (const id of SECTIONS) {
  test(`embed=${id} shows only that section and posts its height`, async ({ page }) => {
    const errors = watchErrors(page);
    // A host page that frames the embed and records what it posts.
    await page.route('**/host.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>host</title><link rel="icon" href="data:,"><iframe id="f" title="embed" src="/?embed=${id}" style="width:900px;height:600px"></iframe>
        <script>window.got = []; addEventListener('message', (e) => { if (e.source === document.getElementById('f').contentWindow) window.got.push(e.data); });</script>`,
    }));
    await page.goto('./host.html');
    await expect.poll(() => page.evaluate(() => window.got.filter((m) => m && m.type === 'selloff-explainer:height').length)).toBeGreaterThan(0);
    const msg = await page.evaluate(() => window.got.find((m) => m.type === 'selloff-explainer:height'));
    expect(msg.section).toBe(id);
    expect(msg.height).toBeGreaterThan(300);
    const frame = page.frameLocator('#f');
    await expect(frame.locator('main > section')).toHaveCount(1);
    await expect(frame.locator(`main > section#${id}`)).toBeVisible();
    await expect(frame.locator('.masthead')).toHaveCount(0);
    await expect(frame.getByRole('link', { name: 'Open the full explainer' })).toHaveAttribute('href', /^http.*\?(?!.*embed=)/);
    expect(errors).toEqual([]);
  });
}

test("the embed's link to the full page carries the reader's settings at the moment of the click", async ({ page, context }) => {
  await page.goto('./?embed=liquidity');
  await expect(page.locator('#ctl-depth')).toBeVisible();
  await page.locator('#ctl-depth').fill('40');
  await page.locator('#ctl-cut').fill('12');
  const [full] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('link', { name: 'Open the full explainer' }).click(),
  ]);
  const url = new URL(full.url());
  expect(url.searchParams.get('depth')).toBe('40');
  expect(url.searchParams.get('cut')).toBe('12');
  expect(url.searchParams.has('embed')).toBe(false);
  await full.close();
});

test('the embed accepts a validated theme request from its host and ignores other messages', async ({ page }) => {
  await page.route('**/host.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><title>host</title><link rel="icon" href="data:,"><iframe id="f" title="embed" src="/?embed=rates" style="width:900px;height:600px"></iframe>',
  }));
  await page.goto('./host.html');
  const frame = page.frames().find((f) => f.url().includes('embed=rates')) || (await (await page.$('#f')).contentFrame());
  await expect.poll(() => frame.evaluate(() => document.documentElement.dataset.theme)).toBe('auto');
  // Messages arrive in order: once a last one is seen, the two before it have been handled.
  await frame.evaluate(() => { window.__seen = new Promise((r) => addEventListener('message', (e) => e.data === 'sentinel' && r())); });
  await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'selloff-explainer:theme', theme: 'evil' }, '*'));
  await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'other', theme: 'dark' }, '*'));
  await page.evaluate(() => document.getElementById('f').contentWindow.postMessage('sentinel', '*'));
  await frame.evaluate(() => window.__seen);
  expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe('auto');
  await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'selloff-explainer:theme', theme: 'dark' }, '*'));
  await expect.poll(() => frame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
});

test('each section offers embed code with a titled, lazy iframe and an origin-checking listener', async ({ page }) => {
  await page.goto('./');
  await page.locator('#tariffs').getByRole('button', { name: 'Embed this section' }).click();
  const dialog = page.locator('#tariffs dialog');
  await expect(dialog).toBeVisible();
  const fixed = await dialog.getByLabel('Fixed-height embed code').inputValue();
  expect(fixed).toMatch(/^<iframe src="http[^"]*embed=tariffs[^"]*" title="[^"]+" width="100%" height="\d+" loading="lazy"/);
  const responsive = await dialog.getByLabel('Responsive embed code').inputValue();
  // This copy runs on 127.0.0.1, so the code points at the published explainer
  // (PUBLIC_URL) and checks messages come from its origin.
  expect(responsive).toContain("e.origin !== 'https://selloff-explainer.github.io'");
  expect(responsive).toContain('e.source !== frame.contentWindow');
  expect(responsive).toContain('selloff-explainer:height');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('an unknown embed id shows the whole page with a notice', async ({ page }) => {
  await page.goto('./?embed=%3Cscript%3Ealert(1)%3C/script%3E');
  await expect(page.locator('main > section')).toHaveCount(5);
  await expect(page.locator('.notice')).toContainText("embed: '<script>alert(1)</scrip");
});
