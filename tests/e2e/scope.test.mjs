// Article scope on human-gold pages, the quick version of `make eval-scope`
// (tests/e2e/scope-eval.mjs): every 8th page of l3s-gn1 and dragnet (sorted
// by name), PressLens and Mozilla Readability 0.6 in the same run. Checks no
// exceptions and byte-identical undo on each, prints the table, and holds
// the average PressLens token F1 of the sample above a floor well under
// today's figure (a whole-page failure on several pages trips it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { FOLDERS, pagesOf, measure, table, line } from './scope-eval.mjs';
import { artifact } from './browser.mjs';

const pages = FOLDERS.flatMap((folder) => pagesOf(folder).filter((_, i) => i % 8 === 0).map((name) => ({ folder, name })));

test('automatic scope on a sample of human-gold pages: no exceptions, exact undo, token F1 beside Readability', { skip: pages.length === 0 && 'no human-gold pages in ../shared' }, async () => {
  const rows = await measure(pages);
  const summary = table(rows);
  console.log(`${rows.map(line).join('\n')}\n\n${summary}`);
  fs.writeFileSync(artifact('scope-sample.txt'), `${rows.map(line).join('\n')}\n\n${summary}\n`);
  assert.deepEqual(rows.filter((r) => r.error).map((r) => `${r.name}: ${r.error}`), [], 'no exceptions');
  assert.deepEqual(rows.pageErrors ?? [], [], 'no page errors from PressLens');
  assert.deepEqual(rows.filter((r) => !r.same).map((r) => r.name), [], 'undo is byte-identical on every page');
  assert.deepEqual(rows.filter((r) => r.left).map((r) => r.name), [], 'nothing of ours is left after clear()');
  for (const folder of FOLDERS) {
    const rs = rows.filter((r) => r.folder === folder);
    if (!rs.length) continue;
    const avg = rs.reduce((s, r) => s + r.f1, 0) / rs.length;
    assert.ok(avg >= 0.8, `${folder}: average scope token F1 ${avg.toFixed(3)} ≥ 0.80 on ${rs.length} pages`);
  }
});
