// Static fallback for readers without WebAssembly (old browsers, iOS Lockdown
// Mode) or without JavaScript: render the page once in headless Chromium at
// the default settings, keep its prose, figure summaries and tables, drop the
// controls and canvases, and put the result into dist/index.html, hidden. A
// <noscript> style reveals it without JavaScript; public/fallback.js reveals it
// when JavaScript runs but WebAssembly does not.
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

const dist = process.argv[2] || 'dist';
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
const heights = [];
try {
  const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('#synthesis') && !document.querySelector('.loading'), null, { timeout: 30_000 });
  // Fill in every "Show as table" table, as printing does.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.waitForTimeout(200);
  html = await page.evaluate(() => {
    const root = document.createElement('div');
    for (const sel of ['.masthead', 'main']) {
      const el = document.querySelector(sel);
      if (el) root.appendChild(el.cloneNode(true));
    }
    // Controls and canvases cannot work without the app; their figures keep
    // their one-sentence summaries and tables.
    // A term keeps its words (its definition is in the glossary below).
    root.querySelectorAll('button.term').forEach((b) => { const s = document.createElement('span'); s.className = 'term'; s.textContent = b.textContent; b.replaceWith(s); });
    root.querySelectorAll('.glossary').forEach((g) => g.classList.remove('print-only'));
    root.querySelectorAll('canvas, .chart-box, .public-note, .term-def, input, select, button, dialog, .section-controls, .stepper, .bar-actions, .print-only, .skip, .event-note, script, textarea').forEach((e) => e.remove());
    root.querySelectorAll('.data-alt').forEach((e) => e.classList.add('open'));
    root.querySelectorAll('details').forEach((e) => e.setAttribute('open', ''));
    root.querySelectorAll('[id]').forEach((e) => e.setAttribute('id', `static-${e.id}`));
    root.querySelectorAll('[data-testid]').forEach((e) => e.removeAttribute('data-testid'));
    root.querySelectorAll('[aria-describedby], [aria-labelledby]').forEach((e) => { e.removeAttribute('aria-describedby'); e.removeAttribute('aria-labelledby'); });
    root.querySelectorAll('main').forEach((m) => { const d = document.createElement('div'); d.innerHTML = m.innerHTML; m.replaceWith(d); });
    return root.innerHTML;
  });
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
html = html.split(server.url).join('(the address of this page)');

const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8').replace(/<div id="static-page"[\s\S]*?<!-- \/static-page -->\n?/, '');
const block = `<div id="static-page" class="static-page" hidden>
<p class="noscript">This is the static version of the explainer, at its default settings (20 November 2025). Its sliders and charts need WebAssembly, which this browser is not running.</p>
${html}
</div><!-- /static-page -->
<noscript><style>#static-page { display: block !important; }</style></noscript>
`;
index = index.replace(/<noscript>\s*<p class="noscript">[\s\S]*?<\/noscript>\s*/, '');
index = index.replace('<body>', `<body>\n${block}`);
index = index.replace(/<meta name="selloff-embed-heights"[^>]*>\n?/, '');
index = index.replace('</head>', `<meta name="selloff-embed-heights" content="${heights.join(';')}">\n</head>`);
writeFileSync(indexPath, index);
console.log(`prerender: embed heights at 600 px: ${heights.join(', ')}`);
console.log(`prerender: static fallback of ${(html.length / 1024).toFixed(0)} KiB written into ${indexPath}`);
