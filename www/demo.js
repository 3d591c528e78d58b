// The demo page: annotates the article on load with the panel open, and
// annotates a pasted article (plain text or HTML, rendered safely by the
// engine's sanitiser) the same way. All logic is in presslens.js / wasm.
import { presslens } from './presslens.js';

const withPanel = (o) => ({ panel: true, ...o });
window.presslens = { ...presslens, annotate: (root, o) => presslens.annotate(root, withPanel(o)) };

const $ = (id) => document.getElementById(id);
const status = $('presslens-status');
const say = (r) => {
  status.textContent = r
    ? `PressLens: ${r.quotes.length} quotes · ${r.parties.length} parties · ${r.figures.length} figures`
    : 'PressLens: cleared';
};
const fail = (e) => { status.textContent = `PressLens: ${e?.message ?? e}`; console.error(e); };

$('presslens-annotate').addEventListener('click', () => window.presslens.annotate().then(say, fail));
$('presslens-clear').addEventListener('click', () => { presslens.clear(); say(null); });
$('presslens-panel').addEventListener('click', () => presslens.current()?.showPanel(true));
$('paste-go').addEventListener('click', async () => {
  const out = $('paste-output');
  try {
    await presslens.renderArticle(out, $('paste-input').value);
    say(await window.presslens.annotate(out));
    out.scrollIntoView({ block: 'start' });
  } catch (e) { fail(e); }
});

window.presslens.annotate().then(say, fail);
