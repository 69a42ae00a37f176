//! The `settings` table: document-wide values such as the office-day policy,
//! and the release of the holiday table the stored office days were kept
//! against.

use rusqlite::{Connection, OptionalExtension};

use super::json_column::{from_text, to_text};
use super::StoreError;
use crate::model::Policy;

const POLICY: &str = "policy";

pub fn get_policy(conn: &Connection) -> Result<Policy, StoreError> {
    let text: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [POLICY], |r| {
            r.get(0)
        })
        .optional()?;
    match text {
        Some(t) => from_text("settings", POLICY, "value", &t),
        None => Ok(Policy::default()),
    }
}

pub fn set_policy(tx: &Connection, policy: &Policy) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (POLICY, to_text(policy)),
    )?;
    Ok(())
}

const HOLIDAYS_RELEASE: &str = "holidays_release";

/// The holiday table release (`holidays::data_version`) the stored office
/// days and locks were last checked against; `None` before the first check.
pub fn holidays_release(conn: &Connection) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [HOLIDAYS_RELEASE],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn set_holidays_release(tx: &Connection, release: &str) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (HOLIDAYS_RELEASE, release),
    )?;
    Ok(())
}

const LEAD_TEAM: &str = "lead_team";

/// The team the lead leads ("my team" on the Reports screen): the only
/// team whose per-person figures are shown. `None` until chosen.
pub fn lead_team(conn: &Connection) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [LEAD_TEAM],
            |r| r.get(0),
        )
        .optional()?)
}

/// Sets or clears the lead's team. The caller checks the team exists in the
/// same transaction.
pub fn set_lead_team(tx: &Connection, team: Option<&str>) -> Result<(), StoreError> {
    match team {
        Some(id) => tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (LEAD_TEAM, id),
        )?,
        None => tx.execute("DELETE FROM settings WHERE key = ?1", [LEAD_TEAM])?,
    };
    Ok(())
}
