//! Calendar passwords (issue 13): kept in the OS keyring (the `keyring`
//! crate: Secret Service on Linux, Keychain on macOS, Credential Manager on
//! Windows) under the service [`SERVICE`] and the account `<user>@<url>`,
//! and in this process's memory for the session.
//!
//! Invariants:
//! - A password goes only to the keyring and to the core's calendar calls:
//!   never to the database, a log line, an error message or the web view.
//!   [`Password`] has no `Serialize` and its `Debug` hides it; keyring errors
//!   are reduced to their kind before anything prints them (some carry the
//!   stored bytes).
//! - Without a keyring (no Secret Service running: a bare desktop, CI) a
//!   password is kept in memory until Meridian closes, and the page says so
//!   ([`PasswordKept::Session`]). `MERIDIAN_KEYRING=none` asks for that
//!   behaviour explicitly (the desktop tests set it, so they never write to
//!   a developer's keyring).
//! - Keyring calls may block (D-Bus, an unlock prompt): callers run them on
//!   the blocking pool, and each gives up after [`KEYRING_TIMEOUT`].

use std::collections::HashMap;
use std::fmt;
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The keyring service every Meridian password is stored under.
pub const SERVICE: &str = "meridian";

/// The variable that turns the OS keyring off (`none`).
pub const KEYRING_VAR: &str = "MERIDIAN_KEYRING";

/// How long one keyring call may take (an unlock prompt included) before
/// Meridian treats the keyring as unavailable.
pub const KEYRING_TIMEOUT: Duration = Duration::from_secs(60);

/// A password in memory. Never serialised; `Debug` shows nothing of it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub fn new(text: String) -> Password {
        Password(text)
    }

    /// The text, for the one call that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(hidden)")
    }
}

impl Drop for Password {
    fn drop(&mut self) {
        // Best effort: overwrite the bytes before the allocator reuses them
        // (`black_box` keeps the write from being optimised away).
        let mut bytes = std::mem::take(&mut self.0).into_bytes();
        bytes.fill(0);
        std::hint::black_box(&bytes);
    }
}

/// Where the password of an account is kept, as the page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PasswordKept {
    /// In the OS keyring (and in memory while Meridian runs).
    Keyring,
    /// In memory only: asked again after Meridian closes.
    Session,
    /// Not on this computer: the page asks for it.
    Missing,
}

/// Why a keyring call did not succeed, without anything of the secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// No keyring, or it refused or did not answer (locked, no service).
    #[error("{}", meridian::tr!("shell-keyring-unavailable", reason = _0.as_str()))]
    Unavailable(String),
    /// An entry is there but cannot be used (not text, or ambiguous).
    #[error("{}", meridian::tr!("shell-keyring-unreadable"))]
    Unreadable,
}

/// A place that keeps passwords across sessions: the OS keyring, or none.
pub trait Vault: Send + Sync {
    /// Whether this vault can keep passwords at all.
    fn available(&self) -> bool;
    fn get(&self, account: &str) -> Result<Option<String>, VaultError>;
    fn set(&self, account: &str, password: &str) -> Result<(), VaultError>;
    /// Removes the entry; a missing entry is not an error.
    fn delete(&self, account: &str) -> Result<(), VaultError>;
}

/// No keyring: every call says so; passwords live in memory only.
pub struct NoKeyring;

impl Vault for NoKeyring {
    fn available(&self) -> bool {
        false
    }
    fn get(&self, _: &str) -> Result<Option<String>, VaultError> {
        Err(VaultError::Unavailable("turned off".into()))
    }
    fn set(&self, _: &str, _: &str) -> Result<(), VaultError> {
        Err(VaultError::Unavailable("turned off".into()))
    }
    fn delete(&self, _: &str) -> Result<(), VaultError> {
        Ok(())
    }
}

/// The platform's keyring through the `keyring` crate.
pub struct OsKeyring;

