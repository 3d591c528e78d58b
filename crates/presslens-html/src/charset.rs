//! A saved page's bytes as text, decoded the way a browser decodes them
//! (the HTML standard's encoding sniffing, with Mozilla's `encoding_rs`,
//! Firefox's decoder): a byte-order mark first; else the charset of the
//! HTTP `Content-Type`; else a `<meta charset>` or `<meta http-equiv=
//! "Content-Type">` in the first 1,024 bytes; else UTF-8 when the bytes are
//! UTF-8, and windows-1252 when they are not (the browsers' default for
//! pages without a declaration, where a reader of English news is). Bytes
//! that do not decode become U+FFFD, as in a browser: a page with a few
//! bad bytes is still read. Labels follow the Encoding Standard
//! ("latin1" and "iso-8859-1" are windows-1252; a declared UTF-16 in a
//! `<meta>` means UTF-8, since the meta could be read as ASCII).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes the `<meta>` prescan looks at, as the standard says.
const PRESCAN: usize = 1024;

/// Where the encoding came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A byte-order mark.
    Bom,
    /// The `charset` parameter of the HTTP `Content-Type`.
    Transport,
    /// A `<meta>` in the first 1,024 bytes.
    Meta,
    /// No declaration: UTF-8 because the bytes are, or windows-1252.
    Default,
}

/// A decoded page.
#[derive(Debug)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding's name as the Encoding Standard spells it.
    pub encoding: &'static str,
    /// Where it came from.
    pub source: Source,
    /// Whether some bytes did not decode (now U+FFFD).
    pub replaced: bool,
}

/// Decodes a page's `bytes`; `content_type` is the HTTP header's value
/// when known (a WARC response record has it).
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    let (encoding, source) = sniff(bytes, content_type);
    let (text, used, replaced) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used.name(),
        source,
        replaced,
    }
}

/// The encoding to read `bytes` with, and where it came from.
fn sniff(bytes: &[u8], content_type: Option<&str>) -> (&'static Encoding, Source) {
    if let Some((e, _)) = Encoding::for_bom(bytes) {
        return (e, Source::Bom);
    }
    if let Some(e) = content_type.and_then(|t| charset_param(t.as_bytes())) {
        return (e, Source::Transport);
    }
    if let Some(e) = prescan(&bytes[..bytes.len().min(PRESCAN)]) {
        // A <meta> read as ASCII cannot declare UTF-16; x-user-defined
        // there means windows-1252 (the standard's "get an encoding" steps).
        let e = if e == UTF_16LE || e == UTF_16BE {
            UTF_8
        } else if e == X_USER_DEFINED {
            WINDOWS_1252
        } else {
            e
        };
        return (e, Source::Meta);
    }
    if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, Source::Default)
    } else {
        (WINDOWS_1252, Source::Default)
    }
}

/// The encoding a `charset=` parameter in `s` names (`text/html;
/// charset="ISO-8859-1"`, or a meta's `content`).
fn charset_param(s: &[u8]) -> Option<&'static Encoding> {
    let lower = s.to_ascii_lowercase();
    let at = find(&lower, b"charset")?;
    let mut rest = &s[at + b"charset".len()..];
    rest = trim_start(rest);
    rest = rest.strip_prefix(b"=")?;
    rest = trim_start(rest);
    let label = match rest.first() {
        Some(q @ (b'"' | b'\'')) => {
            let body = &rest[1..];
            &body[..body.iter().position(|c| c == q)?]
        }
        _ => {
            let end = rest
                .iter()
                .position(|c| c.is_ascii_whitespace() || *c == b';')
                .unwrap_or(rest.len());
            &rest[..end]
        }
    };
    Encoding::for_label(label)
}

