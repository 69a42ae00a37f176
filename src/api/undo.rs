//! Undo and redo of the last changes (issue 17), on the change log.
//!
//! Every ordinary write records, inside its own transaction, the stored form
//! of each item it touched before and after it ([`crate::store::undo`]; the
//! capture is in [`Tx`]). Undo of change N is one new write that puts every
//! one of those items back as it was before N; redo puts them back as N
//! left them. Both are refused, with nothing changed, when an item N touched
//! is no longer as N left it (undo) or as it was before (redo): another
//! window or the command line changed it since. Restoring is exact: rows
//! come back with their revisions and, where free, their places in the
//! lists; cascades N made (an office's days and reps) are items N touched,
//! so they come back too.
//!
//! Invariants: an undo or redo touches only the items of its change (a
//! removal that would reach further is refused), leaves a document that
//! passes the import's rules (else refused), and records no undo entry of
//! its own; each writer (the app, the command line: `Meridian::set_source`)
//! undoes only its own changes, newest first.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::items::Item;
use super::write::{Tx, UndoMode};
use super::Meridian;
use crate::error::{AppError, Problem, UndoAction, UndoReason, UndoRefused};
use crate::io::scenario;
use crate::model::{Meeting, Office, OfficeDay, Rep, Task, Team};
use crate::store::changes::{self, ItemKind};
use crate::store::undo::{self, Image, ItemImages};
use crate::store::{self, Stored};

/// What the next undo and redo would do, in words for the UI
/// ("Undo: delete meeting Weekly sync"), and how many steps each side holds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UndoState {
    pub undo: Option<String>,
    pub redo: Option<String>,
    pub undo_steps: u32,
    pub redo_steps: u32,
    /// The change counter this was read at.
    pub counter: i64,
    /// The change the next undo would revert (its `Changes::counter`): a
    /// screen offers Undo after a write only when it is that write's own.
    pub undo_seq: Option<i64>,
}

/// What an undo or redo did: in words ("Undone: delete meeting Weekly
/// sync") and as the rows it wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UndoStep {
    pub done: String,
    pub changes: super::Changes,
}

