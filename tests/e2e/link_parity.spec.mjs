// The link read twice, alike: the inline script at the top of index.html reads
// the theme and whether the link has settings of its own before any wasm runs
// (for the first paint's colours and the "not your link's settings" cue);
// the app reads it with src/state/ (link.rs, query.rs). Both are held to the same links here:
// the script's reading with the wasm blocked, the app's from what it wrote
// back into the address (every control) once it had taken over.
import { test, expect } from '@playwright/test';
import { gotoApp } from './helpers.mjs';

const LINKS = [
  '',
  '?theme=dark',
  '?theme=dark&theme=light', // the last of a repeated key wins
  '?theme=light&theme=dark',
  '?theme=Dark', // not a theme: auto
  '?theme=sepia',
  '?cut=39.6',
  '?cut=39.6%25', // "39.6%"
  '?cut=%2039.6%20', // spaces around it
  '?lev=10x',
  '?lev=10%C3%97', // "10×"
  '?cut=50',
  '?cut=50%25',
  '?cut=39.6&cut=50',
  '?cut=50&cut=39.6',
  '?cut=abc', // not a number: the default
  '?cut=',
  '?foo=1', // not a control
  '?lev=10&theme=dark&embed=rates',
  '?lev=50&lev=10',
  '?oi=24',
  '?win=60',
];

/** What the inline script made of `link`: the app never starts (no wasm). */
async function scriptReading(page, link) {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`./${link}`);
  return page.evaluate(() => ({
    theme: document.documentElement.getAttribute('data-theme'),
    own: document.documentElement.classList.contains('link-settings'),
  }));
}

/** What the app made of `link`: its theme and whether the controls it wrote
 * into the address differ from the defaults (which the static page shows). */
async function appReading(page, link) {
  await gotoApp(page, `./${link}`);
  return page.evaluate(() => {
    const defaults = new URLSearchParams(document.querySelector('meta[name="selloff-defaults"]').content);
    const now = new URLSearchParams(location.search);
    let own = false;
    // The theme changes no number on the page.
    const presentation = ['v', 'theme', 'embed', 'fig'];
    defaults.forEach((value, key) => { if (!presentation.includes(key) && now.get(key) !== value) own = true; });
    return { theme: document.documentElement.getAttribute('data-theme'), own };
  });
}

test('the inline script reads every link as the app does (theme, settings of its own)', async ({ browser }) => {
  // Two fresh loads a link, one after another (about 1.5 s a link alone; a
  // CI run with the other worker busy took over the default minute).
  test.setTimeout(LINKS.length * 8_000);
  const mismatches = [];
  for (const link of LINKS) {
    const a = await browser.newPage();
    const b = await browser.newPage();
    const js = await scriptReading(a, link);
    const rust = await appReading(b, link);
    await a.close();
    await b.close();
    if (js.theme !== rust.theme || js.own !== rust.own) mismatches.push(`${link || '(no query)'}: script ${JSON.stringify(js)}, app ${JSON.stringify(rust)}`);
  }
  expect(mismatches).toEqual([]);
});
