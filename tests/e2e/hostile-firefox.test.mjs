// Every hostile page of ../shared/hostile-pages in Debian's Firefox ESR
// (puppeteer-core over WebDriver BiDi; nothing downloads a browser): the
// same trial and checks as in Chromium (hostile.mjs), so a page script that
// breaks a built-in gets a correct pass or a clear rejection, and an exact
// undo, in both engines PressLens ships for.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startServer } from './browser.mjs';
import { hostileTests } from './hostile.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const env = { browser: null, base: null };
let server;

before(async () => {
  assert.ok(fs.existsSync(FIREFOX), `${FIREFOX} is installed (make setup installs Debian's firefox-esr)`);
  ({ server, url: env.base } = await startServer());
  env.browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
});

after(async () => {
  await env.browser?.close();
  server?.close();
});

hostileTests(env, 'Firefox ESR');