impl Meridian {
    /// What the next undo and redo would do.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn undo_state(&self) -> Result<UndoState, AppError> {
        let source = self.source.as_str();
        self.read(|c| {
            let (u, r) = undo::depth(c, source)?;
            let next = undo::next_undo(c, source)?;
            Ok(UndoState {
                undo_seq: next.as_ref().map(|e| e.seq),
                undo: next.map(|e| crate::tr!("api-undo-next", change = e.words)),
                redo: undo::next_redo(c, source)?
                    .map(|e| crate::tr!("api-redo-next", change = e.words)),
                undo_steps: u32::try_from(u).unwrap_or(u32::MAX),
                redo_steps: u32::try_from(r).unwrap_or(u32::MAX),
                counter: changes::counter(c)?,
            })
        })
    }

    /// Reverts the newest change not yet undone, as one new write.
    ///
    /// # Errors
    /// [`AppError::NothingTo`] when there is none; [`AppError::UndoRefused`]
    /// (code `conflict`), with nothing changed, when an item it touched was
    /// changed since or putting it back would break the team's rules.
    pub fn undo(&mut self) -> Result<UndoStep, AppError> {
        self.step(UndoAction::Undo)
    }

    /// Makes the change undone last again, as one new write.
    ///
    /// # Errors
    /// As [`Meridian::undo`].
    pub fn redo(&mut self) -> Result<UndoStep, AppError> {
        self.step(UndoAction::Redo)
    }

    fn step(&mut self, action: UndoAction) -> Result<UndoStep, AppError> {
        let summary = action.to_string();
        let source = self.source.clone();
        let (words, changes) = self.write(&summary, |tx| {
            tx.set_undo_mode(UndoMode::Skip);
            let entry = match action {
                UndoAction::Undo => undo::next_undo(tx.conn, &source)?,
                UndoAction::Redo => undo::next_redo(tx.conn, &source)?,
            }
            .ok_or(AppError::NothingTo(action))?;
            tx.set_log_summary(match action {
                UndoAction::Undo => crate::tr!("api-log-undid", change = entry.words.as_str()),
                UndoAction::Redo => crate::tr!("api-log-redid", change = entry.words.as_str()),
            });
            let refused = |reason| {
                AppError::UndoRefused(UndoRefused {
                    action,
                    change: entry.words.clone(),
                    reason,
                })
            };
            let images = undo::images(tx.conn, entry.seq)?;
            let pick = |i: &ItemImages| -> (Image, Image) {
                match action {
                    UndoAction::Undo => (i.after.clone(), i.before.clone()),
                    UndoAction::Redo => (i.before.clone(), i.after.clone()),
                }
            };
            // Nothing is written until every item is as this step expects.
            for i in &images {
                let (expected, _) = pick(i);
                let now = image_of(tx.conn, i.kind, &i.id)?;
                if now.body != expected.body {
                    let shown = now.body.as_ref().or(expected.body.as_ref());
                    let item = describe(tx.conn, i.kind, &i.id, shown)?;
                    let by = match revision_of(now.body.as_deref()) {
                        Some(rev) => changes::author(tx.conn, rev)?
                            .as_ref()
                            .map(super::by_author),
                        None => None,
                    };
                    return Err(refused(UndoReason::ChangedSince { item, by }));
                }
            }
            let targets: Vec<(ItemKind, String, Image)> = images
                .iter()
                .map(|i| (i.kind, i.id.clone(), pick(i).1))
                .collect();
            let problems = restore(tx, &targets)?;
            if !problems.is_empty() {
                return Err(refused(UndoReason::WouldBreak { problems }));
            }
            let outside: Vec<String> = {
                let mut out = Vec::new();
                for c in tx.changes.touched() {
                    if !images.iter().any(|i| i.kind == c.kind && i.id == c.id) {
                        out.push(describe(tx.conn, c.kind, &c.id, None)?);
                    }
                }
                out
            };
            if !outside.is_empty() {
                let problems = outside
                    .into_iter()
                    .map(|what| Problem {
                        path: String::new(),
                        message: crate::tr!("api-undo-also-changes", item = what),
                    })
                    .collect();
                return Err(refused(UndoReason::WouldBreak { problems }));
            }
            let moves: Vec<store::task_moves::TaskMove> = serde_json::from_str(&entry.moves)
                .map_err(|e| store::StoreError::Corrupt {
                    table: "undo_entries",
                    id: entry.seq.to_string(),
                    detail: e.to_string(),
                })?;
            for m in &moves {
                match action {
                    UndoAction::Undo => undo::delete_task_move(tx.conn, m)?,
                    UndoAction::Redo => store::task_moves::record_move(tx.conn, m)?,
                }
            }
            let sc = store::load_scenario(tx.conn)?;
            if let Err(problems) = scenario::validate(&sc) {
                return Err(refused(UndoReason::WouldBreak { problems }));
            }
            undo::set_undone(tx.conn, entry.seq, action == UndoAction::Undo)?;
            Ok(entry.words)
        })?;
        let done = match action {
            UndoAction::Undo => crate::tr!("undo-done", change = words),
            UndoAction::Redo => crate::tr!("redo-done", change = words),
        };
        Ok(UndoStep { done, changes })
    }
}

/// The revision in an item image's JSON, if it is a stored item.
fn revision_of(body: Option<&str>) -> Option<i64> {
    let v: serde_json::Value = serde_json::from_str(body?).ok()?;
    v.get("revision")?.as_i64()
}

