//! A pasted article, rendered safely: plain text becomes paragraphs; HTML is
//! parsed inert (`DOMParser`, no scripts run, nothing loads) and rebuilt from
//! a short list of text elements, with no attributes at all. Text goes in as
//! text nodes; nothing from the paste is ever assigned as HTML.

use wasm_bindgen::JsCast;
use web_sys::{Document, DomParser, Element, Node, SupportedType};

use super::page::{Error, Result};
use super::scope;

/// Renders `input` (plain text or HTML) into `container`, replacing its
/// content.
pub fn render(container: &Element, input: &str) -> Result<()> {
    let doc = super::page::document()?;
    container.set_text_content(None);
    if looks_html(input) {
        let parser = DomParser::new().map_err(|_| Error::Unavailable("DOMParser"))?;
        let parsed = parser
            .parse_from_string(input, SupportedType::TextHtml)
            .map_err(|_| Error::Unavailable("DOMParser for the pasted HTML"))?;
        if let Some(body) = parsed.body() {
            copy(&doc, body.as_ref(), container);
        }
        return Ok(());
    }
    for para in input.replace("\r\n", "\n").split("\n\n") {
        let para = para.trim();
        if para.is_empty() {
            continue;
        }
        let p = doc
            .create_element("p")
            .map_err(|_| Error::Unavailable("createElement"))?;
        p.set_text_content(Some(
            &para
                .split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" "),
        ));
        let _ = container.append_child(&p);
    }
    Ok(())
}

/// Whether a paste is HTML: it holds a tag of HTML's own (`<p>`, `</em>`,
/// `<br/>`, `<!doctype`, a comment). Plain text that merely contains `<`,
/// `>` or `</` ("a </3 b", "x <y> z") stays text, every word of it.
fn looks_html(input: &str) -> bool {
    let b = input.as_bytes();
    let mut i = 0;
    while let Some(k) = input[i..].find('<') {
        let mut j = i + k + 1;
        if input[j..].starts_with("!--") || input[j..].to_ascii_lowercase().starts_with("!doctype")
        {
            return true;
        }
        if b.get(j) == Some(&b'/') {
            j += 1;
        }
        let start = j;
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        let ends_name = matches!(b.get(j), Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'));
        if j > start && b[start].is_ascii_alphabetic() && ends_name {
            let name = input[start..j].to_ascii_lowercase();
            if rendering(&name) != Rendering::Unknown {
                return true;
            }
        }
        i = start.max(i + k + 1);
    }
    false
}

/// What becomes of a pasted element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rendering {
    /// Rebuilt as this (attribute-free) element.
    As(&'static str),
    /// Its content is kept, the element itself is not.
    Content,
    /// Dropped with everything in it: code, media, form controls, metadata.
    Drop,
    /// Not an HTML element name: its content is kept.
    Unknown,
}

/// The one table of pasted HTML elements.
fn rendering(tag: &str) -> Rendering {
    use Rendering::*;
    match tag {
        "h1" => As("h1"),
        "h2" => As("h2"),
        "h3" | "h4" | "h5" | "h6" => As("h3"),
        "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "figcaption"
        | "td" | "th" | "dd" | "dt" | "address" | "summary" | "caption" | "pre" | "aside"
        | "hgroup" | "legend" => As("p"),
        "blockquote" => As("blockquote"),
        "ul" => As("ul"),
        "ol" => As("ol"),
        "li" => As("li"),
        "em" | "i" | "cite" | "dfn" | "var" => As("em"),
        "strong" | "b" => As("strong"),
        "q" => As("q"),
        "br" => As("br"),
        "a" | "span" | "small" | "sup" | "sub" | "abbr" | "time" | "mark" | "u" | "s" | "del"
        | "ins" | "font" | "code" | "kbd" | "samp" | "bdi" | "bdo" | "data" | "html" | "body"
        | "table" | "tbody" | "thead" | "tfoot" | "tr" | "dl" | "figure" | "picture" | "center"
        | "details" | "label" | "nav" | "wbr" => Content,
        "script" | "style" | "template" | "noscript" | "iframe" | "object" | "embed" | "head"
        | "title" | "meta" | "link" | "base" | "svg" | "math" | "canvas" | "video" | "audio"
        | "img" | "source" | "track" | "select" | "option" | "textarea" | "input" | "button"
        | "form" | "dialog" | "frame" | "frameset" | "hr" | "area" | "map" => Drop,
        _ => Unknown,
    }
}

fn copy(doc: &Document, from: &Node, to: &Element) {
    let mut child = from.first_child();
    while let Some(n) = child {
        match n.node_type() {
            Node::TEXT_NODE => {
                let t = doc.create_text_node(&n.text_content().unwrap_or_default());
                let _ = to.append_child(&t);
            }
            Node::ELEMENT_NODE => {
                let el: &Element = n.unchecked_ref();
                let tag = el.local_name();
                // Scripts, media, forms and hidden content are dropped.
                let hidden = el.has_attribute("hidden")
                    || el.get_attribute("aria-hidden").is_some_and(|v| v == "true");
                match (hidden, rendering(&tag)) {
                    (true, _) | (_, Rendering::Drop) => {}
                    (false, Rendering::Content | Rendering::Unknown) => copy(doc, &n, to),
                    (false, Rendering::As(t)) => {
                        if let Ok(e) = doc.create_element(t) {
                            // Blocks inside a paragraph would nest <p>s.
                            if t == "p" && has_block(el) {
                                copy(doc, &n, to);
                            } else {
                                copy(doc, &n, &e);
                                let _ = to.append_child(&e);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        child = n.next_sibling();
    }
}

fn has_block(el: &Element) -> bool {
    let kids = el.children();
    (0..kids.length()).filter_map(|i| kids.item(i)).any(|k| {
        let t = k.local_name();
        t != "br" && scope::is_block(&t)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_told_from_text_with_angle_brackets() {
        for html in [
            "<p>One</p>",
            "Intro<br>more",
            "a <em>b</em>",
            "<!doctype html><title>x</title>",
            "<!-- c -->text",
            "<DETAILS><summary>S</summary>x</DETAILS>",
            "<p\nclass=x>y",
        ] {
            assert!(looks_html(html), "{html}");
        }
        for text in [
            "He wrote </3 and left.",
            "if a < b and c > d",
            "x <y> z </y2k>",
            "“Quote,” she said. </end",
            "<",
            "",
            "</",
        ] {
            assert!(!looks_html(text), "{text}");
        }
    }

    #[test]
    fn every_known_element_has_a_rendering() {
        assert_eq!(rendering("details"), Rendering::Content);
        assert_eq!(rendering("summary"), Rendering::As("p"));
        assert_eq!(rendering("script"), Rendering::Drop);
        assert_eq!(rendering("custom-widget"), Rendering::Unknown);
    }
}
