// PressLens background (service worker in Chromium, event page in Firefox).
// Owns the engine for pages where the content script may not compile wasm
// (a page CSP without 'wasm-unsafe-eval'), and relays the toolbar button and
// keyboard shortcut to the tab.
import init, { annotateText } from './pkg/presslens.js';

let engine = null;
function ready() {
  engine ??= init({ module_or_path: chrome.runtime.getURL('pkg/presslens_bg.wasm') });
  return engine;
}

/** Toggles PressLens on a tab: the content script annotates or clears. */
export async function toggle(tabId) {
  try {
    return await chrome.tabs.sendMessage(tabId, { type: 'presslens:toggle' });
  } catch (e) {
    // No content script there (a browser page, the web store, a PDF).
    return { ok: false, error: `PressLens cannot run on this page (${e.message ?? e})` };
  }
}

chrome.action.onClicked.addListener((tab) => {
  if (tab.id !== undefined) toggle(tab.id);
});

chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  if (msg?.type !== 'presslens:annotate-text' || typeof msg.text !== 'string') return false;
  ready()
    .then(() => reply({ ok: true, report: annotateText(msg.text) }))
    .catch((e) => reply({ ok: false, error: String(e?.message ?? e) }));
  return true; // reply is asynchronous
});

// For tests and for the console: toggle the active tab.
globalThis.presslensToggleActive = async () => {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id === undefined ? { ok: false, error: 'no active tab' } : toggle(tab.id);
};
