// make bench-dom: the sliced DOM pass on long pages, in headless Chromium.
// The seed article's paragraphs are cloned until the page holds PARAGRAPHS
// paragraphs (50,000 by default: about 14 MB of text), then one pass runs
// in highlight mode and one in <mark> mode (fallback: true). Printed per
// run: text size, total time, the browser's long tasks (the longest and how
// many went over 50 and 200 ms), the longest DOM slice and engine call as
// the overlay measured them, how often a page timer got to run meanwhile,
// and clear(). Timings are printed, never asserted.
//
//   node bench/dom-pass.mjs [paragraphs] [highlight|mark ...]
import { launch, startServer } from '../tests/e2e/browser.mjs';

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
    await page.evaluate(async (n) => {
      const body = document.querySelector('.entry-content');
      const paras = [...body.querySelectorAll('p')];
      const frag = document.createDocumentFragment();
      for (let i = paras.length; i < n; i++) frag.append(paras[i % paras.length].cloneNode(true));
      body.append(frag);
      await new Promise((r) => setTimeout(r, 500));
    }, paragraphs);
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
    const r = await page.evaluate(async (fallback) => {
      const long = [];
      const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(e.duration); });
      obs.observe({ type: 'longtask' });
      // Long animation frames: a task and the rendering after it (style,
      // layout, paint), which long tasks leave out.
      const frames = [];
      let loaf = null;
      if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
        loaf = new PerformanceObserver((l) => { for (const e of l.getEntries()) frames.push([e.duration, e.renderStart ? e.startTime + e.duration - e.renderStart : 0]); });
        loaf.observe({ type: 'long-animation-frame' });
      }
      let ticks = 0;
      let ticking = true;
      const tick = () => { if (ticking) { ticks += 1; setTimeout(tick, 0); } };
      setTimeout(tick, 0);
      const t0 = performance.now();
      const report = await window.presslens.annotate(undefined, { panel: true, fallback, observe: false });
      const ms = performance.now() - t0;
      ticking = false;
      const lens = window.presslens.current();
      const slice = lens.longestSliceMs();
      const phase = lens.longestSlicePhase();
      const engine = lens.longestEngineMs();
      // Long tasks are reported after they end: give the last ones time.
      await new Promise((res) => setTimeout(res, 500));
      obs.disconnect();
      loaf?.disconnect();
      frames.sort((a, b) => b[0] - a[0]);
      const text = window.presslens.scope().text.length;
      const marks = document.querySelectorAll('mark.presslens').length;
      const c0 = performance.now();
      window.presslens.clear();
      const clear = performance.now() - c0;
      long.sort((a, b) => b - a);
      return {
        text, ms, slice, phase, engine, clear, ticks, marks, quotes: report.quotes.length,
        longest: long[0] ?? 0, over50: long.filter((d) => d > 50).length, over200: long.filter((d) => d > 200).length,
        top: long.slice(0, 8).map(Math.round),
        frames: frames.length, frame: frames[0]?.[0] ?? 0, render: frames.reduce((n, f) => n + f[1], 0),
        frameOver200: frames.filter((f) => f[0] > 200).length,
      };
    }, mode === 'mark');
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
      + `longest DOM slice ${Math.round(r.slice)} ms (${r.phase}), longest engine call ${Math.round(r.engine)} ms, page timer ran ${r.ticks} times, clear() ${Math.round(r.clear)} ms`);
    if (errors.length) console.log(`  page errors: ${JSON.stringify(errors.slice(0, 5))}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
