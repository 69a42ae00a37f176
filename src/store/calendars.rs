//! The calendar tables (migration 0003): where each team is published and
//! what the server holds of it, conflicts left for the lead, and the local
//! copy of followed calendars. Plain rows; the facade (`api::calendars`)
//! decides what they mean.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};

use super::json_column::{from_text, to_text};
use super::StoreError;
use crate::io::ics::publish::Include;

/// A team's publishing target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub team: String,
    pub url: String,
    pub user: String,
    pub include: Include,
    pub last_run: Option<String>,
    pub last_ok: Option<String>,
    pub last_error: Option<String>,
    pub failures: u32,
}

/// One resource the server holds of ours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub name: String,
    pub hash: String,
    pub etag: Option<String>,
    pub theirs: bool,
}

/// A resource changed or deleted on the server by someone else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub uid: String,
    pub name: String,
    pub summary: String,
    /// `edited` or `deleted`.
    pub kind: String,
    pub server_etag: Option<String>,
    pub found: String,
}

/// A calendar this computer follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Followed {
    pub url: String,
    pub user: String,
    pub name: String,
    pub last_updated: Option<String>,
    pub last_error: Option<String>,
}

fn target_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Target, String)> {
    let include: String = r.get(3)?;
    Ok((
        Target {
            team: r.get(0)?,
            url: r.get(1)?,
            user: r.get(2)?,
            include: Include::default(),
            last_run: r.get(4)?,
            last_ok: r.get(5)?,
            last_error: r.get(6)?,
            failures: r.get(7)?,
        },
        include,
    ))
}

const TARGET_COLUMNS: &str =
    "team, url, user, include, last_run, last_ok, last_error, failures FROM publish_targets";

pub fn targets(conn: &Connection) -> Result<Vec<Target>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {TARGET_COLUMNS} ORDER BY team"))?;
    let rows = stmt.query_map([], target_row)?;
    let mut out = Vec::new();
    for row in rows {
        let (mut t, include) = row?;
        t.include = from_text("publish_targets", &t.team, "include", &include)?;
        out.push(t);
    }
    Ok(out)
}

pub fn target(conn: &Connection, team: &str) -> Result<Option<Target>, StoreError> {
    let row = conn
        .query_row(
            &format!("SELECT {TARGET_COLUMNS} WHERE team = ?1"),
            [team],
            target_row,
        )
        .optional()?;
    match row {
        None => Ok(None),
        Some((mut t, include)) => {
            t.include = from_text("publish_targets", team, "include", &include)?;
            Ok(Some(t))
        }
    }
}

/// Creates or changes a team's target. A new address starts afresh: what
/// was published elsewhere says nothing about the new collection.
pub fn put_target(
    tx: &Connection,
    team: &str,
    url: &str,
    user: &str,
    include: Include,
) -> Result<(), StoreError> {
    let old: Option<String> = tx
        .query_row(
            "SELECT url FROM publish_targets WHERE team = ?1",
            [team],
            |r| r.get(0),
        )
        .optional()?;
    if old.as_deref().is_some_and(|o| o != url) {
        tx.execute("DELETE FROM published WHERE team = ?1", [team])?;
        tx.execute("DELETE FROM publish_conflicts WHERE team = ?1", [team])?;
    }
    tx.execute(
        "INSERT INTO publish_targets (team, url, user, include) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(team) DO UPDATE SET url = excluded.url, user = excluded.user,
             include = excluded.include",
        (team, url, user, to_text(&include)),
    )?;
    Ok(())
}

pub fn remove_target(tx: &Connection, team: &str) -> Result<bool, StoreError> {
    Ok(tx.execute("DELETE FROM publish_targets WHERE team = ?1", [team])? > 0)
}

/// Records how a run ended: `error` is `None` for a complete publish.
pub fn record_run(
    tx: &Connection,
    team: &str,
    at: &str,
    error: Option<&str>,
) -> Result<(), StoreError> {
    match error {
        None => tx.execute(
            "UPDATE publish_targets SET last_run = ?2, last_ok = ?2, last_error = NULL, failures = 0
             WHERE team = ?1",
            (team, at),
        )?,
        Some(e) => tx.execute(
            "UPDATE publish_targets SET last_run = ?2, last_error = ?3, failures = failures + 1
             WHERE team = ?1",
            (team, at, e),
        )?,
    };
    Ok(())
}

