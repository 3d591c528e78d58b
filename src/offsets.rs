//! Offset units, and the one function that converts between them.
//!
//! The engine works on UTF-8 byte offsets because that is what Rust strings
//! index by. JS strings and DOM ranges index by UTF-16 code units; the
//! command-line tool and the evaluation data (Python string indices) index by
//! Unicode scalar values. Every report crosses exactly one conversion.

/// A way of counting positions in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes: the engine's own offsets.
    Byte,
    /// UTF-16 code units: JS string indices and DOM offsets.
    Utf16,
    /// Unicode scalar values: Python string indices, the CLI's offsets.
    Char,
}

/// Converts byte offsets into `text` to `unit`, in place, in one pass over the
/// text whatever the order of `offsets`.
///
/// An offset inside a multi-byte character counts as the start of that
/// character; an offset past the end counts as the end. Neither panics.
pub fn convert(text: &str, unit: Unit, offsets: &mut [usize]) {
    let Some(order) = ascending(text, unit, offsets) else {
        return;
    };
    let mut chars = text.char_indices().peekable();
    let mut counted = 0usize; // offset in `unit` of the next character
    for i in order {
        let target = offsets[i];
        while let Some(&(byte, ch)) = chars.peek() {
            if byte + ch.len_utf8() > target {
                break;
            }
            counted += match unit {
                Unit::Utf16 => ch.len_utf16(),
                _ => 1,
            };
            chars.next();
        }
        offsets[i] = counted;
    }
}

/// Converts offsets in `unit` back to byte offsets into `text`, in place. An
/// offset that falls inside a surrogate pair maps to the start of its
/// character; one past the end maps to `text.len()`.
pub fn to_bytes(text: &str, unit: Unit, offsets: &mut [usize]) {
    let Some(order) = ascending(text, unit, offsets) else {
        return;
    };
    let mut chars = text.char_indices().peekable();
    let mut counted = 0usize;
    let mut byte = 0usize;
    for i in order {
        let target = offsets[i];
        while let Some(&(b, ch)) = chars.peek() {
            let w = match unit {
                Unit::Utf16 => ch.len_utf16(),
                _ => 1,
            };
            if counted + w > target {
                byte = b;
                break;
            }
            counted += w;
            chars.next();
            byte = b + ch.len_utf8();
        }
        if chars.peek().is_none() {
            byte = text.len();
        }
        offsets[i] = byte;
    }
}

/// The indices of `offsets` in ascending order of value, so one walk over the
/// text converts them all; or `None` when there is nothing to walk for (byte
/// offsets are only clamped to the text).
fn ascending(text: &str, unit: Unit, offsets: &mut [usize]) -> Option<Vec<usize>> {
    if unit == Unit::Byte || offsets.is_empty() {
        for o in offsets.iter_mut() {
            *o = (*o).min(text.len());
        }
        return None;
    }
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    Some(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(text: &str, unit: Unit, offs: &[usize]) -> Vec<usize> {
        let mut v = offs.to_vec();
        convert(text, unit, &mut v);
        v
    }

    #[test]
    fn ascii_is_identity() {
        assert_eq!(conv("hello", Unit::Utf16, &[0, 3, 5]), vec![0, 3, 5]);
        assert_eq!(conv("hello", Unit::Char, &[5, 0, 3]), vec![5, 0, 3]);
    }

    #[test]
    fn accented_text() {
        // "é" is 2 bytes, 1 UTF-16 unit, 1 char.
        let t = "café au lait";
        let b = t.find("au").unwrap();
        assert_eq!(b, 6);
        assert_eq!(conv(t, Unit::Utf16, &[b]), vec![5]);
        assert_eq!(conv(t, Unit::Char, &[b]), vec![5]);
    }

    #[test]
    fn combining_marks_count_as_their_own_chars() {
        // "e" + U+0301 COMBINING ACUTE: 3 bytes, 2 UTF-16 units, 2 chars.
        let t = "e\u{301}x";
        assert_eq!(conv(t, Unit::Utf16, &[3]), vec![2]);
        assert_eq!(conv(t, Unit::Char, &[3]), vec![2]);
    }

    #[test]
    fn emoji_is_a_surrogate_pair() {
        // "😀" is 4 bytes, 2 UTF-16 units, 1 char.
        let t = "a😀b";
        assert_eq!(conv(t, Unit::Utf16, &[0, 1, 5, 6]), vec![0, 1, 3, 4]);
        assert_eq!(conv(t, Unit::Char, &[0, 1, 5, 6]), vec![0, 1, 2, 3]);
    }

    #[test]
    fn cjk_is_three_bytes_one_unit() {
        let t = "東京で「はい」";
        let b = t.find('「').unwrap();
        assert_eq!(b, 9);
        assert_eq!(conv(t, Unit::Utf16, &[b, t.len()]), vec![3, 7]);
    }

    #[test]
    fn mid_character_and_past_end_do_not_panic() {
        let t = "a😀b";
        assert_eq!(conv(t, Unit::Utf16, &[2, 99]), vec![1, 4]);
        assert_eq!(conv(t, Unit::Byte, &[99]), vec![6]);
    }

    #[test]
    fn round_trip() {
        let t = "Ünïcödé 😀 “quoted” 東京 e\u{301}!";
        let bytes: Vec<usize> = t.char_indices().map(|(b, _)| b).chain([t.len()]).collect();
        for unit in [Unit::Utf16, Unit::Char] {
            let mut v = bytes.clone();
            convert(t, unit, &mut v);
            to_bytes(t, unit, &mut v);
            assert_eq!(v, bytes, "{unit:?}");
        }
    }
}
