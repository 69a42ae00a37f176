//! Arbitrary bytes through the ICS busy-time reader
//! (`meridian::io::ics::import::read_busy`): it must return, within its
//! caps, a preview or a file error, never panic or hang; every busy time
//! it returns is a meeting of the rep with a positive length.
#![no_main]

use libfuzzer_sys::fuzz_target;
use meridian::io::ics::import::read_busy;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(today) = meridian::model::parse_date("2026-12-01") else {
        return;
    };
    for zone in ["Europe/London", "America/Santiago"] {
        if let Ok(preview) = read_busy(text, "ana", zone, today) {
            for busy in &preview.events {
                assert_eq!(busy.meeting.attendees, ["ana"]);
                assert!(busy.meeting.duration_minutes >= 1);
            }
        }
    }
});
