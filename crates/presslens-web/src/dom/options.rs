//! The options of an overlay, read from the JS object given to `new Lens`.
//!
//! Parsed with serde-wasm-bindgen, so a key of the wrong type is a clear
//! error ("option `panel`: invalid type: string \"yes\", expected a
//! boolean") instead of silently meaning its default; unknown keys are
//! ignored, so callers written for a newer version still work.
//!
//! Only the object's own properties count ([`own`]): a page that defines
//! `quote` or `fallback` on `Object.prototype` (every object then seems to
//! have it) must not turn a kind off or change the paint mode.

use std::collections::HashMap;

use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

use super::page::{Error, Result};
use super::safe;
use super::spans::{Kind, Kinds};

/// What an overlay shows and does. From JS: `{ quote, party, figure,
/// kinds, panel, tooltip, observe, fallback, onChange, onPick, onPanel }`,
/// every key optional.
#[derive(Clone)]
pub struct Options {
    /// Quote, party, figure marks shown (default all).
    pub kinds: Kinds,
    /// The side panel (default off).
    pub panel: bool,
    /// Tooltips on hover and click (default on).
    pub tooltip: bool,
    /// Re-annotate late content (default on).
    pub observe: bool,
    /// Wrap in `<mark>` even where highlights exist (default off; for tests
    /// and for pages that must print the marks).
    pub fallback: bool,
    /// Called instead of re-annotating locally when late content arrives
    /// (an engine elsewhere collects and paints again).
    pub on_change: Option<js_sys::Function>,
    /// Called with the root the reader chose in the panel (`"page"` or a
    /// selector path), for a caller that remembers it (the extension, per
    /// site).
    pub on_pick: Option<js_sys::Function>,
    /// Called with `true` or `false` whenever the panel opens or closes,
    /// the reader's own close button and Escape included (the widget's
    /// launcher keeps its `aria-pressed` in step with it).
    pub on_panel: Option<js_sys::Function>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            kinds: Kinds::ALL,
            panel: false,
            tooltip: true,
            observe: true,
            fallback: false,
            on_change: None,
            on_pick: None,
            on_panel: None,
        }
    }
}

/// `kinds`: `["quotes", "parties", "figures"]` (any subset), or
/// `{ quotes: bool, parties: bool, figures: bool }` (singular names too).
#[derive(Deserialize)]
#[serde(untagged)]
enum KindsOption {
    List(Vec<String>),
    Map(HashMap<String, bool>),
}

/// The JS object as given: every key optional.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Raw {
    quote: Option<bool>,
    party: Option<bool>,
    figure: Option<bool>,
    kinds: Option<KindsOption>,
    panel: Option<bool>,
    tooltip: Option<bool>,
    observe: Option<bool>,
    fallback: Option<bool>,
    #[serde(with = "serde_wasm_bindgen::preserve", default)]
    on_change: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve", default)]
    on_pick: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve", default)]
    on_panel: JsValue,
}

impl Options {
    /// Reads options from JS; `undefined` and `null` mean every default.
    pub fn from_js(v: &JsValue) -> Result<Options> {
        if v.is_undefined() || v.is_null() {
            return Ok(Options::default());
        }
        let mut raw: Raw =
            serde_wasm_bindgen::from_value(own(v)).map_err(|e| Error::BadOptions(e.to_string()))?;
        let on_change = function(std::mem::take(&mut raw.on_change), "onChange")?;
        let on_pick = function(std::mem::take(&mut raw.on_pick), "onPick")?;
        let on_panel = function(std::mem::take(&mut raw.on_panel), "onPanel")?;
        Ok(Options {
            on_pick,
            on_panel,
            ..Options::from_raw(raw, on_change)
        })
    }

    fn from_raw(raw: Raw, on_change: Option<js_sys::Function>) -> Options {
        let d = Options::default();
        let mut kinds = Kinds::ALL;
        for (k, on) in Kind::ALL
            .into_iter()
            .zip([raw.quote, raw.party, raw.figure])
        {
            kinds.set(k, on.unwrap_or(true));
        }
        match raw.kinds {
            Some(KindsOption::List(names)) => {
                kinds = Kinds::from_names(names.iter().map(String::as_str))
            }
            Some(KindsOption::Map(map)) => {
                for (name, on) in map {
                    if let Some(k) = Kind::from_name(&name) {
                        kinds.set(k, on);
                    }
                }
            }
            None => {}
        }
        Options {
            kinds,
            panel: raw.panel.unwrap_or(d.panel),
            tooltip: raw.tooltip.unwrap_or(d.tooltip),
            observe: raw.observe.unwrap_or(d.observe),
            fallback: raw.fallback.unwrap_or(d.fallback),
            on_change,
            on_pick: None,
            on_panel: None,
        }
    }
}

/// The own enumerable properties of `v` (of `v.kinds` too, one level
/// down) copied onto an object without a prototype, so that nothing
/// inherited is read; anything but a plain object is given back as it is
/// (for serde to call a wrong type). Values are read by property access
/// ([`safe::get`]), not through `Reflect.get`, which a page may replace.
fn own(v: &JsValue) -> JsValue {
    if !v.is_object() || js_sys::Array::is_array(v) {
        return v.clone();
    }
    let out: js_sys::Object = js_sys::Object::create(JsValue::NULL.unchecked_ref());
    let keys = js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>());
    for i in 0..keys.length() {
        let Some(key) = keys.get(i).as_string() else {
            continue;
        };
        let mut value = safe::get(v, &key);
        if key == "kinds" {
            value = own(&value);
        }
        safe::set(&out, &key, &value);
    }
    out.into()
}

/// A callback option: nothing, or a function (anything else is an error).
fn function(f: JsValue, name: &str) -> Result<Option<js_sys::Function>> {
    if f.is_undefined() || f.is_null() {
        return Ok(None);
    }
    f.dyn_into::<js_sys::Function>()
        .map(Some)
        .map_err(|_| Error::BadOptions(["`", name, "` must be a function"].concat()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> Raw {
        Raw {
            on_change: JsValue::UNDEFINED,
            on_pick: JsValue::UNDEFINED,
            on_panel: JsValue::UNDEFINED,
            ..Raw::default()
        }
    }

    #[test]
    fn nothing_given_means_the_defaults() {
        let o = Options::from_raw(raw(), None);
        assert_eq!(o.kinds, Kinds::ALL);
        assert!(!o.panel && o.tooltip && o.observe && !o.fallback);
    }

    #[test]
    fn kinds_list_replaces_and_map_overrides_the_flags() {
        let o = Options::from_raw(
            Raw {
                party: Some(false),
                kinds: Some(KindsOption::List(vec!["figures".into(), "quote".into()])),
                ..raw()
            },
            None,
        );
        assert_eq!(o.kinds, Kinds::from_names(["quote", "figure"]));
        let o = Options::from_raw(
            Raw {
                quote: Some(false),
                kinds: Some(KindsOption::Map(HashMap::from([
                    ("parties".to_string(), false),
                    ("nonsense".to_string(), false),
                ]))),
                panel: Some(true),
                ..raw()
            },
            None,
        );
        assert_eq!(o.kinds, Kinds::from_names(["figure"]));
        assert!(o.panel);
    }
}
