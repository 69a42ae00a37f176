//! The facade's policy what-if: plan the stored team and the team with a
//! lead's changes over the same weeks with the same locks, compare them
//! ([`Meridian::what_if`]), and store the changes in one write
//! ([`Meridian::adopt_what_if`]).
//!
//! Nothing is stored by a what-if: the changes are made on a copy of the
//! team read in one snapshot ([`crate::plan::what_if::try_changes`]). Adopt
//! makes exactly those changes on the stored items, read inside its write,
//! through the same per-item stores and cascades as an edit of each item
//! ([`super::items`]), after a backup; it is refused when anything was
//! written since the what-if was computed.

use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;

use super::items::Item;
use super::rotation::{app_fairness, past_locks, window};
use super::write::Changes;
use super::{invalid, Meridian};
use crate::error::{AppError, Problem};
use crate::io::scenario;
use crate::io::what_if::{check_changes, PolicyChanges};
use crate::model::{Lock, Office, Rep, RotationRequest, Scenario, Team};
use crate::plan::rotation::{self, RotationAnswer};
use crate::plan::what_if::{
    apply_changes, desk_use, rep_diff, try_changes, DeskComparison, RepDiff,
};
use crate::plan::PlanError;
use crate::store::{self, backup};

/// A what-if's answer: both plans of the same weeks and how they differ.
#[derive(Debug, Clone)]
pub struct WhatIf {
    /// The changes tried, with the weeks they were tried over filled in.
    pub changes: PolicyChanges,
    /// Monday of the first week.
    pub from: NaiveDate,
    pub weeks: u32,
    /// The change counter of the team both plans were made from: Adopt
    /// refuses the changes once it moved.
    pub counter: i64,
    /// The stored team planned.
    pub current: RotationAnswer,
    /// The changed team planned.
    pub tried: RotationAnswer,
    /// Locks left out of the tried plan (rule 1 forbids them after the
    /// changes).
    pub dropped_locks: Vec<Lock>,
    /// Accepted office days the changes rule out.
    pub dropped_office_days: u32,
    pub notes: Vec<String>,
    pub desks: DeskComparison,
    /// The reps whose days change; `None` when a plan is infeasible.
    pub reps: Option<Vec<RepDiff>>,
}

impl Meridian {
    /// Plans the stored team and the team with `changes` made, over the
    /// changes' weeks (default: the stored rotation window) with the stored
    /// locks, and compares them. Stores nothing.
    ///
    /// # Errors
    /// [`AppError::Invalid`] (file `changes`) for bad changes or unknown ids,
    /// with paths in the changes file; [`PlanError::MissingRequest`] when no
    /// weeks are given or stored.
    pub fn what_if(&self, changes: &PolicyChanges) -> Result<WhatIf, AppError> {
        self.what_if_from(changes, None, &AtomicBool::new(false))
    }

    /// [`Meridian::what_if`] as the app runs it (see
    /// [`Meridian::plan_rotation_from`]): both plans keep the accepted
    /// office days before `today`; `cancel` stops the run.
    ///
    /// # Errors
    /// As [`Meridian::what_if`], and [`PlanError::Cancelled`].
    pub fn what_if_from(
        &self,
        changes: &PolicyChanges,
        today: Option<NaiveDate>,
        cancel: &AtomicBool,
    ) -> Result<WhatIf, AppError> {
        let problems = check_changes(changes);
        if !problems.is_empty() {
            return Err(invalid("changes", problems));
        }
        let (sc, counter) =
            self.read(|c| Ok((store::load_scenario(c)?, store::changes::counter(c)?)))?;
        let stored = sc.requests.rotation.clone();
        let from = match (changes.from, &stored) {
            (Some(f), _) => f,
            (None, Some(r)) => r.from,
            (None, None) => return Err(PlanError::MissingRequest("rotation").into()),
        };
        let weeks = changes
            .weeks
            .or(stored.as_ref().map(|r| r.weeks))
            .unwrap_or(4);
        let (monday, _) = scenario::rotation_days(from, weeks.max(1));
        let applied = try_changes(&sc, changes).map_err(|p| invalid("changes", p))?;
        // Both plans break ties as the board's plan does, with the same
        // shares (the stored team's ledger): "current" is the board's plan
        // of those weeks.
        let fairness = app_fairness(&sc, today);
        let plan = |team: &Scenario| -> Result<RotationAnswer, AppError> {
            let mut req = window(team.requests.rotation.clone(), from, weeks);
            if let Some(today) = today {
                req.locks.extend(past_locks(team, &req, today));
            }
            let empty = RotationRequest {
                locks: Vec::new(),
                ..req.clone()
            };
            let problems = scenario::check_rotation_request(&empty, &[], &[]);
            if !problems.is_empty() {
                return Err(invalid("changes", problems));
            }
            Ok(rotation::rotate_office_fair(
                team,
                &req,
                None,
                cancel,
                fairness.as_ref(),
            )?)
        };
        let current = plan(&sc)?;
        let tried = plan(&applied.scenario)?;
        let desks = desk_use(&sc, &applied.scenario, &current, &tried);
        let reps = rep_diff(&sc, &applied.scenario, &current, &tried);
        Ok(WhatIf {
            changes: PolicyChanges {
                from: Some(monday),
                weeks: Some(weeks),
                ..changes.clone()
            },
            from: monday,
            weeks,
            counter,
            current,
            tried,
            dropped_locks: applied.dropped_locks,
            dropped_office_days: applied.dropped_office_days,
            notes: applied.notes,
            desks,
            reps,
        })
    }

