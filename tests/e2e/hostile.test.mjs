// Every hostile page of ../shared/hostile-pages in Chromium (Playwright):
// the trial and its checks are in hostile.mjs.
import { serveAndLaunch } from './browser.mjs';
import { hostileTests } from './hostile.mjs';

hostileTests(serveAndLaunch(), 'Chromium');
