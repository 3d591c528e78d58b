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
    let looks_html = input.contains('<') && input.contains('>') && input.contains("</");
    if looks_html {
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

/// The element a pasted tag becomes, if any ("" to keep only its content).
fn safe_tag(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "h1" => "h1",
        "h2" => "h2",
        "h3" | "h4" | "h5" | "h6" => "h3",
        "p" | "div" | "section" | "article" | "main" | "header" | "figcaption" | "td" | "dd"
        | "dt" | "address" => "p",
        "blockquote" => "blockquote",
        "ul" => "ul",
        "ol" => "ol",
        "li" => "li",
        "em" | "i" | "cite" => "em",
        "strong" | "b" => "strong",
        "q" => "q",
        "br" => "br",
        "a" | "span" | "small" | "sup" | "sub" | "abbr" | "time" | "mark" | "u" | "font"
        | "body" | "table" | "tbody" | "thead" | "tr" | "figure" | "center" => "",
        _ => return None,
    })
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
                // Scripts, forms, hidden and boilerplate content are dropped.
                let skip = matches!(tag.as_str(), "script" | "style" | "template" | "noscript")
                    || el.has_attribute("hidden")
                    || el.get_attribute("aria-hidden").is_some_and(|v| v == "true");
                match (skip, safe_tag(&tag)) {
                    (false, Some("")) => copy(doc, &n, to),
                    (false, Some(t)) => {
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
                    _ => {}
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