pub fn published(conn: &Connection, team: &str) -> Result<BTreeMap<String, Published>, StoreError> {
    let mut stmt =
        conn.prepare("SELECT uid, name, hash, etag, theirs FROM published WHERE team = ?1")?;
    let rows = stmt.query_map([team], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Published {
                name: r.get(1)?,
                hash: r.get(2)?,
                etag: r.get(3)?,
                theirs: r.get::<_, i64>(4)? != 0,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn set_published(
    tx: &Connection,
    team: &str,
    uid: &str,
    p: &Published,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO published (team, uid, name, hash, etag, theirs) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(team, uid) DO UPDATE SET name = excluded.name, hash = excluded.hash,
             etag = excluded.etag, theirs = excluded.theirs",
        (team, uid, &p.name, &p.hash, &p.etag, i64::from(p.theirs)),
    )?;
    Ok(())
}

pub fn remove_published(tx: &Connection, team: &str, uid: &str) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM published WHERE team = ?1 AND uid = ?2",
        (team, uid),
    )?;
    Ok(())
}

pub fn conflicts(conn: &Connection, team: &str) -> Result<Vec<Conflict>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT uid, name, summary, kind, server_etag, found FROM publish_conflicts
         WHERE team = ?1 ORDER BY found, uid",
    )?;
    let rows = stmt.query_map([team], |r| {
        Ok(Conflict {
            uid: r.get(0)?,
            name: r.get(1)?,
            summary: r.get(2)?,
            kind: r.get(3)?,
            server_etag: r.get(4)?,
            found: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn put_conflict(tx: &Connection, team: &str, c: &Conflict) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO publish_conflicts (team, uid, name, summary, kind, server_etag, found)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT(team, uid) DO UPDATE SET kind = excluded.kind,
             server_etag = excluded.server_etag, summary = excluded.summary",
        (
            team,
            &c.uid,
            &c.name,
            &c.summary,
            &c.kind,
            &c.server_etag,
            &c.found,
        ),
    )?;
    Ok(())
}

pub fn remove_conflict(tx: &Connection, team: &str, uid: &str) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "DELETE FROM publish_conflicts WHERE team = ?1 AND uid = ?2",
        (team, uid),
    )? > 0)
}

pub fn followed(conn: &Connection) -> Result<Vec<Followed>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT url, user, name, last_updated, last_error FROM followed_calendars ORDER BY name, url",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Followed {
            url: r.get(0)?,
            user: r.get(1)?,
            name: r.get(2)?,
            last_updated: r.get(3)?,
            last_error: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn put_followed(tx: &Connection, url: &str, user: &str, name: &str) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO followed_calendars (url, user, name) VALUES (?1, ?2, ?3)
         ON CONFLICT(url) DO UPDATE SET user = excluded.user, name = excluded.name",
        (url, user, name),
    )?;
    Ok(())
}

pub fn remove_followed(tx: &Connection, url: &str) -> Result<bool, StoreError> {
    Ok(tx.execute("DELETE FROM followed_calendars WHERE url = ?1", [url])? > 0)
}

pub fn set_followed_status(
    tx: &Connection,
    url: &str,
    updated: Option<&str>,
    error: Option<&str>,
) -> Result<(), StoreError> {
    match updated {
        Some(at) => tx.execute(
            "UPDATE followed_calendars SET last_updated = ?2, last_error = NULL WHERE url = ?1",
            (url, at),
        )?,
        None => tx.execute(
            "UPDATE followed_calendars SET last_error = ?2 WHERE url = ?1",
            (url, error),
        )?,
    };
    Ok(())
}

/// The local copy's resources of one followed calendar: name → ETag.
pub fn followed_etags(
    conn: &Connection,
    url: &str,
) -> Result<BTreeMap<String, Option<String>>, StoreError> {
    let mut stmt = conn.prepare("SELECT name, etag FROM followed_objects WHERE calendar = ?1")?;
    let rows = stmt.query_map([url], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn put_followed_object(
    tx: &Connection,
    url: &str,
    name: &str,
    etag: Option<&str>,
    text: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO followed_objects (calendar, name, etag, text) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(calendar, name) DO UPDATE SET etag = excluded.etag, text = excluded.text",
        (url, name, etag, text),
    )?;
    Ok(())
}

pub fn remove_followed_object(tx: &Connection, url: &str, name: &str) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM followed_objects WHERE calendar = ?1 AND name = ?2",
        (url, name),
    )?;
    Ok(())
}

/// Every followed calendar's resources: (name, text).
pub fn followed_objects(conn: &Connection) -> Result<Vec<(String, String)>, StoreError> {
    let mut stmt =
        conn.prepare("SELECT name, text FROM followed_objects ORDER BY calendar, name")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