/// Runs `f` on a thread of its own and waits at most [`KEYRING_TIMEOUT`]:
/// a keyring that never answers must not hold a command forever.
fn in_time<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, VaultError> + Send + 'static,
) -> Result<T, VaultError> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("meridian-keyring".into())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .map_err(|e| {
            VaultError::Unavailable(meridian::tr!(
                "shell-keyring-no-thread",
                reason = e.to_string()
            ))
        })?;
    rx.recv_timeout(KEYRING_TIMEOUT).unwrap_or_else(|_| {
        Err(VaultError::Unavailable(meridian::tr!(
            "shell-keyring-timeout",
            seconds = KEYRING_TIMEOUT.as_secs()
        )))
    })
}

/// A keyring error reduced to its kind: `BadEncoding` and `BadDataFormat`
/// carry the stored bytes, so their text must never be printed.
fn vault_error(e: keyring::Error) -> VaultError {
    use keyring::Error as E;
    match e {
        E::PlatformFailure(inner) | E::NoStorageAccess(inner) => {
            VaultError::Unavailable(inner.to_string())
        }
        E::NoDefaultStore => VaultError::Unavailable(meridian::tr!("shell-keyring-no-service")),
        E::NotSupportedByStore(why) => VaultError::Unavailable(why),
        E::BadEncoding(_) | E::BadDataFormat(..) | E::Ambiguous(_) => VaultError::Unreadable,
        E::BadStoreFormat(_) | E::TooLong(..) | E::Invalid(..) | E::NoEntry => {
            VaultError::Unavailable(meridian::tr!("shell-keyring-refused"))
        }
        // The error enum may grow: an unknown kind is treated as no keyring.
        _ => VaultError::Unavailable(meridian::tr!("shell-keyring-unexpected")),
    }
}

impl Vault for OsKeyring {
    fn available(&self) -> bool {
        // The crate connects once per process; the answer does not change.
        static OK: OnceLock<bool> = OnceLock::new();
        *OK.get_or_init(|| in_time(|| Ok(keyring::Entry::store_status().is_ok())).unwrap_or(false))
    }

    fn get(&self, account: &str) -> Result<Option<String>, VaultError> {
        let account = account.to_string();
        in_time(move || {
            let entry = keyring::Entry::new(SERVICE, &account).map_err(vault_error)?;
            match entry.get_password() {
                Ok(p) => Ok(Some(p)),
                Err(keyring::Error::NoEntry) => Ok(None),
                Err(e) => Err(vault_error(e)),
            }
        })
    }

    fn set(&self, account: &str, password: &str) -> Result<(), VaultError> {
        let account = account.to_string();
        let password = Password::new(password.to_string());
        in_time(move || {
            let entry = keyring::Entry::new(SERVICE, &account).map_err(vault_error)?;
            entry.set_password(password.expose()).map_err(vault_error)
        })
    }

    fn delete(&self, account: &str) -> Result<(), VaultError> {
        let account = account.to_string();
        in_time(move || {
            let entry = keyring::Entry::new(SERVICE, &account).map_err(vault_error)?;
            match entry.delete_credential() {
                Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
                Err(e) => Err(vault_error(e)),
            }
        })
    }
}

/// The keyring account of `user` on the calendar at `url`.
pub fn account(user: &str, url: &str) -> String {
    format!("{user}@{url}")
}

/// The app's passwords: the vault, and what this session holds in memory.
/// Cheap to clone (shared), so blocking tasks can take it along.
#[derive(Clone)]
pub struct Secrets {
    vault: Arc<dyn Vault>,
    session: Arc<Mutex<HashMap<String, (Password, PasswordKept)>>>,
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let held = self.session.lock().map(|s| s.len()).unwrap_or_default();
        write!(f, "Secrets({held} in memory)")
    }
}

impl Secrets {
    pub fn new(vault: Arc<dyn Vault>) -> Secrets {
        Secrets {
            vault,
            session: Arc::default(),
        }
    }

    /// The OS keyring, unless [`KEYRING_VAR`] is `none`.
    pub fn from_env() -> Secrets {
        let off = std::env::var(KEYRING_VAR).is_ok_and(|v| v.eq_ignore_ascii_case("none"));
        if off {
            Secrets::new(Arc::new(NoKeyring))
        } else {
            Secrets::new(Arc::new(OsKeyring))
        }
    }

    /// Whether passwords can be kept past this session. May block.
    pub fn keyring_available(&self) -> bool {
        self.vault.available()
    }

