// The pre-rendered page (issue 17, "content first"): render the app once in
// headless Chromium at the default settings and write its page into
// dist/index.html as #static-page, shown from the first paint. It is the app's
// own DOM, so the same stylesheet lays it out the same way: the real ids (so
// /#liquidations lands on the section before the app runs), the details
// closed, the chart boxes at their size with no canvas, the controls in place
// but disabled (style/main.css shows them as not working yet, or hides them
// where the app cannot run), "Show as table" as a native <details>. The app
// renders itself off-screen and swaps itself in for it when it is ready
// (src/app.rs, public/fallback.js); sections it has not built yet keep their
// pre-rendered copy (src/sections/mod.rs). Without WebAssembly or JavaScript
// it is the page.
// Usage: node tools/prerender.mjs dist
// It also measures every embed (each section, and each figure with an
// "Embed this figure" button) in a 600 px column at the default settings, and
// writes the heights into a meta tag the embed dialog reads, so the
// fixed-height snippet fits what it frames.
// The page is rendered from a temporary local server on a free port (never
// the caller's PORT, which may be the one `make run` is about to use).
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './serve.mjs';
import { inlineScriptHashes } from './csp.mjs';

const dist = process.argv[2] || 'dist';
const indexPath = join(dist, 'index.html');
// A previous run's static page is removed first: the app renders from
// scratch, with every section built (it only builds lazily over a static page).
const STATIC_BLOCK = /<div id="static-page"[\s\S]*?<!-- \/static-page -->\n?/;
writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace(STATIC_BLOCK, ''));
let server;
try {
  server = await startServer(dist, 0);
} catch (e) {
  console.error(`prerender: could not start the temporary server for ${dist}: ${e.message}`);
  process.exit(1);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
let html;
let defaults = '';
let edition = { lang: 'en', title: '', description: '' };
const heights = [];
try {
  const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
  // The app renders the static copy's variants too (context::prerendering):
  // this script only serialises and strips, and matches none of its prose.
  await page.addInitScript(() => { window.selloffPrerender = true; });
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('#synthesis') && !document.querySelector('.loading:not(.app-loading)'), null, { timeout: 30_000 });
  // Fill in every "Show as table" table, as printing does.
  // Printing also opens every disclosure (components::Disclosure); the copy
  // keeps only those the reader sees open at the defaults, so its layout is
  // the app's and the take-over moves nothing.
  await page.evaluate(() => {
    document.querySelectorAll('details[open]').forEach((d) => d.setAttribute('data-open-before-print', ''));
    dispatchEvent(new Event('beforeprint'));
  });
  await page.waitForTimeout(200);
  html = await page.evaluate(() => {
    const root = document.createElement('div');
    for (const el of document.body.children) {
      if (el.matches('script, noscript, link, #static-page')) continue;
      root.appendChild(el.cloneNode(true));
    }
    root.querySelectorAll('details[open]:not([data-open-before-print])').forEach((d) => d.removeAttribute('open'));
    root.querySelectorAll('[data-open-before-print]').forEach((d) => d.removeAttribute('data-open-before-print'));
    // Which disclosures are open at the defaults: one the reader changes in the
    // copy stays changed in the app (selloffCarryOpen, public/fallback.js).
    root.querySelectorAll('details[open]').forEach((d) => d.setAttribute('data-default-open', ''));
    // A chart keeps its box (its size is in its style), not its canvas or overlays.
    root.querySelectorAll('.chart-box').forEach((b) => b.replaceChildren());
    // Term ids are numbered as the app builds them; sections built later
    // would number theirs differently, so the copy has none (nor the hidden
    // definitions they point at).
    root.querySelectorAll('.term-def, .permalink, dialog, script').forEach((e) => e.remove());
    root.querySelectorAll('button.term').forEach((b) => ['id', 'aria-controls', 'aria-expanded'].forEach((a) => b.removeAttribute(a)));
    root.querySelectorAll('[data-testid]').forEach((e) => e.removeAttribute('data-testid'));
    // Controls stay where they are, for the layout, but never work here.
    root.querySelectorAll('button, input, select, textarea').forEach((e) => {
      e.setAttribute('disabled', '');
      e.setAttribute('tabindex', '-1');
    });
    return root.innerHTML;
  });
  // The settings at the defaults, as the app writes them into the link (every
  // control): the script at the top of <body> compares a link with them.
  defaults = await page.evaluate(() => location.search.replace(/^\?/, ''));
  // The edition's language, title and description, as the app sets them
  // (the Chinese build, issue 26, sets lang="zh-CN" and its own title).
  edition = await page.evaluate(() => ({
    lang: document.documentElement.lang || 'en',
    title: document.title,
    description: document.querySelector('meta[name="description"]')?.content ?? '',
  }));
  // Every embed target: the sections, and the figures that offer an embed.
  const targets = await page.evaluate(() => [...document.querySelectorAll('main > section')].flatMap((s) => [
    s.id, ...[...s.querySelectorAll('figure[id]')].filter((f) => f.querySelector('.figure-actions')).map((f) => `${s.id}/${f.id}`),
  ]));
  const column = await (await browser.newContext({ serviceWorkers: 'block', viewport: { width: 600, height: 800 } })).newPage();
  for (const key of targets) {
    const [section, fig] = key.split('/');
    await column.goto(`${server.url}?embed=${section}${fig ? `&fig=${fig}` : ''}`);
    await column.waitForFunction(() => document.querySelector('main > section') && !document.querySelector('.loading'), null, { timeout: 30_000 });
    await column.waitForTimeout(300);
    // The height the embed reports to its host (body.scrollHeight).
    heights.push(`${key}=${await column.evaluate(() => document.body.scrollHeight)}`);
  }
} finally {
  await browser.close();
  await server.close();
}

