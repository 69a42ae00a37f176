//! Arbitrary bytes through the team document parser and validator; an
//! accepted document must be written and read back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use meridian::io::scenario::{parse_document, to_document};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(sc) = parse_document(text, "fuzz") {
        let again = parse_document(&to_document(&sc), "export");
        assert_eq!(again.as_ref().ok(), Some(&sc), "export does not round-trip");
    }
});
