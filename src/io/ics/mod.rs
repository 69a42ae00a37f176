//! iCalendar (RFC 5545) at the edge: [`export`] writes a rep's or a team's
//! calendar, [`import`] reads busy times from files other calendars wrote.
//!
//! This module owns the text rules both share: content lines folded at 75
//! octets on UTF-8 character boundaries with CRLF endings, TEXT escaping,
//! and stable identifiers built from ids alone (never from the clock, a
//! counter or the file's order), so exporting or importing the same thing
//! again updates rather than duplicates.

pub mod export;
pub mod followed;
pub mod import;
pub mod publish;

/// The longest content line in octets, CRLF excluded (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Appends `line` to `out`, folded at [`MAX_LINE_OCTETS`] octets without
/// splitting a UTF-8 character, each physical line ending in CRLF.
pub fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= room {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // A continuation line starts with the space, which counts.
        room = MAX_LINE_OCTETS - 1;
    }
}

/// TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and
/// line breaks; other control characters (which TEXT forbids) are dropped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// An id made safe for a UID or file name: ASCII letters, digits, `.`,
/// `_` and `-` stay, every other byte becomes `%XX`. Distinct ids stay
/// distinct.
pub fn uid_part(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// 64-bit FNV-1a of the parts, each followed by a 0 byte: a stable digest
/// for ids derived from imported UIDs (the same on every machine and
/// release; not a defence against crafted collisions, which could only
/// merge two events of one user's own file).
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain(std::iter::once(&0u8)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        push_folded(&mut out, line);
        out
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let out = folded(&line);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{physical:?} is {}", physical.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(folded("VERSION:2.0"), "VERSION:2.0\r\n");
        let exact = "X".repeat(75);
        assert_eq!(folded(&exact), format!("{exact}\r\n"));
        assert_eq!(
            folded(&"X".repeat(76)),
            format!("{}\r\n X\r\n", "X".repeat(75))
        );
    }

    #[test]
    fn text_is_escaped_per_rfc_5545() {
        assert_eq!(
            escape_text("a\\b;c,d\r\ne\nf\u{7}"),
            "a\\\\b\\;c\\,d\\ne\\nf"
        );
    }

    #[test]
    fn ids_become_uid_safe_and_stay_distinct() {
        assert_eq!(uid_part("m-1_a.b"), "m-1_a.b");
        assert_eq!(uid_part("a b@c"), "a%20b%40c");
        assert_ne!(uid_part("a%20b"), uid_part("a b"));
        assert_eq!(stable_hash(&["a", "b"]), stable_hash(&["a", "b"]));
        assert_ne!(stable_hash(&["ab", ""]), stable_hash(&["a", "b"]));
    }
}
