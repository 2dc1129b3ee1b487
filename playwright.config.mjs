// End-to-end tests in Debian's Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 8091);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  // Two workers on the two cores: spec files run side by side (the tests of
  // one file in order). E2E_WORKERS=1 runs them one at a time.
  workers: Number(process.env.E2E_WORKERS || 2),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
  webServer: {
    command: `node tools/serve.mjs dist ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
