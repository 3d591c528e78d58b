// PressLens background (service worker in Chromium, event page in Firefox).
// Relays the toolbar button and keyboard shortcut to the tab, and gives the
// content script what it may not take itself: the settings, the engine's
// scripts and the highlight styles, injected into the content script's
// isolated world only when the user turns PressLens on. Nothing is exposed
// to pages (no web-accessible resources), and nothing of PressLens is in a
// page before that toggle.
import { load, loadRoot, saveRoot } from './settings.js';

/** The classic scripts of each build, in injection order (see build-extension.sh). */
const BUILDS = {
  // The wasm build: its bytes (as a script, since a content script may not
  // fetch an extension file that is not web-accessible), and the JS core
  // (www/presslens.js) bundled with wasm-bindgen's glue.
  wasm: ['pkg/presslens_bg.wasm.js', 'pkg/presslens.js'],
  // The same Rust code translated to JavaScript, for pages whose CSP forbids
  // compiling wasm in the content script (Chromium).
  js: ['pkg/presslens-js.js'],
};

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

/** The hostname of the frame that sent a message (not what the message says). */
function hostOf(sender) {
  try {
    return new URL(sender.url ?? sender.tab?.url ?? '').hostname;
  } catch {
    return '';
  }
}

/** Answers one request of a content script; `target` is the frame that asked. */
async function answer(msg, target, sender) {
  switch (msg.type) {
    case 'presslens:settings':
      return { settings: await load(), root: await loadRoot(hostOf(sender)) };
    case 'presslens:remember-root':
      await saveRoot(hostOf(sender), msg.root);
      return {};
    case 'presslens:inject': {
      const files = BUILDS[msg.build];
      if (!files) throw new Error(`unknown build ${msg.build}`);
      await chrome.scripting.executeScript({ target, files });
      return {};
    }
    case 'presslens:style':
      if (msg.on) await chrome.scripting.insertCSS({ target, files: ['presslens.css'] });
      else await chrome.scripting.removeCSS({ target, files: ['presslens.css'] });
      return {};
    default:
      return null;
  }
}

chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  if (typeof msg?.type !== 'string' || !msg.type.startsWith('presslens:') || sender.id !== chrome.runtime.id) return false;
  if (sender.tab?.id === undefined) return false;
  const target = { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] };
  answer(msg, target, sender)
    .then((res) => reply(res ? { ok: true, ...res } : { ok: false, error: `unknown request ${msg.type}` }))
    .catch((e) => reply({ ok: false, error: String(e?.message ?? e) }));
  return true; // reply is asynchronous
});

// For tests and for the console: toggle the active tab.
globalThis.presslensToggleActive = async () => {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id === undefined ? { ok: false, error: 'no active tab' } : toggle(tab.id);
};
