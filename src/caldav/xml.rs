//! The WebDAV XML Meridian sends and reads: request bodies, and the
//! `multistatus` answers of PROPFIND and REPORT (RFC 4918 §13, RFC 4791).
//!
//! Elements are matched by local name: servers differ in prefixes and some
//! declare namespaces oddly, and the few names read here do not clash.

use quick_xml::events::Event;
use quick_xml::Reader;

/// One `<response>` of a multistatus.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Response {
    /// As the server wrote it (percent-encoded path or absolute URL).
    pub href: String,
    pub etag: Option<String>,
    /// `resourcetype` holds `collection`.
    pub collection: bool,
    /// `resourcetype` holds CalDAV's `calendar`.
    pub calendar: bool,
    pub calendar_data: Option<String>,
    pub display_name: Option<String>,
    /// The status of a response without props (a missing resource in a
    /// multiget answers `404` here), or of the propstat holding the props.
    pub status: Option<u16>,
}

/// Reads a multistatus body.
///
/// # Errors
/// The parser's message for text that is not well-formed XML.
pub fn multistatus(body: &str) -> Result<Vec<Response>, String> {
    let mut reader = Reader::from_str(body);
    let mut out: Vec<Response> = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut current: Option<Response> = None;
    // The propstat being read: its props are kept only when it says 200.
    let mut prop_status: Option<u16> = None;
    let mut pending = Response::default();
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        match event {
            Event::Start(e) => {
                let name = local(e.local_name().as_ref());
                match name.as_str() {
                    "response" => current = Some(Response::default()),
                    "propstat" => {
                        prop_status = None;
                        pending = Response::default();
                    }
                    _ => {}
                }
                path.push(name);
                text.clear();
            }
            Event::Empty(e) => {
                let name = local(e.local_name().as_ref());
                if path.iter().any(|p| p == "resourcetype") {
                    match name.as_str() {
                        "collection" => pending.collection = true,
                        "calendar" => pending.calendar = true,
                        _ => {}
                    }
                }
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t.into_inner()),
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                } else {
                    text.push_str(match r.into_inner().as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(_) => {
                let Some(name) = path.pop() else { continue };
                let value = std::mem::take(&mut text);
                let in_propstat = path.iter().any(|p| p == "propstat");
                match name.as_str() {
                    "href" if path.last().map(String::as_str) == Some("response") => {
                        if let Some(r) = current.as_mut() {
                            r.href = value.trim().to_string();
                        }
                    }
                    "status"
                        if in_propstat || path.last().map(String::as_str) == Some("propstat") =>
                    {
                        prop_status = status_code(&value);
                    }
                    "status" => {
                        if let Some(r) = current.as_mut() {
                            r.status = status_code(&value);
                        }
                    }
                    "getetag" => pending.etag = Some(value.trim().to_string()),
                    "calendar-data" => pending.calendar_data = Some(value),
                    "displayname" => pending.display_name = Some(value.trim().to_string()),
                    "collection" if path.last().map(String::as_str) == Some("resourcetype") => {
                        pending.collection = true;
                    }
                    "calendar" if path.last().map(String::as_str) == Some("resourcetype") => {
                        pending.calendar = true;
                    }
                    "propstat" => {
                        if let (Some(r), Some(200)) = (current.as_mut(), prop_status) {
                            r.etag = pending.etag.take().or(r.etag.take());
                            r.collection |= pending.collection;
                            r.calendar |= pending.calendar;
                            r.calendar_data =
                                pending.calendar_data.take().or(r.calendar_data.take());
                            r.display_name = pending.display_name.take().or(r.display_name.take());
                            r.status = Some(200);
                        }
                    }
                    "response" => {
                        if let Some(r) = current.take() {
                            out.push(r);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn local(name: &str) -> String {
    name.to_ascii_lowercase()
}

/// `HTTP/1.1 404 Not Found` → 404.
fn status_code(line: &str) -> Option<u16> {
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Text for an XML element's content.
pub fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

/// PROPFIND body asking for what a listing needs.
pub const PROPFIND_LIST: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:prop><d:resourcetype/><d:getetag/><d:displayname/></d:prop>
</d:propfind>"#;

/// MKCALENDAR body naming the new calendar, for events only.
pub fn mkcalendar(display_name: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:set><d:prop>
    <d:displayname>{}</d:displayname>
    <c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set>
  </d:prop></d:set>
</c:mkcalendar>"#,
        escape(display_name)
    )
}

/// `calendar-multiget` REPORT body for `hrefs` (as the server listed them).
pub fn multiget(hrefs: &[&str]) -> String {
    let mut body = String::from(
        r#"<?xml version="1.0" encoding="utf-8"?>
<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:prop><d:getetag/><c:calendar-data/></d:prop>
"#,
    );
    for href in hrefs {
        body.push_str("  <d:href>");
        body.push_str(&escape(href));
        body.push_str("</d:href>\n");
    }
    body.push_str("</c:calendar-multiget>");
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_listing_with_prefixes_entities_and_failed_propstats() {
        let body = r#"<?xml version="1.0"?>
<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
 <response><href>/lead/team/</href>
  <propstat><prop><resourcetype><collection/><C:calendar/></resourcetype>
   <displayname>Sales &amp; more</displayname></prop><status>HTTP/1.1 200 OK</status></propstat>
  <propstat><prop><getetag/></prop><status>HTTP/1.1 404 Not Found</status></propstat>
 </response>
 <response><href>/lead/team/a%40m.ics</href>
  <propstat><prop><getetag>"abc"</getetag><resourcetype/>
   <C:calendar-data>BEGIN:VCALENDAR&#13;
END:VCALENDAR&#13;
</C:calendar-data></prop>
  <status>HTTP/1.1 200 OK</status></propstat></response>
 <response><href>/lead/team/gone.ics</href><status>HTTP/1.1 404 Not Found</status></response>
</multistatus>"#;
        let r = multistatus(body).unwrap();
        assert_eq!(r.len(), 3);
        assert!(r[0].collection && r[0].calendar);
        assert_eq!(r[0].display_name.as_deref(), Some("Sales & more"));
        assert_eq!(r[0].etag, None);
        assert_eq!(r[1].href, "/lead/team/a%40m.ics");
        assert_eq!(r[1].etag.as_deref(), Some("\"abc\""));
        assert_eq!(
            r[1].calendar_data.as_deref(),
            Some("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        );
        assert_eq!(r[2].status, Some(404));
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(multistatus("<multistatus><response></multistatus>").is_err());
    }
}