    fn session(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Password, PasswordKept)>> {
        // A panic while holding the map cannot leave a password half
        // written: keep using it.
        self.session
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Keeps `password` for `user` at `url`: in the keyring when
    /// `in_keyring` and one answers, and in memory for this session in any
    /// case. Not remembering also removes an older keyring entry. May block.
    pub fn remember(
        &self,
        user: &str,
        url: &str,
        password: Password,
        in_keyring: bool,
    ) -> PasswordKept {
        let account = account(user, url);
        let kept = if in_keyring {
            match self.vault.set(&account, password.expose()) {
                Ok(()) => PasswordKept::Keyring,
                Err(e) => {
                    eprintln!(
                        "meridian: the password for {account} is kept for this session only: {e}"
                    );
                    PasswordKept::Session
                }
            }
        } else {
            if let Err(e) = self.vault.delete(&account) {
                eprintln!("meridian: cannot remove the keyring entry of {account}: {e}");
            }
            PasswordKept::Session
        };
        self.session().insert(account, (password, kept));
        kept
    }

    /// The password for `user` at `url`: from memory, else from the keyring
    /// (then kept in memory too). May block.
    pub fn password(&self, user: &str, url: &str) -> Option<Password> {
        let account = account(user, url);
        if let Some((p, _)) = self.session().get(&account) {
            return Some(p.clone());
        }
        match self.vault.get(&account) {
            Ok(Some(text)) => {
                let p = Password::new(text);
                self.session()
                    .insert(account, (p.clone(), PasswordKept::Keyring));
                Some(p)
            }
            Ok(None) => None,
            Err(e) => {
                if self.vault.available() {
                    eprintln!("meridian: cannot read the password of {account}: {e}");
                }
                None
            }
        }
    }

    /// The password from memory only (never blocks): what a background
    /// retry may use.
    pub fn in_memory(&self, user: &str, url: &str) -> Option<Password> {
        self.session()
            .get(&account(user, url))
            .map(|(p, _)| p.clone())
    }

    /// Where the password for `user` at `url` is kept. May block.
    pub fn kept(&self, user: &str, url: &str) -> PasswordKept {
        if let Some((_, kept)) = self.session().get(&account(user, url)) {
            return *kept;
        }
        match self.password(user, url) {
            Some(_) => PasswordKept::Keyring,
            None => PasswordKept::Missing,
        }
    }

    /// Forgets the password for `user` at `url`, in memory and in the
    /// keyring. May block.
    pub fn forget(&self, user: &str, url: &str) {
        let account = account(user, url);
        self.session().remove(&account);
        if let Err(e) = self.vault.delete(&account) {
            eprintln!("meridian: cannot remove the keyring entry of {account}: {e}");
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A keyring in memory, to test the keyring path without one.
    #[derive(Default)]
    pub struct MemoryVault(pub Mutex<HashMap<String, String>>);

    impl Vault for MemoryVault {
        fn available(&self) -> bool {
            true
        }
        fn get(&self, account: &str) -> Result<Option<String>, VaultError> {
            Ok(self.0.lock().expect("lock").get(account).cloned())
        }
        fn set(&self, account: &str, password: &str) -> Result<(), VaultError> {
            self.0
                .lock()
                .expect("lock")
                .insert(account.into(), password.into());
            Ok(())
        }
        fn delete(&self, account: &str) -> Result<(), VaultError> {
            self.0.lock().expect("lock").remove(account);
            Ok(())
        }
    }

    const URL: &str = "http://127.0.0.1:5232/lead/team/";

    #[test]
    fn a_remembered_password_goes_to_the_keyring_and_outlives_the_session() {
        let vault = Arc::new(MemoryVault::default());
        let secrets = Secrets::new(vault.clone());
        let kept = secrets.remember("lead", URL, Password::new("s3cret".into()), true);
        assert_eq!(kept, PasswordKept::Keyring);
        assert_eq!(
            vault
                .0
                .lock()
                .unwrap()
                .get(&format!("lead@{URL}"))
                .map(String::as_str),
            Some("s3cret"),
            "keyed by <user>@<url>"
        );
        // A new session (the app restarted) reads it back from the keyring.
        let next = Secrets::new(vault);
        assert_eq!(next.in_memory("lead", URL), None);
        assert_eq!(next.kept("lead", URL), PasswordKept::Keyring);
        assert_eq!(
            next.password("lead", URL).as_ref().map(Password::expose),
            Some("s3cret")
        );
        next.forget("lead", URL);
        assert_eq!(next.kept("lead", URL), PasswordKept::Missing);
    }

    #[test]
    fn without_a_keyring_the_password_is_kept_for_this_session_only() {
        let secrets = Secrets::new(Arc::new(NoKeyring));
        assert!(!secrets.keyring_available());
        let kept = secrets.remember("rep", URL, Password::new("r3p".into()), true);
        assert_eq!(kept, PasswordKept::Session);
        assert_eq!(secrets.kept("rep", URL), PasswordKept::Session);
        assert_eq!(
            secrets.in_memory("rep", URL).as_ref().map(Password::expose),
            Some("r3p")
        );
        let restarted = Secrets::new(Arc::new(NoKeyring));
        assert_eq!(restarted.kept("rep", URL), PasswordKept::Missing);
    }

    #[test]
    fn not_remembering_removes_an_older_keyring_entry() {
        let vault = Arc::new(MemoryVault::default());
        let secrets = Secrets::new(vault.clone());
        secrets.remember("lead", URL, Password::new("old".into()), true);
        let kept = secrets.remember("lead", URL, Password::new("new".into()), false);
        assert_eq!(kept, PasswordKept::Session);
        assert!(vault.0.lock().unwrap().is_empty(), "the keyring forgot it");
        assert_eq!(
            secrets.password("lead", URL).as_ref().map(Password::expose),
            Some("new")
        );
    }

    #[test]
    fn a_password_never_shows_in_debug_output() {
        let secrets = Secrets::new(Arc::new(MemoryVault::default()));
        let p = Password::new("hunter2-s3cret".into());
        secrets.remember("lead", URL, p.clone(), true);
        for text in [
            format!("{p:?}"),
            format!("{secrets:?}"),
            format!("{:?}", Some(p)),
        ] {
            assert!(!text.contains("hunter2"), "{text}");
        }
    }

    #[test]
    fn keyring_errors_that_carry_the_stored_bytes_never_print_them() {
        let e = vault_error(keyring::Error::BadEncoding(b"hunter2".to_vec()));
        assert_eq!(e, VaultError::Unreadable);
        assert!(!e.to_string().contains("hunter2"));
    }

    /// The real OS keyring, when one runs (gated: CI has none). On Linux:
    /// `MERIDIAN_KEYRING_TEST=1 dbus-run-session -- sh -c 'echo pw |
    /// gnome-keyring-daemon --unlock --components=secrets >/dev/null;
    /// cargo test -p meridian-app --lib os_keyring'`.
    #[test]
    fn the_os_keyring_keeps_a_password_for_the_next_session_when_one_runs() {
        if std::env::var_os("MERIDIAN_KEYRING_TEST").is_none() {
            eprintln!("skipped: set MERIDIAN_KEYRING_TEST=1 with a Secret Service running");
            return;
        }
        let url = format!("http://127.0.0.1:1/test-{}/", std::process::id());
        let secrets = Secrets::new(Arc::new(OsKeyring));
        assert!(secrets.keyring_available(), "no keyring answered");
        let kept = secrets.remember("lead", &url, Password::new("s3cret".into()), true);
        assert_eq!(kept, PasswordKept::Keyring);
        let next = Secrets::new(Arc::new(OsKeyring));
        assert_eq!(
            next.password("lead", &url).as_ref().map(Password::expose),
            Some("s3cret")
        );
        next.forget("lead", &url);
        assert_eq!(
            Secrets::new(Arc::new(OsKeyring)).kept("lead", &url),
            PasswordKept::Missing
        );
    }

    #[test]
    fn the_keyring_can_be_turned_off_for_tests_and_bare_machines() {
        std::env::set_var(KEYRING_VAR, "none");
        let secrets = Secrets::from_env();
        std::env::remove_var(KEYRING_VAR);
        assert!(!secrets.keyring_available());
        assert_eq!(
            secrets.remember("a", URL, Password::new("x".into()), true),
            PasswordKept::Session
        );
    }
}
