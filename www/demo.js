// The demo page: annotates the article on load and offers Annotate / Clear.
import { presslens } from './presslens.js';

window.presslens = presslens;

function summary(r) {
  return `${r.quotes.length} quotes · ${r.parties.length} parties · ${r.figures.length} figures`;
}

const bar = document.createElement('div');
bar.className = 'presslens-ui presslens-bar';
bar.setAttribute('role', 'region');
bar.setAttribute('aria-label', 'PressLens');
const status = document.createElement('span');
status.textContent = 'PressLens: loading…';
const key = document.createElement('span');
for (const [cls, label] of [['quote', 'quote'], ['party', 'party'], ['figure', 'figure']]) {
  const k = document.createElement('span');
  k.className = `presslens-key-${cls}`;
  k.textContent = label;
  key.append(k, ' ');
}
const on = document.createElement('button');
on.textContent = 'Annotate';
const off = document.createElement('button');
off.textContent = 'Clear';
bar.append(status, key, on, off);

on.addEventListener('click', async () => {
  status.textContent = `PressLens: ${summary(await presslens.annotate())}`;
});
off.addEventListener('click', () => {
  presslens.clear();
  status.textContent = 'PressLens: cleared';
});

document.body.append(bar);
presslens.annotate().then(
  (r) => { status.textContent = `PressLens: ${summary(r)}`; },
  (e) => { status.textContent = `PressLens: ${e.message ?? e}`; console.error(e); },
);
