// make bench-dom: the sliced DOM pass on long pages, in headless Chromium.
// The seed article's paragraphs are cloned until the page holds PARAGRAPHS
// paragraphs (50,000 by default: about 14 MB of text), then one pass runs
// in highlight mode and one in <mark> mode (fallback: true). Printed per
// run: text size, total time, the browser's long tasks (the longest and how
// many went over 50 and 200 ms), the longest DOM slice and engine call as
// the overlay measured them, how often a page timer got to run meanwhile,
// report(), and clear() with its longest task (issue 28: none over 200 ms).
// Timings are printed, never asserted.
//
//   node bench/dom-pass.mjs [paragraphs] [highlight|mark ...]
import { launch, startServer } from '../tests/e2e/browser.mjs';
import { growArticle, measuredPass } from '../tests/e2e/page-checks.mjs';

const paragraphs = Number(process.argv[2] ?? 50_000);
const modes = process.argv.slice(3).length ? process.argv.slice(3) : ['highlight', 'mark'];

const { server, url: base } = await startServer();
const browser = await launch();
try {
  for (const mode of modes) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'log' && m.text().startsWith('DBG')) console.log(`  ${m.text()}`);
      else if ((m.type() === 'error' || m.type() === 'warning') && !m.text().includes('Failed to load resource')) errors.push(m.text());
    });
    await page.goto(`${base}shared/seed/article.html`);
    await page.addScriptTag({ type: 'module', content: "import * as pl from '/www/presslens.js'; await pl.load(); window.presslens = pl.presslens;" });
    await page.waitForFunction(() => window.presslens);
    await page.evaluate(growArticle, { paragraphs });
    // PRESSLENS_TRACE=1: a Chromium trace of the pass, summed by event
    // name (top-level rendering and script events), to see where the time
    // outside our slices goes.
    let cdp = null;
    const trace = [];
    if (process.env.PRESSLENS_TRACE) {
      cdp = await page.context().newCDPSession(page);
      cdp.on('Tracing.dataCollected', (d) => trace.push(...d.value));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
    }
    const m = await page.evaluate(measuredPass, { fallback: mode === 'mark', undo: false });
    const r = {
      ...m, longest: m.long[0] ?? 0, over50: m.long.filter((d) => d > 50).length, over200: m.long.filter((d) => d > 200).length,
      top: m.long.slice(0, 8).map(Math.round),
      frames: m.frames.length, frame: m.frames[0]?.[0] ?? 0, render: m.frames.reduce((n, f) => n + f[1], 0),
      frameOver200: m.frames.filter((f) => f[0] > 200).length,
    };
    if (cdp) {
      const ended = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
      await cdp.send('Tracing.end');
      await ended;
      const sum = new Map();
      let longest = new Map();
      for (const e of trace) {
        if (e.ph !== 'X' || !e.dur) continue;
        sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur / 1000);
        longest.set(e.name, Math.max(longest.get(e.name) ?? 0, e.dur / 1000));
      }
      const top = [...sum].sort((a, b) => b[1] - a[1]).slice(0, 14);
      console.log(`  trace (ms total / longest): ${top.map(([k, v]) => `${k} ${Math.round(v)}/${Math.round(longest.get(k))}`).join(', ')}`);
    }
    const mb = (r.text / 1e6).toFixed(1);
    console.log(`${mode}: ${paragraphs} paragraphs, ${mb} M chars, ${r.quotes} quotes${mode === 'mark' ? `, ${r.marks} marks` : ''}: `
      + `pass ${(r.ms / 1000).toFixed(1)} s, longest task ${Math.round(r.longest)} ms (${r.over50} over 50 ms, ${r.over200} over 200 ms; top ${JSON.stringify(r.top)}), `
      + `long frames ${r.frames} (longest ${Math.round(r.frame)} ms, ${r.frameOver200} over 200 ms, rendering in them ${(r.render / 1000).toFixed(1)} s), `
      + `longest DOM slice ${Math.round(r.slice)} ms (${r.phase}), longest engine call ${Math.round(r.engine)} ms, page timer ran ${r.ticks} times, report() ${Math.round(r.reportMs)} ms, `
      + `clear() ${Math.round(r.clear)} ms (longest task in it ${Math.round(r.clearTask)} ms${r.clearTask > 200 ? ', OVER 200 ms' : ''}; `
      + `longest slice of ours ${Math.round(r.clearSlice)} ms, ${r.clearPhase})`);
    if (errors.length) console.log(`  page errors: ${JSON.stringify(errors.slice(0, 5))}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
