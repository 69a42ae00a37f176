//! A small CalDAV client (RFC 4791 over WebDAV, RFC 4918): just what
//! publishing a team calendar and following one need.
//!
//! Built on `ureq` (blocking HTTP/1.1, rustls, the OS's trusted roots) and
//! `quick-xml`; DESIGN.md "CalDAV client" says why not `libdav`.
//!
//! Safety rules:
//! - HTTPS anywhere; plain HTTP only to a loopback address (a local test
//!   server), so a password never crosses a network in clear text.
//! - Every write is conditional: `If-None-Match: *` to create, `If-Match`
//!   with the ETag Meridian last saw to change or delete, so a change made
//!   on the server by someone else is never overwritten ([`DavError::Changed`]).
//! - Time-outs on every request; answers are read up to [`MAX_BODY_BYTES`].

pub mod xml;

use std::net::IpAddr;
use std::time::Duration;

use base64::Engine;
use ureq::http::{Method, Request, StatusCode};
use url::Url;

/// The largest answer read (a whole team calendar in one REPORT).
pub const MAX_BODY_BYTES: u64 = 64 << 20;
/// How long one request may take, connection included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// How long connecting may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest collection address accepted.
pub const MAX_URL_CHARS: usize = 2048;
/// The most resources one collection listing may name (a followed
/// calendar; a team calendar of 2,000 reps over a year is ~70,000 at most
/// if it were one team, far more than any real one).
pub const MAX_RESOURCES: usize = 100_000;

/// Why a CalDAV request failed, in words that say what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DavError {
    #[error("{}", crate::tr!("caldav-bad-url", url = url, why = why))]
    BadUrl { url: String, why: String },
    #[error("{}", crate::tr!("caldav-unreachable", url = url, detail = detail))]
    Unreachable { url: String, detail: String },
    #[error("{}", crate::tr!("caldav-unauthorized", url = url))]
    Unauthorized { url: String },
    #[error("{}", crate::tr!("caldav-forbidden", url = url))]
    Forbidden { url: String },
    #[error("{}", crate::tr!("caldav-not-found", url = url))]
    NotFound { url: String },
    #[error("{}", crate::tr!("caldav-changed", url = url))]
    Changed { url: String },
    #[error("{}", crate::tr!("caldav-full", url = url))]
    Full { url: String },
    #[error("{}", crate::tr!("caldav-status", url = url, status = status.to_string(), detail = detail))]
    Status {
        url: String,
        status: u16,
        detail: String,
    },
    #[error("{}", crate::tr!("caldav-protocol", url = url, detail = detail))]
    Protocol { url: String, detail: String },
}

impl DavError {
    /// Worth trying again later: the server was down or overloaded.
    pub fn is_transient(&self) -> bool {
        match self {
            DavError::Unreachable { .. } => true,
            // 423: the resource is locked for now (Xandikos, mid-write).
            DavError::Status { status, .. } => *status >= 500 || matches!(*status, 408 | 423 | 429),
            _ => false,
        }
    }
}

/// One resource as listed or fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// Its name in the collection (the last path segment, decoded).
    pub name: String,
    pub etag: Option<String>,
    /// The calendar data, when fetched.
    pub text: Option<String>,
}

/// A collection's resources (without data) and its display name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listing {
    pub name: Option<String>,
    pub resources: Vec<Resource>,
}

/// A calendar collection on a server, with the account that reaches it.
pub struct Collection {
    agent: ureq::Agent,
    url: Url,
    auth: String,
}