/// An item in a lead's words: "meeting Weekly sync", "the office days of Ann".
fn describe(
    conn: &rusqlite::Connection,
    kind: ItemKind,
    id: &str,
    body: Option<&String>,
) -> Result<String, AppError> {
    let label = |b: Option<&String>| -> Option<String> {
        let v: serde_json::Value = serde_json::from_str(b?).ok()?;
        let item = v.get("item")?;
        let l = item.get("name").or_else(|| item.get("title"))?;
        l.as_str().map(str::to_string)
    };
    Ok(match kind {
        ItemKind::Team | ItemKind::Office | ItemKind::Rep | ItemKind::Meeting | ItemKind::Task => {
            let body = match body {
                Some(b) => Some(b.clone()),
                None => image_of(conn, kind, id)?.body,
            };
            let noun = match kind {
                ItemKind::Team => "team",
                ItemKind::Office => "office",
                ItemKind::Rep => "rep",
                ItemKind::Meeting => "meeting",
                _ => "task",
            };
            crate::tr!(
                "api-undo-item",
                kind = noun,
                name = label(body.as_ref()).unwrap_or_else(|| id.to_string())
            )
        }
        ItemKind::OfficeDays => {
            let name =
                store::reps::get_rep(conn, id)?.map_or_else(|| id.to_string(), |r| r.item.name);
            crate::tr!("api-undo-office-days-of", name = name)
        }
        ItemKind::Policy => crate::tr!("api-undo-policy"),
        ItemKind::Requests => crate::tr!("api-undo-requests"),
        ItemKind::All => crate::tr!("api-undo-whole-team"),
    })
}

fn to_json<T: Serialize>(v: &T) -> Result<String, AppError> {
    serde_json::to_string(v).map_err(|e| {
        AppError::from(store::StoreError::Corrupt {
            table: "undo_images",
            id: String::new(),
            detail: e.to_string(),
        })
    })
}

fn from_json<T: DeserializeOwned>(text: &str, id: &str) -> Result<T, AppError> {
    serde_json::from_str(text).map_err(|e| {
        AppError::from(store::StoreError::Corrupt {
            table: "undo_images",
            id: id.to_string(),
            detail: e.to_string(),
        })
    })
}

fn item_image<T: Item>(conn: &rusqlite::Connection, id: &str) -> Result<Image, AppError> {
    let Some(stored) = T::load(conn, id)? else {
        return Ok(Image::default());
    };
    let rowid = undo::rowid_of(conn, T::LIST, id)?;
    Ok(Image {
        body: Some(to_json(&stored)?),
        place: rowid.map(|r| r.to_string()),
    })
}

/// An office day of one rep, as its image lists it.
#[derive(Serialize, Deserialize)]
struct Day {
    date: chrono::NaiveDate,
    office: String,
}

/// The stored form of one item now (an office-day "item" is a rep's days).
pub(crate) fn image_of(
    conn: &rusqlite::Connection,
    kind: ItemKind,
    id: &str,
) -> Result<Image, AppError> {
    Ok(match kind {
        ItemKind::Team => item_image::<Team>(conn, id)?,
        ItemKind::Office => item_image::<Office>(conn, id)?,
        ItemKind::Rep => item_image::<Rep>(conn, id)?,
        ItemKind::Meeting => item_image::<Meeting>(conn, id)?,
        ItemKind::Task => item_image::<Task>(conn, id)?,
        ItemKind::OfficeDays => {
            let rows = undo::office_days_with_place(conn, id)?;
            let days: Vec<Day> = rows
                .iter()
                .map(|(date, office, _)| Day {
                    date: *date,
                    office: office.clone(),
                })
                .collect();
            let places: Vec<i64> = rows.iter().map(|r| r.2).collect();
            Image {
                body: Some(to_json(&days)?),
                place: Some(to_json(&places)?),
            }
        }
        ItemKind::Policy => Image {
            body: Some(to_json(&store::settings::get_policy(conn)?)?),
            place: None,
        },
        ItemKind::Requests => Image {
            body: Some(to_json(&store::requests::get_requests(conn)?)?),
            place: None,
        },
        // Whole-team replacements are never undone (they have a backup).
        ItemKind::All => Image::default(),
    })
}

