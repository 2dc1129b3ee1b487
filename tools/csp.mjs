// The page's Content-Security-Policy, shared by the build hook and the
// single-file build.
import { createHash } from 'node:crypto';

// Content-Security-Policy: scripts only from this origin, plus Trunk's one
// inline loader by its hash, and 'wasm-unsafe-eval' to compile the wasm. No
// 'unsafe-inline' or 'unsafe-eval' for scripts. Inline styles are allowed
// because the app sets element style attributes (sizes, swatches).
export function csp(scriptHashes) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

export function inlineScriptHashes(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => createHash('sha256').update(m[1], 'utf8').digest('base64'));
}

