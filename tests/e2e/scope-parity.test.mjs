// One article-scope algorithm, two adapters: the browser's (the live DOM,
// with computed visibility) and the native one (html5ever, `presslens
// annotate --html`). On every l3s-gn1 and dragnet page, served with the
// page's own scripts off, both must read the same article text (the same
// tokens in the same order), except on the pages listed in KNOWN, where the
// browser knows something a parsed file cannot: there the browser's text
// must be the native text less what the page hides (its tokens a sub-multiset
// of the native ones). A page that starts or stops differing fails the test
// until it is listed with its cause or fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { FOLDERS, pagesOf, measure } from './scope-eval.mjs';
import { artifact, root, shared } from './browser.mjs';
import { tokens } from './tokens.mjs';

/** Pages whose browser scope may differ from the native one, and why. */
const KNOWN = {
  'dragnet/R565': "the page's own stylesheet hides the story's photo captions (display: none), which only a browser computes",
};

const pages = FOLDERS.flatMap((folder) => pagesOf(folder).map((name) => ({ folder, name })));

/** The native scope text of each page, by "folder/name": one CLI process. */
function nativeTexts() {
  execFileSync('cargo', ['build', '--release', '-q', '-p', 'presslens-cli'], { cwd: root, stdio: 'inherit' });
  const input = pages.map(({ folder, name }) => {
    const dir = path.join(shared, 'eval', 'pages', folder, name);
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8'));
    return JSON.stringify({ id: `${folder}/${name}`, html: fs.readFileSync(path.join(dir, 'source.html'), 'utf8'), url: meta.url });
  }).join('\n') + '\n';
  const bin = path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'), 'release', 'presslens');
  const out = execFileSync(bin, ['annotate', '--jsonl'], { input, maxBuffer: 1 << 30 });
  const texts = new Map();
  for (const l of out.toString('utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(l);
    texts.set(r.id, r.scope?.text ?? null);
  }
  return texts;
}

/** Whether multiset `a` is inside multiset `b`. */
function within(a, b) {
  const n = new Map();
  for (const t of b) n.set(t, (n.get(t) ?? 0) + 1);
  for (const t of a) {
    const k = n.get(t) ?? 0;
    if (!k) return false;
    n.set(t, k - 1);
  }
  return true;
}

test('native and browser article scope read the same text on every human-gold page', { skip: pages.length === 0 && 'no human-gold pages in ../shared' }, async () => {
  const native = nativeTexts();
  const rows = await measure(pages, { keepText: true, readability: false });
  const differing = [];
  const lines = [];
  for (const r of rows) {
    const id = `${r.folder}/${r.name}`;
    const n = tokens(native.get(id) ?? '');
    const b = tokens(r.text ?? '');
    const same = !r.error && n.length === b.length && n.every((t, i) => t === b[i]);
    if (!same) {
      differing.push(id);
      lines.push(`${id}: native ${n.length} tokens, browser ${b.length}${r.error ? ` (error: ${r.error})` : ''}${KNOWN[id] ? ` — ${KNOWN[id]}` : ''}`);
      if (KNOWN[id]) assert.ok(within(b, n), `${id}: the browser's text is the native text less what the page hides`);
    }
  }
  const report = `${rows.length} pages, ${rows.length - differing.length} read the same text natively and in Chromium\n${lines.join('\n')}`;
  console.log(report);
  fs.writeFileSync(artifact('scope-parity.txt'), `${report}\n`);
  assert.equal(native.size, pages.length, 'a native report for every page');
  assert.deepEqual(differing.sort(), Object.keys(KNOWN).filter((id) => native.has(id)).sort(), 'only the listed pages differ, each for its cause');
});
