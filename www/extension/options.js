// The options page: per-kind toggles and the "always on" site list.
import { load, save, toOrigin } from './settings.js';

const form = document.getElementById('options');
const status = form.querySelector('.saved');
const settings = await load();
for (const k of ['quotes', 'parties', 'figures']) form.elements[k].checked = settings.kinds[k];
form.elements.alwaysOn.value = settings.alwaysOn.join('\n');

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const kinds = Object.fromEntries(['quotes', 'parties', 'figures'].map((k) => [k, form.elements[k].checked]));
  const lines = form.elements.alwaysOn.value.split('\n').filter((l) => l.trim());
  const alwaysOn = [...new Set(lines.map(toOrigin).filter(Boolean))];
  await save({ kinds, alwaysOn });
  form.elements.alwaysOn.value = alwaysOn.join('\n');
  const dropped = lines.length - alwaysOn.length;
  status.textContent = dropped > 0 ? `Saved (${dropped} line(s) were not web addresses)` : 'Saved';
});
