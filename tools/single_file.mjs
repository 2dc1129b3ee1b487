// `make single-file`: one .html with the wasm, JS, CSS and data inlined, that
// works when opened from disk (file://), for USB sticks and LMS uploads.
// Usage: node tools/single_file.mjs dist selloff-explainer.html
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csp, inlineScriptHashes } from './csp.mjs';

const [dist = 'dist', out = 'selloff-explainer.html'] = process.argv.slice(2);
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const jsFile = index.match(/from '\.\/([^']+\.js)'/)[1];
const wasmFile = index.match(/module_or_path: '\.\/([^']+\.wasm)'/)[1];
const cssFile = index.match(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/)[1];
const iconFile = index.match(/<link rel="icon" href="\.\/([^"]+)"/)?.[1];

// The wasm-bindgen module, made inline: its exports are dropped (nothing
// imports them) and init is given the wasm bytes instead of a URL. The glue
// is minified at build (tools/post_build.mjs), so init is found by the name
// the export list gives it (`export{re as default,…}`), whatever it is.
let initName = '__wbg_init';
const js = readFileSync(join(dist, jsFile), 'utf8')
  .replace(/export\s*\{([^}]*)\}\s*;?\s*$/, (_, list) => {
    for (const item of list.split(',')) {
      const m = item.trim().match(/^([\w$]+)\s+as\s+default$/);
      if (m) initName = m[1];
    }
    return '';
  })
  .replace(/^export default ([\w$]+);?\s*$/gm, (_, name) => {
    initName = name;
    return '';
  })
  .replace(/^export (function|class|const|let|async function) /gm, '$1 ');
const wasm64 = readFileSync(join(dist, wasmFile)).toString('base64');
const loader = `${js}
const bytes = Uint8Array.from(atob(document.getElementById('selloff-wasm').textContent), (c) => c.charCodeAt(0));
await ${initName}({ module_or_path: bytes });
`;
const css = readFileSync(join(dist, cssFile), 'utf8');
const data = readdirSync(join(dist, 'data'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    // JSON inside a script element: only "</" could end it early.
    const text = readFileSync(join(dist, 'data', f), 'utf8').replace(/<\//g, '<\\/');
    return `<script type="application/json" id="selloff-data-${f.replace(/\.json$/, '')}">${text}</script>`;
  })
  .join('\n');
const icon = iconFile ? `<link rel="icon" href="data:image/svg+xml;base64,${readFileSync(join(dist, iconFile)).toString('base64')}">` : '';
const head = index
  .slice(0, index.indexOf('</head>'))
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '')
  .replace(/<link rel="(icon|stylesheet|modulepreload|preload)"[^>]*>/g, '')
  .replace(/<script type="module">[\s\S]*?<\/script>/, '');
// fallback.js becomes inline too (its hash joins the CSP below).
const fallback = `<script>${readFileSync(join(dist, 'fallback.js'), 'utf8')}</script>`;
const body = index.slice(index.indexOf('<body>'), index.indexOf('</html>')).replace(/<script src="\.\/fallback\.js"[^>]*><\/script>/, '')
  // The data is inside the file: nothing to preload (and file:// cannot fetch).
  .replace(/<link rel="preload"[^>]*>\n?/g, '').replace('</body>', `${fallback}\n</body>`);
const module = `<script type="module">${loader}</script>`;
// The page's own inline script at the top of <body> (index.html) is hashed too.
const policy = csp(inlineScriptHashes(module + body));
const html = `${head.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`)}
${icon}
<style>${css}</style>
<script type="application/octet-stream" id="selloff-wasm">${wasm64}</script>
${data}
${module}
</head>
${body}</html>
`;
writeFileSync(out, html);
console.log(`single-file: wrote ${out} (${(html.length / 1024).toFixed(0)} KiB)`);