    /// Stores `changes` as the team's policy, offices, teams and reps in one
    /// write, after a backup (reason `what-if`): each changed item as an
    /// edit of it stores it, with its checks and cascades (office days and
    /// locks it makes impossible are dropped). The weeks are not stored.
    /// With `expected_counter` (the [`WhatIf::counter`]) the write is
    /// refused when anything was written since.
    ///
    /// # Errors
    /// [`AppError::Invalid`] (file `changes`) for bad changes, unknown ids or
    /// nothing to store; [`AppError::StalePlan`] when the team changed since.
    pub fn adopt_what_if(
        &mut self,
        changes: &PolicyChanges,
        expected_counter: Option<i64>,
    ) -> Result<Changes, AppError> {
        let mut problems = check_changes(changes);
        if problems.is_empty() && changes.is_empty() {
            problems.push(Problem {
                path: String::new(),
                message: crate::tr!("api-what-if-nothing"),
            });
        }
        if !problems.is_empty() {
            return Err(invalid("changes", problems));
        }
        let db = self.path.clone();
        let summary = adopt_summary(changes);
        Ok(self
            .write(&summary, |tx| {
                tx.describe(crate::tr!("api-undo-adopt"));
                tx.expect_counter(expected_counter)?;
                let before = named_part(tx.conn, changes)?;
                let mut after = before.clone();
                apply_changes(&mut after, changes).map_err(|p| invalid("changes", p))?;
                let mut problems = scenario::check_policy(&after.policy);
                for o in &after.offices {
                    problems.extend(item_problems(o, tx.conn)?);
                }
                for t in &after.teams {
                    problems.extend(item_problems(t, tx.conn)?);
                }
                for r in &after.reps {
                    problems.extend(item_problems(r, tx.conn)?);
                }
                if !problems.is_empty() {
                    return Err(invalid("changes", problems));
                }
                // Inside the write lock, so the backup holds exactly what
                // this write changes.
                if let Some(db) = &db {
                    backup::snapshot(db, "what-if")?;
                }
                if after.policy != before.policy {
                    tx.set_policy(&after.policy)?;
                }
                // Offices first: a rep's cascades read its offices' new days.
                for (new, old) in after.offices.iter().zip(&before.offices) {
                    if new != old {
                        Office::store(tx, new, Some(old))?;
                    }
                }
                for (new, old) in after.teams.iter().zip(&before.teams) {
                    if new != old {
                        Team::store(tx, new, Some(old))?;
                    }
                }
                for (new, old) in after.reps.iter().zip(&before.reps) {
                    if new != old {
                        Rep::store(tx, new, Some(old))?;
                    }
                }
                Ok(())
            })?
            .1)
    }
}

/// An item's own rules and references after the changes, its paths prefixed
/// with the item (the changes file names it by id).
fn item_problems<T: Item>(item: &T, conn: &rusqlite::Connection) -> Result<Vec<Problem>, AppError> {
    Ok(item
        .check(conn)?
        .into_iter()
        .map(|p| Problem {
            path: String::new(),
            message: crate::tr!(
                "api-what-if-item-problem",
                kind = T::NOUN,
                id = format!("{:?}", item.id()),
                path = p.path,
                problem = p.message
            ),
        })
        .collect())
}

/// The stored items `changes` names, read inside the write: the policy,
/// the offices it changes or moves reps to, the teams it changes, and the
/// reps it changes or whose team it moves. In the stored order.
fn named_part(conn: &rusqlite::Connection, changes: &PolicyChanges) -> Result<Scenario, AppError> {
    let mut part = Scenario {
        policy: store::settings::get_policy(conn)?,
        ..Scenario::default()
    };
    let mut offices: Vec<&String> = changes.offices.iter().map(|o| &o.id).collect();
    offices.extend(changes.teams.iter().filter_map(|t| t.office.as_ref()));
    offices.extend(changes.reps.iter().filter_map(|r| r.office.as_ref()));
    offices.sort_unstable();
    offices.dedup();
    for id in offices {
        part.offices
            .extend(store::offices::get_office(conn, id)?.map(|s| s.item));
    }
    let mut reps: Vec<String> = changes.reps.iter().map(|r| r.id.clone()).collect();
    for t in &changes.teams {
        if let Some(team) = store::teams::get_team(conn, &t.id)? {
            part.teams.push(team.item);
            if t.office.is_some() {
                reps.extend(store::reps::reps_in_team(conn, &t.id)?);
            }
        }
    }
    reps.sort_unstable();
    reps.dedup();
    for id in &reps {
        part.reps
            .extend(store::reps::get_rep(conn, id)?.map(|s| s.item));
    }
    Ok(part)
}

/// The change log's line for an adopt: what it stores.
fn adopt_summary(c: &PolicyChanges) -> String {
    let mut parts = Vec::new();
    if let Some(p) = c.policy {
        let r = p.office_days_per_week;
        parts.push(crate::tr!(
            "api-log-adopt-policy",
            min = r.min.to_string(),
            max = r.max.to_string()
        ));
    }
    if !c.offices.is_empty() {
        parts.push(crate::tr!("api-log-adopt-offices", count = c.offices.len()));
    }
    if !c.teams.is_empty() {
        parts.push(crate::tr!("api-log-adopt-teams", count = c.teams.len()));
    }
    if !c.reps.is_empty() {
        parts.push(crate::tr!("api-log-adopt-reps", count = c.reps.len()));
    }
    crate::tr!("api-log-adopt", parts = parts.join(", "))
}
