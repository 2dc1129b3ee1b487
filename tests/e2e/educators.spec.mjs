// Educators: embed code that follows the live settings, figure embeds,
// heights that fit a 600 px column, Copy buttons, the published address, and
// questions for class with model-computed answers.
import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { gotoApp, watchErrors } from './helpers.mjs';

/** A course page served from another origin (this machine, another port). */
async function courseServer(html) {
  const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/course.html`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

const SECTIONS = ['rates', 'tariffs', 'liquidity', 'liquidations', 'synthesis'];
const PUBLIC = 'https://selloff-explainer.github.io/';

/** The src of a snippet, with the published base swapped for this test server. */
function localSrc(snippet, base) {
  const src = snippet.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  return src.replace(PUBLIC, base);
}

async function openDialog(page, section, name = 'Embed this section') {
  await page.locator(`#${section}`).getByRole('button', { name }).first().click();
  const dialog = page.locator(`#${section} dialog[open]`);
  await expect(dialog).toBeVisible();
  return dialog;
}

test('the embed code follows the settings of the moment, and frames on another origin open with them', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  await gotoApp(page, './');
  await page.locator('#ctl-cut').fill('10');
  await page.locator('#ctl-lev').fill('30');
  const dialog = await openDialog(page, 'tariffs');
  await expect(dialog.locator('.embed-opens-with')).toContainText('December rate-cut probability 10%, leverage 30×');
  const fixed = await dialog.getByLabel('Fixed-height embed code').inputValue();
  expect(fixed).toMatch(/^<iframe src="https:\/\/selloff-explainer\.github\.io\/\?v=1&amp;cut=10&amp;lev=30&amp;[^"]*embed=tariffs"/);
  // This copy runs on 127.0.0.1, so the code points at the published address and says so.
  await expect(dialog.locator('.public-note')).toContainText('published explainer');
  // While the dialog is open the code follows a change of settings.
  await dialog.getByLabel('Use the 20 Nov defaults instead').check();
  await expect(dialog.getByLabel('Fixed-height embed code')).toHaveValue(/cut=39\.6&amp;lev=10&amp;/);
  await dialog.getByLabel('Use the 20 Nov defaults instead').uncheck();
  await expect(dialog.getByLabel('Fixed-height embed code')).toHaveValue(/cut=10&amp;lev=30&amp;/);
  await dialog.getByLabel('Include the questions for class').check();
  await expect(dialog.getByLabel('Fixed-height embed code')).toHaveValue(/embed=tariffs&amp;questions=1"/);
  const src = localSrc(await dialog.getByLabel('Fixed-height embed code').inputValue(), baseURL);

  // A course page on another origin (another port) frames that embed.
  const course = await courseServer(`<!doctype html><title>course</title><link rel="icon" href="data:,"><iframe id="f" title="embed" src="${src}" style="width:600px;height:700px"></iframe>
      <script>window.got = []; addEventListener('message', (e) => { if (e.source === document.getElementById('f').contentWindow) window.got.push(e.data); });</script>`);
  await page.goto(course.url);
  const frame = page.frameLocator('#f');
  await expect(frame.locator('#ctl-cut-num')).toHaveValue('10');
  await expect(frame.locator('#ctl-lev-num')).toHaveValue('30');
  await expect(frame.locator('main > section#tariffs')).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Questions for class' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.got.filter((m) => m && m.type === 'selloff-explainer:height').length)).toBeGreaterThan(0);
  // "Open the full explainer" carries the embed's settings at all times, and the section's anchor.
  await frame.locator('#ctl-lev').fill('44');
  await expect(frame.getByRole('link', { name: 'Open the full explainer' })).toHaveAttribute('href', /lev=44&.*#tariffs$/);
  await course.close();
  expect(errors).toEqual([]);
});

test('a figure embed shows one figure with its controls and reports under 1,000 px at 600 px wide', async ({ page }) => {
  const errors = watchErrors(page);
  await page.route('**/host.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><title>host</title><link rel="icon" href="data:,"><iframe id="f" title="embed" src="/?embed=tariffs&fig=correlation&win=60" style="width:600px;height:900px"></iframe>
      <script>window.got = []; addEventListener('message', (e) => { if (e.source === document.getElementById('f').contentWindow) window.got.push(e.data); });</script>`,
  }));
  await page.goto('./host.html');
  const frame = page.frameLocator('#f');
  await expect(frame.locator('figure#correlation canvas')).toBeVisible();
  await expect(frame.locator('#tariffs .section-controls').first()).toBeVisible();
  await expect(frame.locator('input[name=win][value="60"]')).toBeChecked();
  await expect(frame.locator('#tariffs details.sources:visible')).toHaveCount(1);
  // The rest of the section is hidden: the intro paragraph and the shock and portfolio controls.
  await expect(frame.locator('#ctl-shock')).toBeHidden();
  await expect(frame.locator('#tariffs > p').first()).toBeHidden();
  // The host hears the embed's height once its layout has settled.
  const last = () => page.evaluate(() => window.got.filter((m) => m.type === 'selloff-explainer:height').at(-1));
  await expect.poll(async () => (await last())?.section).toBe('tariffs');
  await expect.poll(async () => (await last()).height).toBeGreaterThan(300);
  expect((await last()).height).toBeLessThan(1000);
  expect(errors).toEqual([]);
});

test('an unknown figure falls back to the whole section with a notice', async ({ page }) => {
  await page.goto('./?embed=rates&fig=nope');
  await expect(page.locator('.notice')).toContainText("fig: 'nope' is not a figure of this section");
  // The whole section, its advanced inputs one tap away under "Adjust the model".
  await expect(page.locator('#rates-empirical canvas')).toBeVisible();
  await page.getByTestId('adjust-rates').locator('summary').click();
  await expect(page.locator('#ctl-gr')).toBeVisible();
});

test('each figure offers "Embed this figure", with a figure snippet', async ({ page }) => {
  await gotoApp(page, './');
  await expect(page.locator('main section figure .figure-actions')).toHaveCount(10);
  const dialog = await openDialog(page, 'synthesis', 'Embed this figure');
  const fixed = await dialog.getByLabel('Fixed-height embed code').inputValue();
  expect(fixed).toContain('embed=synthesis&amp;fig=waterfall-spx"');
  const height = Number(fixed.match(/height="(\d+)"/)[1]);
  expect(height).toBeGreaterThan(300);
  expect(height).toBeLessThan(1100);
});

test('the fixed-height snippet is at least as tall as each section in a 600 px column', async ({ page, browser, baseURL }) => {
  await gotoApp(page, './');
  const column = await (await browser.newContext({ viewport: { width: 600, height: 800 } })).newPage();
  for (const id of SECTIONS) {
    const dialog = await openDialog(page, id);
    const fixed = await dialog.getByLabel('Fixed-height embed code').inputValue();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const snippetHeight = Number(fixed.match(/height="(\d+)"/)[1]);
    await gotoApp(column, `${baseURL}?embed=${id}`, { built: true });
    const rendered = await column.evaluate(() => document.body.scrollHeight);
    expect(snippetHeight, id).toBeGreaterThanOrEqual(rendered);
  }
});

test('Copy puts the exact snippet on the clipboard and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?cut=22');
  const dialog = await openDialog(page, 'liquidity');
  const responsive = await dialog.getByLabel('Responsive embed code').inputValue();
  await dialog.getByRole('button', { name: 'Copy this code (responsive)' }).click();
  await expect(dialog.locator('.copy-note')).toHaveText('Copied: responsive embed code.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(responsive);
  await dialog.getByRole('button', { name: 'Copy this link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^https:\/\/selloff-explainer\.github\.io\/\?v=1&cut=22&.*#liquidity$/);
});

test('where the clipboard is refused, Copy selects the code instead', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => { Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }); });
  const dialog = await openDialog(page, 'rates');
  await dialog.getByRole('button', { name: 'Copy this code (fixed height)' }).click();
  await expect(dialog.locator('.copy-note')).toContainText('press Ctrl+C');
  const selected = await page.evaluate(() => { const a = document.activeElement; return a.value.slice(a.selectionStart, a.selectionEnd); });
  expect(selected).toBe(await dialog.getByLabel('Fixed-height embed code').inputValue());
});

test('questions for class: answers hidden until revealed, following the sliders', async ({ page }) => {
  await gotoApp(page, './?lev=10');
  const q = page.getByTestId('questions-tariffs');
  await q.getByRole('button', { name: 'Questions for class' }).click();
  const first = q.locator('li').first();
  await expect(first.locator('.question')).toContainText('At 10× leverage');
  await expect(first.locator('.answer')).toBeHidden();
  await first.getByRole('button', { name: 'Show the answer' }).click();
  await expect(first.locator('.answer')).toHaveText(/^−9\.\d\d%/);
  await page.locator('#ctl-lev').fill('50');
  await expect(first.locator('.question')).toContainText('At 50× leverage');
  // Questions are not shown in an embed unless asked for.
  await page.goto('./?embed=tariffs');
  await expect(page.getByTestId('questions-tariffs')).toBeHidden();
  await page.goto('./?embed=tariffs&questions=1');
  await expect(page.getByTestId('questions-tariffs')).toBeVisible();
});

test('printing gives a worksheet: questions without answers, and an answer key at the end', async ({ page }) => {
  await gotoApp(page, './?cut=20');
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('questions-rates').locator('.question').first()).toBeVisible();
  await expect(page.getByTestId('questions-rates').locator('.answer').first()).toBeHidden();
  const key = page.locator('.answer-key');
  await expect(key).toBeVisible();
  await expect(key.locator('li')).toHaveCount(11);
  await expect(key).toContainText('bp higher');
  await page.emulateMedia({ media: 'screen' });
});

test('from the single file, embed code points at the published address, not file://', async ({ page }) => {
  const file = resolve('dist-single/selloff-explainer.html');
  test.skip(!existsSync(file), 'run `make single-file` first (make test does)');
  await page.goto(`file://${file}`);
  await expect(page.locator('.loading')).toHaveCount(0);
  const dialog = await openDialog(page, 'rates');
  const fixed = await dialog.getByLabel('Fixed-height embed code').inputValue();
  expect(fixed).toContain(`src="${PUBLIC}?v=1&amp;`);
  expect(fixed).not.toContain('file://');
  await expect(dialog.locator('.public-note')).toContainText('runs from a file');
  await expect(page.locator('#cite')).toContainText(PUBLIC);
});

test('the responsive snippet in a page on another origin grows the frame to the whole section: no scroll inside', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 900, height: 700 });
  await gotoApp(page, './');
  const dialog = await openDialog(page, 'liquidations');
  await expect(dialog.locator('.embed-advice')).toContainText('one figure is usually the better embed');
  const snippet = (await dialog.getByLabel('Responsive embed code').inputValue())
    .replace(PUBLIC.replace(/\/$/, ''), baseURL.replace(/\/$/, ''))
    .replaceAll(PUBLIC, baseURL);
  const course = await courseServer(`<!doctype html><title>course</title><link rel="icon" href="data:,"><h1>Week 3</h1><div style="width:600px">${snippet}</div><p id="after">After the embed.</p>`);
  await page.goto(course.url);
  const frameEl = page.locator('iframe');
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('main > section#liquidations')).toBeVisible();
  // The frame grows past the window's height to the section's full height.
  await expect.poll(async () => (await frameEl.boundingBox()).height).toBeGreaterThan(700);
  // Inside the frame (another origin) nothing is left to scroll.
  const inner = page.frames().find((f) => f.url().includes('embed=liquidations'));
  await expect.poll(() => inner.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(1);
  await course.close();
});
