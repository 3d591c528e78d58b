// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// playwright-core (nothing downloads a browser), and the project's static
// server on a free loopback port.
import fs from 'node:fs';
import { before, after } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const shared = path.resolve(root, '..', 'shared');
export const artifacts = path.join(root, 'artifacts');

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

export async function startServer(opts = {}) {
  return serve({ port: 0, ...opts });
}

/**
 * Starts the static server and Chromium before a test file's tests and
 * stops both after them. `env.browser` and `env.base` (the server's URL) are
 * set once the `before` hook has run.
 */
export function serveAndLaunch(opts = {}) {
  const env = { browser: null, server: null, base: null };
  before(async () => {
    ({ server: env.server, url: env.base } = await startServer(opts));
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

export function readGold() {
  return JSON.parse(fs.readFileSync(path.join(shared, 'seed', 'gold.json'), 'utf8'));
}

export function artifact(name) {
  fs.mkdirSync(artifacts, { recursive: true });
  return path.join(artifacts, name);
}

/** Opens a page and collects page errors and console errors. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  return { page, errors };
}
