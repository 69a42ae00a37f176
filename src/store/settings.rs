//! The `settings` table: document-wide values such as the office-day policy.

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