/// Checks a collection address: absolute, HTTPS, or HTTP to loopback only;
/// answers it with a trailing slash (a collection's canonical form).
///
/// # Errors
/// [`DavError::BadUrl`].
pub fn collection_url(text: &str) -> Result<Url, DavError> {
    let bad = |why: &str| DavError::BadUrl {
        url: without_userinfo(text),
        why: why.to_string(),
    };
    if text.chars().count() > MAX_URL_CHARS {
        return Err(bad(&crate::tr!(
            "caldav-url-too-long",
            max = MAX_URL_CHARS.to_string()
        )));
    }
    let mut url = Url::parse(text.trim()).map_err(|e| bad(&e.to_string()))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad(&crate::tr!("caldav-url-has-password")));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad(&crate::tr!("caldav-url-has-query")));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => return Err(bad(&crate::tr!("caldav-url-plain-http"))),
        _ => return Err(bad(&crate::tr!("caldav-url-not-https"))),
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

/// `text` with anything between `://` and an `@` before the path replaced,
/// so an address typed with its password never repeats it in a message.
fn without_userinfo(text: &str) -> String {
    let Some(scheme_end) = text.find("://") else {
        return text.to_string();
    };
    let rest = &text[scheme_end + 3..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{}://…@{}", &text[..scheme_end], &rest[at + 1..]),
        None => text.to_string(),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

fn webdav(name: &str) -> Method {
    // Both are valid tokens, so this cannot fail; GET is never sent by mistake
    // because every caller checks the status of a WebDAV answer.
    Method::from_bytes(name.as_bytes()).unwrap_or(Method::GET)
}

impl Collection {
    /// A client for the collection at `url` (see [`collection_url`]).
    ///
    /// # Errors
    /// [`DavError::BadUrl`].
    pub fn new(url: &str, user: &str, password: &str) -> Result<Collection, DavError> {
        let url = collection_url(url)?;
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(ureq::tls::RootCerts::PlatformVerifier)
            .build();
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .allow_non_standard_methods(true)
            .http_status_as_error(false)
            .timeout_global(Some(REQUEST_TIMEOUT))
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .max_redirects(5)
            .redirect_auth_headers(ureq::config::RedirectAuthHeaders::SameHost)
            .tls_config(tls)
            .user_agent(concat!("Meridian/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        Ok(Collection {
            agent,
            url,
            auth: format!("Basic {token}"),
        })
    }

    /// The collection's address, with its trailing slash.
    pub fn url(&self) -> &str {
        self.url.as_str()
    }

    fn resource_url(&self, name: &str) -> Result<Url, DavError> {
        let encoded: String = name
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                    char::from(b).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        self.url.join(&encoded).map_err(|e| DavError::BadUrl {
            url: format!("{}{name}", self.url),
            why: e.to_string(),
        })
    }

    /// Sends one request; answers the status, the ETag header and the body.
    fn send(
        &self,
        method: Method,
        url: &Url,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Result<(StatusCode, Option<String>, String), DavError> {
        let mut req = Request::builder()
            .method(method)
            .uri(url.as_str())
            .header("Authorization", &self.auth);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let req = req
            .body(body.unwrap_or("").to_string())
            .map_err(|e| DavError::BadUrl {
                url: url.to_string(),
                why: e.to_string(),
            })?;
        let mut resp = self.agent.run(req).map_err(|e| DavError::Unreachable {
            url: url.to_string(),
            detail: e.to_string(),
        })?;
        let status = resp.status();
        let etag = resp
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let text = resp
            .body_mut()
            .with_config()
            .limit(MAX_BODY_BYTES)
            .read_to_string()
            .map_err(|e| DavError::Protocol {
                url: url.to_string(),
                detail: e.to_string(),
            })?;
        Ok((status, etag, text))
    }

    fn fail(url: &Url, status: StatusCode, body: &str) -> DavError {
        let url = url.to_string();
        match status.as_u16() {
            401 => DavError::Unauthorized { url },
            403 => DavError::Forbidden { url },
            404 | 410 => DavError::NotFound { url },
            409 => DavError::Status {
                url,
                status: 409,
                detail: crate::tr!("caldav-no-parent-folder"),
            },
            412 => DavError::Changed { url },
            507 => DavError::Full { url },
            s => DavError::Status {
                url,
                status: s,
                detail: body
                    .chars()
                    .take(200)
                    .collect::<String>()
                    .trim()
                    .to_string(),
            },
        }
    }

    fn multistatus(&self, url: &Url, body: &str) -> Result<Vec<xml::Response>, DavError> {
        xml::multistatus(body).map_err(|detail| DavError::Protocol {
            url: url.to_string(),
            detail,
        })
    }

    /// Makes sure the collection exists as a calendar, creating it (named
    /// `display_name`) when it does not. Answers whether it was created.
    ///
    /// # Errors
    /// A [`DavError`]; an address that exists but is not a calendar is
    /// [`DavError::Status`] 409 with a plain word.
    pub fn ensure_calendar(&self, display_name: &str) -> Result<bool, DavError> {
        let (status, _, body) = self.send(
            webdav("PROPFIND"),
            &self.url,
            &[
                ("Depth", "0"),
                ("Content-Type", "application/xml; charset=utf-8"),
            ],
            Some(xml::PROPFIND_LIST),
        )?;
        match status.as_u16() {
            // Xandikos answers a missing collection with a 207 whose only
            // response is a 404.
            207 if self
                .multistatus(&self.url, &body)?
                .iter()
                .all(|r| r.status == Some(404)) =>
            {
                self.make_calendar(display_name)
            }
            207 => {
                let found = self.multistatus(&self.url, &body)?;
                if found.iter().any(|r| r.calendar) {
                    Ok(false)
                } else {
                    Err(DavError::Status {
                        url: self.url.to_string(),
                        status: 409,
                        detail: crate::tr!("caldav-folder-not-calendar"),
                    })
                }
            }
            404 => self.make_calendar(display_name),
            _ => Err(Self::fail(&self.url, status, &body)),
        }
    }

    fn make_calendar(&self, display_name: &str) -> Result<bool, DavError> {
        let (status, _, body) = self.send(
            webdav("MKCALENDAR"),
            &self.url,
            &[("Content-Type", "application/xml; charset=utf-8")],
            Some(&xml::mkcalendar(display_name)),
        )?;
        if status.as_u16() == 201 {
            Ok(true)
        } else {
            Err(Self::fail(&self.url, status, &body))
        }
    }

    /// Every resource in the collection with its ETag (no data), and the
    /// collection's display name.
    ///
    /// # Errors
    /// A [`DavError`].
    pub fn list(&self) -> Result<Listing, DavError> {
        let (status, _, body) = self.send(
            webdav("PROPFIND"),
            &self.url,
            &[
                ("Depth", "1"),
                ("Content-Type", "application/xml; charset=utf-8"),
            ],
            Some(xml::PROPFIND_LIST),
        )?;
        if status.as_u16() != 207 {
            return Err(Self::fail(&self.url, status, &body));
        }
        let mut listing = Listing::default();
        for r in self.multistatus(&self.url, &body)? {
            if r.collection {
                if self
                    .url
                    .join(&r.href)
                    .is_ok_and(|u| u.path() == self.url.path())
                {
                    listing.name = r.display_name.filter(|n| !n.is_empty());
                }
                continue;
            }
            if listing.resources.len() >= MAX_RESOURCES {
                return Err(DavError::Protocol {
                    url: self.url.to_string(),
                    detail: crate::tr!("caldav-too-many-events", max = MAX_RESOURCES.to_string()),
                });
            }
            if let Some(name) = self.name_of(&r.href) {
                listing.resources.push(Resource {
                    name,
                    etag: r.etag,
                    text: None,
                });
            }
        }
        Ok(listing)
    }

    /// The resource name an href points at, when it is directly inside the
    /// collection.
    fn name_of(&self, href: &str) -> Option<String> {
        let url = self.url.join(href).ok()?;
        let rest = url.path().strip_prefix(self.url.path())?;
        if rest.is_empty() || rest.contains('/') {
            return None;
        }
        Some(percent_decode(rest))
    }

    /// The named resources with their data, in batches of 100.
    ///
    /// # Errors
    /// A [`DavError`].
    pub fn fetch(&self, names: &[&str]) -> Result<Vec<Resource>, DavError> {
        let mut out = Vec::new();
        for batch in names.chunks(100) {
            let hrefs: Vec<String> = batch
                .iter()
                .map(|n| self.resource_url(n).map(|u| u.path().to_string()))
                .collect::<Result<_, _>>()?;
            let refs: Vec<&str> = hrefs.iter().map(String::as_str).collect();
            let (status, _, body) = self.send(
                webdav("REPORT"),
                &self.url,
                &[
                    ("Depth", "1"),
                    ("Content-Type", "application/xml; charset=utf-8"),
                ],
                Some(&xml::multiget(&refs)),
            )?;
            if status.as_u16() != 207 {
                return Err(Self::fail(&self.url, status, &body));
            }
            for r in self.multistatus(&self.url, &body)? {
                if let (Some(name), Some(text)) = (self.name_of(&r.href), r.calendar_data) {
                    out.push(Resource {
                        name,
                        etag: r.etag,
                        text: Some(text),
                    });
                }
            }
        }
        Ok(out)
    }

    /// Creates the resource `name`; fails with [`DavError::Changed`] when it
    /// already exists. Answers its ETag when the server said it.
    ///
    /// # Errors
    /// A [`DavError`].
    pub fn create(&self, name: &str, text: &str) -> Result<Option<String>, DavError> {
        self.put(name, text, ("If-None-Match", "*"))
    }

    /// Replaces `name` if it still has `etag`; [`DavError::Changed`] if
    /// someone changed or deleted it since.
    ///
    /// # Errors
    /// A [`DavError`].
    pub fn update(&self, name: &str, text: &str, etag: &str) -> Result<Option<String>, DavError> {
        self.put(name, text, ("If-Match", etag))
    }

    fn put(
        &self,
        name: &str,
        text: &str,
        condition: (&str, &str),
    ) -> Result<Option<String>, DavError> {
        let url = self.resource_url(name)?;
        let (status, etag, body) = self.send(
            Method::PUT,
            &url,
            &[condition, ("Content-Type", "text/calendar; charset=utf-8")],
            Some(text),
        )?;
        match status.as_u16() {
            200 | 201 | 204 => {
                // A server that changed what it stored sends no ETag
                // (RFC 4791 §5.3.4): ask for the stored one.
                match etag {
                    Some(e) => Ok(Some(e)),
                    None => self.etag_of(name),
                }
            }
            _ => Err(Self::fail(&url, status, &body)),
        }
    }

    fn etag_of(&self, name: &str) -> Result<Option<String>, DavError> {
        let url = self.resource_url(name)?;
        let (status, _, body) = self.send(
            webdav("PROPFIND"),
            &url,
            &[
                ("Depth", "0"),
                ("Content-Type", "application/xml; charset=utf-8"),
            ],
            Some(xml::PROPFIND_LIST),
        )?;
        if status.as_u16() != 207 {
            return Err(Self::fail(&url, status, &body));
        }
        Ok(self
            .multistatus(&url, &body)?
            .into_iter()
            .find_map(|r| r.etag))
    }

    /// Deletes `name` if it still has `etag`. A resource already gone is
    /// not an error: what was asked for is true.
    ///
    /// # Errors
    /// [`DavError::Changed`] if someone changed it since; another [`DavError`].
    pub fn delete(&self, name: &str, etag: &str) -> Result<(), DavError> {
        let url = self.resource_url(name)?;
        let (status, _, body) = self.send(Method::DELETE, &url, &[("If-Match", etag)], None)?;
        match status.as_u16() {
            200 | 202 | 204 | 404 | 410 => Ok(()),
            _ => Err(Self::fail(&url, status, &body)),
        }
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_must_be_https_or_loopback_http() {
        assert!(collection_url("https://cal.example.com/dav/team").is_ok());
        assert_eq!(
            collection_url("http://127.0.0.1:5232/lead/team")
                .unwrap()
                .as_str(),
            "http://127.0.0.1:5232/lead/team/"
        );
        assert!(collection_url("http://localhost:1/x/").is_ok());
        assert!(collection_url("http://[::1]:1/x/").is_ok());
        let plain = collection_url("http://cal.example.com/team/").unwrap_err();
        assert!(plain.to_string().contains("unencrypted"), "{plain}");
        let typed = collection_url("https://u:s3cret@cal.example.com/x/").unwrap_err();
        assert!(!typed.to_string().contains("s3cret"), "{typed}");
        assert!(collection_url("ftp://cal.example.com/").is_err());
        assert!(collection_url("not a url").is_err());
        let long = format!("https://cal.example.com/{}/", "x".repeat(MAX_URL_CHARS));
        assert!(collection_url(&long).is_err());
    }

    #[test]
    fn names_round_trip_through_hrefs() {
        let c = Collection::new("http://127.0.0.1:1/lead/team/", "u", "p").unwrap();
        let url = c.resource_url("meeting-m1@meridian.ics").unwrap();
        assert_eq!(url.path(), "/lead/team/meeting-m1%40meridian.ics");
        assert_eq!(
            c.name_of("/lead/team/meeting-m1%40meridian.ics").as_deref(),
            Some("meeting-m1@meridian.ics")
        );
        assert_eq!(
            c.name_of("http://127.0.0.1:1/lead/team/a.ics").as_deref(),
            Some("a.ics")
        );
        assert_eq!(c.name_of("/lead/team/"), None);
        assert_eq!(c.name_of("/lead/other/a.ics"), None);
    }

    #[test]
    fn only_outages_are_worth_retrying() {
        let url = String::from("u");
        assert!(DavError::Unreachable {
            url: url.clone(),
            detail: String::new()
        }
        .is_transient());
        assert!(DavError::Status {
            url: url.clone(),
            status: 503,
            detail: String::new()
        }
        .is_transient());
        assert!(!DavError::Unauthorized { url: url.clone() }.is_transient());
        assert!(!DavError::Changed { url }.is_transient());
    }

    #[test]
    fn errors_read_in_the_thread_s_language() {
        use crate::i18n::{with_language, Lang};
        let url = "https://cal.example.com/team/".to_string();
        let unauthorized = DavError::Unauthorized { url: url.clone() };
        assert_eq!(
            with_language(Lang::En, || unauthorized.to_string()),
            "https://cal.example.com/team/ refused the user name or password (401): check them, or use an app password"
        );
        assert_eq!(
            with_language(Lang::De, || unauthorized.to_string()),
            "https://cal.example.com/team/ hat den Benutzernamen oder das Passwort abgelehnt (401): prüfen Sie beides oder verwenden Sie ein App-Passwort"
        );
        let not_found = DavError::NotFound { url };
        assert_eq!(
            with_language(Lang::De, || not_found.to_string()),
            "Unter https://cal.example.com/team/ gibt es nichts (404): prüfen Sie die Adresse des Kalenders"
        );
        let plain = with_language(Lang::De, || {
            collection_url("http://cal.example.com/team/")
                .map(|_| ())
                .unwrap_err()
                .to_string()
        });
        assert_eq!(
            plain,
            "http://cal.example.com/team/ ist keine Kalenderadresse, die Meridian verwenden kann: einfaches http würde das Passwort unverschlüsselt senden; verwenden Sie https (http ist nur zu diesem Computer erlaubt)"
        );
        let long = format!("https://cal.example.com/{}/", "x".repeat(MAX_URL_CHARS));
        let long = collection_url(&long).map(|_| ()).unwrap_err().to_string();
        assert!(long.ends_with(": longer than 2048 characters"), "{long}");
    }
}