// The page was rendered from a temporary local server; its address must not
// end up in the static copy (the citation block quotes the page's address).
const zh = edition.lang.startsWith('zh');
html = html.split(server.url).join(zh ? '（本页网址）' : '(the address of this page)');
// The app's empty marker comments (Leptos places them around dynamic views;
// 3,573 of them, about 1.3 KB gzip) mean nothing to the static copy, which
// the app replaces rather than hydrates.
html = html.replaceAll('<!---->', '');

let index = readFileSync(indexPath, 'utf8').replace(STATIC_BLOCK, '');
const block = `<div id="static-page" class="static-page">
<p class="noscript static-note">${zh
    ? '这是本页的静态版本，显示默认设置（2025年11月20日）下的结果。滑块和图表需要WebAssembly，而当前浏览器未能运行它。'
    : 'This is the static version of the explainer, at its default settings (20 November 2025). Its sliders and charts need WebAssembly, which this browser is not running.'}</p>
${html}
</div><!-- /static-page -->
`;
index = index.replace(/<noscript>\s*<p class="noscript">[\s\S]*?<\/noscript>\s*/, '');
// After the script at the top of <body> (index.html), which marks <html>
// before the static page is painted.
if (!index.includes('<!-- static-page -->')) {
  console.error('prerender: index.html has no <!-- static-page --> marker in its <body>');
  process.exit(1);
}
index = index.replace('<!-- static-page -->', `<!-- static-page -->\n${block}`);
index = index.replace(/<meta name="selloff-embed-heights"[^>]*>\n?/, '');
// The edition (issue 26): <html lang>, the title and description the app set,
// and the two editions as hreflang alternates (absolute, at the public
// address: search engines ignore relative ones).
const escape = (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
index = index.replace(/<html lang="[^"]*">/, `<html lang="${escape(edition.lang)}">`);
if (edition.title) index = index.replace(/<title>[\s\S]*?<\/title>/, `<title>${escape(edition.title)}</title>`);
if (edition.description) index = index.replace(/<meta name="description" content="[^"]*">/, `<meta name="description" content="${escape(edition.description)}">`);
const publicUrl = (process.env.SELLOFF_PUBLIC_URL || 'https://selloff-explainer.github.io/').replace(/\/?$/, '/');
index = index.replace(/<link rel="alternate" hreflang[^>]*>\n?/g, '');
index = index.replace('</head>', [
  `<link rel="alternate" hreflang="en" href="${publicUrl}">`,
  `<link rel="alternate" hreflang="zh-Hans" href="${publicUrl}zh/">`,
  `<link rel="alternate" hreflang="x-default" href="${publicUrl}">`,
  '</head>',
].join('\n'));
index = index.replace(/<meta name="selloff-defaults"[^>]*>\n?/, '');
index = index.replace('</head>', `<meta name="selloff-defaults" content="${defaults.replace(/"/g, '&quot;')}">\n</head>`);
index = index.replace('</head>', `<meta name="selloff-embed-heights" content="${heights.join(';')}">\n</head>`);
// The policy (tools/post_build.mjs) allows the inline scripts by their hash:
// a rewrite above that touched one (a pattern matching inside a script) would
// block it in every browser, so it fails the build here.
const policy = index.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1] ?? '';
const unlisted = inlineScriptHashes(index).filter((h) => !policy.includes(`'sha256-${h}'`));
if (policy && unlisted.length) {
  console.error(`prerender: ${unlisted.length} inline script(s) of index.html changed after post_build hashed them for the CSP`);
  process.exit(1);
}
writeFileSync(indexPath, index);
console.log(`prerender: embed heights at 600 px: ${heights.join(', ')}`);
console.log(`prerender: static fallback of ${(html.length / 1024).toFixed(0)} KiB written into ${indexPath}`);