/// The `<meta>` declarations of the first bytes, in order: the first that
/// names a known encoding wins. A light reading of the standard's prescan:
/// tags and their attributes, comments skipped.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while i < head.len() {
        if head[i..].starts_with(b"<!--") {
            i = find(&head[i + 4..], b"-->").map_or(head.len(), |e| i + 4 + e + 3);
            continue;
        }
        if head[i] == b'<'
            && head.len() >= i + 5
            && head[i + 1..i + 5].eq_ignore_ascii_case(b"meta")
        {
            let after = head.get(i + 5).copied().unwrap_or(b'>');
            if after.is_ascii_whitespace() || after == b'/' {
                let end = head[i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(head.len(), |e| i + e);
                if let Some(e) = meta(&head[i + 5..end]) {
                    return Some(e);
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    None
}

/// The encoding one `<meta>`'s attributes declare: `charset=…`, or
/// `http-equiv="content-type"` with a `content` naming a charset.
fn meta(attrs: &[u8]) -> Option<&'static Encoding> {
    let mut http_equiv = false;
    let mut content = None;
    let mut charset = None;
    for (name, value) in attributes(attrs) {
        match name.to_ascii_lowercase().as_slice() {
            b"charset" if charset.is_none() => charset = Some(Encoding::for_label(value)),
            b"http-equiv" => http_equiv |= value.eq_ignore_ascii_case(b"content-type"),
            b"content" if content.is_none() => content = Some(value),
            _ => {}
        }
    }
    match charset {
        Some(e) => e,
        None if http_equiv => content.and_then(charset_param),
        None => None,
    }
}

/// The name/value pairs of a tag's attribute text (values unquoted).
fn attributes(mut s: &[u8]) -> Vec<(&[u8], &[u8])> {
    let mut out = Vec::new();
    loop {
        s = trim_start(s);
        while let Some(r) = s.strip_prefix(b"/") {
            s = trim_start(r);
        }
        if s.is_empty() {
            return out;
        }
        let end = s
            .iter()
            .position(|c| c.is_ascii_whitespace() || *c == b'=' || *c == b'/')
            .unwrap_or(s.len())
            .max(1);
        let name = &s[..end];
        s = trim_start(&s[end..]);
        let Some(r) = s.strip_prefix(b"=") else {
            out.push((name, &b""[..]));
            continue;
        };
        s = trim_start(r);
        let value = match s.first() {
            Some(q @ (b'"' | b'\'')) => {
                let body = &s[1..];
                let e = body.iter().position(|c| c == q).unwrap_or(body.len());
                s = body.get(e + 1..).unwrap_or_default();
                &body[..e]
            }
            _ => {
                let e = s
                    .iter()
                    .position(|c| c.is_ascii_whitespace())
                    .unwrap_or(s.len());
                let v = &s[..e];
                s = &s[e..];
                v
            }
        };
        out.push((name, value));
    }
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &s[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (what the case is, bytes, Content-Type, encoding, source, text).
    type Case = (
        &'static str,
        &'static [u8],
        Option<&'static str>,
        &'static str,
        Source,
        &'static str,
    );

    const CASES: &[Case] = &[
        (
            "a BOM beats everything",
            b"\xEF\xBB\xBF<meta charset=latin1>caf\xC3\xA9",
            Some("text/html; charset=shift_jis"),
            "UTF-8",
            Source::Bom,
            "<meta charset=latin1>café",
        ),
        (
            "the transport charset beats the meta",
            b"<meta charset=utf-8>caf\xE9",
            Some("text/html; charset=\"ISO-8859-1\""),
            "windows-1252",
            Source::Transport,
            "<meta charset=utf-8>café",
        ),
        (
            "meta charset",
            b"<html><head><meta charset='windows-1251'></head>\xCF\xF0\xE8",
            None,
            "windows-1251",
            Source::Meta,
            "<html><head><meta charset='windows-1251'></head>При",
        ),
        (
            "meta http-equiv",
            b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\">\xD6\xD0",
            None,
            "GBK",
            Source::Meta,
            "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\">中",
        ),
        (
            "a meta in a comment is not read",
            b"<!-- <meta charset=koi8-r> -->caf\xC3\xA9",
            None,
            "UTF-8",
            Source::Default,
            "<!-- <meta charset=koi8-r> -->café",
        ),
        (
            "a meta content without http-equiv says nothing",
            b"<meta content=\"charset=koi8-r\">x",
            None,
            "UTF-8",
            Source::Default,
            "<meta content=\"charset=koi8-r\">x",
        ),
        (
            "a meta UTF-16 is UTF-8",
            b"<meta charset=utf-16>caf\xC3\xA9",
            None,
            "UTF-8",
            Source::Meta,
            "<meta charset=utf-16>café",
        ),
        (
            "an unknown label is passed over",
            b"<meta charset=nonsense><meta charset=latin1>caf\xE9",
            None,
            "windows-1252",
            Source::Meta,
            "<meta charset=nonsense><meta charset=latin1>café",
        ),
        (
            "undeclared UTF-8",
            b"caf\xC3\xA9",
            None,
            "UTF-8",
            Source::Default,
            "café",
        ),
        (
            "undeclared and not UTF-8",
            b"caf\xE9 \x93quoted\x94",
            None,
            "windows-1252",
            Source::Default,
            "café \u{201c}quoted\u{201d}",
        ),
        (
            "bad bytes in declared UTF-8 become U+FFFD",
            b"<meta charset=utf-8>a\xFFb",
            None,
            "UTF-8",
            Source::Meta,
            "<meta charset=utf-8>a\u{fffd}b",
        ),
        ("empty", b"", None, "UTF-8", Source::Default, ""),
    ];

    #[test]
    fn each_case_decodes_as_a_browser_would() {
        let mut failed = Vec::new();
        for (what, bytes, ct, enc, source, text) in CASES {
            let d = decode(bytes, *ct);
            if (d.encoding, d.source, d.text.as_str()) != (*enc, *source, *text) {
                failed.push(format!(
                    "{what}: got {} {:?} {:?}",
                    d.encoding, d.source, d.text
                ));
            }
        }
        assert!(failed.is_empty(), "{failed:#?}");
    }

    #[test]
    fn a_meta_past_the_first_kilobyte_is_not_read() {
        let mut page = vec![b' '; PRESCAN];
        page.extend_from_slice(b"<meta charset=windows-1251>\xCF");
        let d = decode(&page, None);
        assert_eq!((d.encoding, d.source), ("windows-1252", Source::Default));
    }

    #[test]
    fn cut_tags_and_odd_bytes_never_panic() {
        for s in [
            &b"<meta"[..],
            b"<meta ",
            b"<meta charset",
            b"<meta charset='",
            b"<meta/charset=\"x",
            b"<!--",
            b"<\xFF\xFEmeta",
            b"<meta http-equiv=content-type content='charset=",
        ] {
            let _ = decode(s, Some("charset"));
            let _ = decode(s, Some("text/html; charset='"));
        }
    }
}
