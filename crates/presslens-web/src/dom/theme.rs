//! The theme part of an overlay: our attributes on `<html>`
//! (`data-presslens="ready"`, `data-presslens-theme`, chosen from the
//! page's own background, and `data-presslens-panel="side"` while the page
//! makes room for the panel), put back as they were on clear.

use web_sys::Element;

use super::page::document;

/// Our attributes on `<html>` as the page had them (`None`: absent).
struct HtmlAttrs {
    /// `data-presslens`.
    ready: Option<String>,
    /// `data-presslens-theme`.
    theme: Option<String>,
    /// `data-presslens-panel`.
    panel: Option<String>,
}

/// The attribute that asks the page (`www/presslens.css`) to make room for
/// the panel beside it.
const SIDE: &str = "data-presslens-panel";

/// The mark palette and the ready flag on `<html>`.
#[derive(Default)]
pub(super) struct Theme {
    /// Our attributes on `<html>` as they were before our first pass, to
    /// restore (`None` until the first pass saves them).
    before: Option<HtmlAttrs>,
    /// The reader asked for the panel beside the page.
    pub(super) side: bool,
    /// The palette is chosen (once per overlay: before the first paint).
    chosen: bool,
}

impl Theme {
    /// Before the first pass paints: the mark palette follows the page's
    /// own background around `root`. Asked before any mark is inserted,
    /// while the page's styles are still computed: after hundreds of
    /// thousands of `<mark>`s, reading a computed style costs a whole-page
    /// style recalculation.
    pub(super) fn choose(&mut self, root: Option<Element>) {
        let Some(html) = document().ok().and_then(|d| d.document_element()) else {
            return;
        };
        if self.chosen {
            return;
        }
        self.chosen = true;
        self.save(&html);
        // Mark colours for the page's own background, light or dark
        // (whatever the reader's system setting says).
        if let Some(root) = root {
            let theme = if dark_background(&root) {
                "dark"
            } else {
                "light"
            };
            let _ = html.set_attribute("data-presslens-theme", theme);
        }
    }

    /// Saves our attributes as the page has them, once.
    fn save(&mut self, html: &Element) {
        if self.before.is_none() {
            self.before = Some(HtmlAttrs {
                ready: html.get_attribute("data-presslens"),
                theme: html.get_attribute("data-presslens-theme"),
                panel: html.get_attribute(SIDE),
            });
        }
    }

    /// The page makes room for the open panel (`beside`), or lies under it.
    pub(super) fn place_panel(&mut self, beside: bool) {
        let Some(html) = document().ok().and_then(|d| d.document_element()) else {
            return;
        };
        self.save(&html);
        let _ = if beside {
            html.set_attribute(SIDE, "side")
        } else {
            html.remove_attribute(SIDE)
        };
    }

    /// `<html data-presslens="ready">`: set when a pass is complete, in the
    /// same task that resolves its promise.
    pub(super) fn ready(&self) {
        if let Some(html) = document().ok().and_then(|d| d.document_element()) {
            let _ = html.set_attribute("data-presslens", "ready");
        }
    }

    /// Puts our attributes on `<html>` back as the page had them.
    pub(super) fn restore(&mut self) {
        let Some(html) = document().ok().and_then(|d| d.document_element()) else {
            return;
        };
        self.chosen = false;
        if let Some(before) = self.before.take() {
            for (name, value) in [
                ("data-presslens", before.ready),
                ("data-presslens-theme", before.theme),
                (SIDE, before.panel),
            ] {
                let _ = match value {
                    Some(v) => html.set_attribute(name, &v),
                    None => html.remove_attribute(name),
                };
            }
        }
    }
}

/// Whether the article's background (its own or the nearest ancestor's
/// that is not transparent) is dark.
fn dark_background(el: &Element) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let mut cur = Some(el.clone());
    while let Some(e) = cur {
        if let Ok(Some(style)) = w.get_computed_style(&e) {
            let bg = style
                .get_property_value("background-color")
                .unwrap_or_default();
            // "rgb(r, g, b)" or "rgba(r, g, b, a)"; integers only (no float
            // parsing code in the payload for this).
            let parts: Vec<&str> = bg
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .split(',')
                .collect();
            let alpha_zero = parts.get(3).is_some_and(|a| {
                a.trim()
                    .trim_end_matches(')')
                    .trim_start_matches('0')
                    .trim_start_matches('.')
                    .trim_matches('0')
                    .is_empty()
            });
            let int = |p: &&str| {
                p.trim()
                    .split(|c: char| !c.is_ascii_digit())
                    .next()
                    .and_then(|d| d.parse::<u32>().ok())
            };
            let v: Vec<u32> = parts.iter().take(3).filter_map(int).collect();
            if v.len() == 3 && !alpha_zero && bg != "transparent" {
                let lum = 2126 * v[0] + 7152 * v[1] + 722 * v[2];
                return lum < 100 * 10000;
            }
        }
        cur = e.parent_element();
    }
    false
}