/// Kinds in the order their rows may be written: what a row names first.
const PARENTS_FIRST: [ItemKind; 5] = [
    ItemKind::Team,
    ItemKind::Office,
    ItemKind::Rep,
    ItemKind::Meeting,
    ItemKind::Task,
];

/// Puts every item in `targets` into the form given; returns the problems
/// that forbid it (nothing is kept then: the caller's write rolls back).
fn restore(tx: &mut Tx, targets: &[(ItemKind, String, Image)]) -> Result<Vec<Problem>, AppError> {
    // Removals first, children before parents, each with the cascade a
    // delete makes (anything it reaches outside the change is refused by
    // the caller).
    for kind in PARENTS_FIRST.iter().rev() {
        for (_, id, _) in targets
            .iter()
            .filter(|(k, _, t)| k == kind && t.body.is_none())
        {
            match kind {
                ItemKind::Team => remove::<Team>(tx, id)?,
                ItemKind::Office => remove::<Office>(tx, id)?,
                ItemKind::Rep => remove::<Rep>(tx, id)?,
                ItemKind::Meeting => remove::<Meeting>(tx, id)?,
                _ => remove::<Task>(tx, id)?,
            }
        }
    }
    let mut problems = Vec::new();
    for kind in PARENTS_FIRST {
        for (_, id, target) in targets
            .iter()
            .filter(|(k, _, t)| *k == kind && t.body.is_some())
        {
            match kind {
                ItemKind::Team => put::<Team>(tx, id, target, &mut problems)?,
                ItemKind::Office => put::<Office>(tx, id, target, &mut problems)?,
                ItemKind::Rep => put::<Rep>(tx, id, target, &mut problems)?,
                ItemKind::Meeting => put::<Meeting>(tx, id, target, &mut problems)?,
                _ => put::<Task>(tx, id, target, &mut problems)?,
            }
        }
    }
    if !problems.is_empty() {
        return Ok(problems);
    }
    // Office days: every rep's current days go first, so a day put back at
    // its old rowid never finds another rep's new day there.
    let days_of: Vec<(&String, &Image)> = targets
        .iter()
        .filter(|(k, _, _)| *k == ItemKind::OfficeDays)
        .map(|(_, id, t)| (id, t))
        .collect();
    for (id, _) in &days_of {
        let gone = store::office_days::office_days_of(tx.conn, id)?;
        undo::delete_office_days_of(tx.conn, id)?;
        tx.office_days_gone(gone)?;
    }
    for (id, target) in days_of {
        let days: Vec<Day> = from_json(target.body.as_deref().unwrap_or("[]"), id)?;
        let places: Vec<i64> = match &target.place {
            Some(p) => from_json(p, id)?,
            None => Vec::new(),
        };
        if !days.is_empty() && !store::reps::rep_exists(tx.conn, id)? {
            problems.push(Problem {
                path: String::new(),
                message: crate::tr!("api-undo-rep-removed", id = id.as_str()),
            });
            continue;
        }
        for (i, d) in days.iter().enumerate() {
            if !store::offices::office_exists(tx.conn, &d.office)? {
                problems.push(Problem {
                    path: String::new(),
                    message: crate::tr!("api-undo-office-removed", id = d.office.as_str()),
                });
                continue;
            }
            undo::insert_office_day_at(tx.conn, id, d.date, &d.office, places.get(i).copied())?;
            tx.changes.office_days_added.push(OfficeDay {
                rep: id.clone(),
                date: d.date,
                office: d.office.clone(),
            });
        }
    }
    for (kind, id, target) in targets {
        match kind {
            ItemKind::Policy => {
                if let Some(b) = &target.body {
                    tx.set_policy(&from_json(b, id)?)?;
                }
            }
            ItemKind::Requests => {
                if let Some(b) = &target.body {
                    tx.set_requests(&from_json(b, id)?)?;
                }
            }
            _ => {}
        }
    }
    Ok(problems)
}

fn remove<T: Item>(tx: &mut Tx, id: &str) -> Result<(), AppError> {
    if let Some(stored) = T::load(tx.conn, id)? {
        T::remove(tx, &stored.item)?;
        tx.removed(T::KIND, id);
    }
    Ok(())
}

fn put<T: Item>(
    tx: &mut Tx,
    id: &str,
    target: &Image,
    problems: &mut Vec<Problem>,
) -> Result<(), AppError> {
    let Some(body) = &target.body else {
        return Ok(());
    };
    let stored: Stored<T> = from_json(body, id)?;
    let found = stored.item.check(tx.conn)?;
    if !found.is_empty() {
        problems.extend(found.into_iter().map(|p| Problem {
            path: format!("{}.{}", T::NOUN, id),
            message: if p.path.is_empty() {
                p.message
            } else {
                format!("{}: {}", p.path, p.message)
            },
        }));
        return Ok(());
    }
    T::restore(tx, &stored)?;
    if let Some(rowid) = target.place.as_deref().and_then(|p| p.parse::<i64>().ok()) {
        undo::move_to(tx.conn, T::LIST, id, rowid)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_language, Lang};

    fn team(id: &str, name: &str) -> Team {
        Team {
            id: id.into(),
            name: name.into(),
            anchor_days: Vec::new(),
        }
    }

    fn log_lines(m: &Meridian) -> Vec<String> {
        m.read(|c| {
            let mut stmt = c.prepare("SELECT summary FROM changes ORDER BY seq")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .expect("log")
    }

    #[test]
    fn undo_words_and_log_lines_are_in_the_language_they_were_written_in() {
        let mut m = Meridian::open_in_memory().expect("open");
        m.create(team("emea", "EMEA")).expect("create");
        assert_eq!(
            m.undo_state().expect("state").undo.as_deref(),
            Some("Undo: add team EMEA")
        );
        with_language(Lang::De, || {
            m.delete::<Team>("emea", None).expect("delete");
            assert_eq!(
                m.undo_state().expect("state").undo.as_deref(),
                Some("Rückgängig: Team „EMEA“ löschen")
            );
            let step = m.undo().expect("undo");
            assert_eq!(step.done, "Rückgängig gemacht: Team „EMEA“ löschen");
            assert_eq!(
                m.undo_state().expect("state").redo.as_deref(),
                Some("Wiederholen: Team „EMEA“ löschen")
            );
            // Words stored in English stay English.
            let step = m.undo().expect("undo");
            assert_eq!(step.done, "Rückgängig gemacht: add team EMEA");
        });
        assert_eq!(
            log_lines(&m),
            [
                "added team emea",
                "Team emea entfernt",
                "rückgängig gemacht: Team „EMEA“ löschen",
                "rückgängig gemacht: add team EMEA",
            ]
        );
    }

    #[test]
    fn items_undo_refers_to_read_in_german() {
        let m = Meridian::open_in_memory().expect("open");
        let words = m
            .read(|c| {
                Ok((
                    describe(c, ItemKind::Meeting, "sync", None)?,
                    describe(c, ItemKind::OfficeDays, "ana", None)?,
                    describe(c, ItemKind::Policy, "", None)?,
                ))
            })
            .expect("read");
        assert_eq!(
            words,
            (
                "meeting sync".to_string(),
                "the office days of ana".to_string(),
                "the office-day policy".to_string()
            )
        );
        let words = with_language(Lang::De, || {
            m.read(|c| {
                Ok((
                    describe(c, ItemKind::Meeting, "sync", None)?,
                    describe(c, ItemKind::OfficeDays, "ana", None)?,
                    describe(c, ItemKind::Policy, "", None)?,
                ))
            })
            .expect("read")
        });
        assert_eq!(
            words,
            (
                "Besprechung „sync“".to_string(),
                "die Bürotage von ana".to_string(),
                "die Büroregel".to_string()
            )
        );
    }
}
