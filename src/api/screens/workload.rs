//! The Workload screen: per-rep load against capacity over the balance
//! window (now, and after the held plan), the tasks one page at a time, and
//! the held plan's changes, sorted and filtered here.
//!
//! The whole team's figures over a window ([`WorkloadFigures`]) take one
//! read of the team and one capacity pass; a caller that pages through them
//! (the app's shell) keeps them while the change counter stays put, and
//! answers every page, sort and search from them.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{matches, words, Page, TeamFilter, Window};
use crate::api::Meridian;
use crate::error::AppError;
use crate::model::{BalanceRequest, Task};
use crate::plan::balance::{
    self, AppBalance, Assessment, BalanceBounds, BalanceChange, BalanceObjective, RepWorkload,
};
use crate::store;

/// From this utilisation on a rep counts as full (below it: has room).
pub const FULL_FROM: f64 = 0.8;

/// Proposed changes and tasks nobody can take listed in a plan's summary;
/// the rest are paged.
pub const SUMMARY_ROWS: u32 = 50;

/// How full a rep is over the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum LoadBand {
    /// No work.
    Idle,
    /// Below [`FULL_FROM`].
    Under,
    /// From [`FULL_FROM`] to 100%.
    Full,
    /// Above 100%, or work without working time.
    Over,
}

impl LoadBand {
    pub fn of(utilization: Option<f64>) -> LoadBand {
        match utilization {
            None => LoadBand::Over,
            Some(u) if u <= 0.0 => LoadBand::Idle,
            Some(u) if u > 1.0 => LoadBand::Over,
            Some(u) if u >= FULL_FROM => LoadBand::Full,
            Some(_) => LoadBand::Under,
        }
    }
}

/// The window the screen opens on and the limits it shows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkloadSettings {
    /// The stored window, else [`balance::default_window`] from today.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// A window was stored (else `from`..`to` is the default).
    pub stored: bool,
    pub max_window_days: u32,
    /// [`FULL_FROM`] in percent.
    pub full_from_percent: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum WorkloadSort {
    /// Highest utilisation now first (work without working time first of
    /// all), then by name.
    #[default]
    Load,
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkloadQuery {
    /// Words that must each appear in the rep's name, id or team.
    pub search: String,
    pub team: TeamFilter,
    pub sort: WorkloadSort,
}

/// One rep's figures for one state of the tasks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LoadFigures {
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub load_minutes: i64,
    /// `null` is infinite (work without working time).
    pub utilization: Option<f64>,
    pub band: LoadBand,
    pub at_risk: u32,
}

/// One rep as the Workload table and chart show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkloadRow {
    pub rep: String,
    pub name: String,
    pub team: Option<String>,
    pub team_name: Option<String>,
    /// Working minutes in the window (`C_r`).
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub capacity_minutes: i64,
    pub now: LoadFigures,
    /// After the held plan's proposed changes; `null` without a plan.
    pub after: Option<LoadFigures>,
}

/// The figures over all reps matching the query.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkloadTotals {
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub capacity_minutes: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub load_minutes: i64,
    pub at_risk: u32,
    /// Reps above 100% now.
    pub over: u32,
    /// The same after the held plan (`null` without one).
    pub at_risk_after: Option<u32>,
    pub over_after: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkloadPage {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Page<WorkloadRow>,
    pub totals: WorkloadTotals,
    /// The held plan was made for this window and its figures are shown.
    pub planned: bool,
    /// The tasks changed since the held plan was made.
    pub stale: bool,
}

/// Whose tasks a task list shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum TaskOwner {
    #[default]
    All,
    Unassigned,
    Rep(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TaskQuery {
    /// Words that must each appear in the title, id, assignee's name or a skill.
    pub search: String,
    pub owner: TaskOwner,
}

/// One task as the list shows it, with what an edit form needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TaskRow {
    pub task: Task,
    pub revision: i64,
    pub assignee_name: Option<String>,
    /// At risk with its assignee over the window, as things stand.
    pub at_risk: bool,
}

/// A task no rep can take, with its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnassignableRow {
    pub task: String,
    pub title: String,
    pub reason: String,
}

/// A plan the app holds: the planner's answer and the change counter it
/// was made at.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldBalance {
    pub plan: AppBalance,
    pub counter: i64,
    pub unassignable: Vec<UnassignableRow>,
}

/// Which of a plan's changes a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ChangeFilter {
    /// The changes the lead may accept.
    #[default]
    Proposed,
    /// Changes the app does not propose (tasks already past due).
    HeldBack,
}

/// What the screen shows of a plan at once; the rest is paged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BalanceSummary {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The change counter the plan was made at.
    pub counter: i64,
    pub before: BalanceObjective,
    /// After every proposed change.
    pub after: BalanceObjective,
    pub bounds: BalanceBounds,
    pub proposed: u32,
    pub held_back: u32,
    /// The first proposed changes, in due-date order.
    pub changes: Page<BalanceChange>,
    /// The first [`SUMMARY_ROWS`] tasks nobody can take.
    pub unassignable: Vec<UnassignableRow>,
    pub unassignable_total: u32,
    /// How the proposals differ from what was left of the last plan after
    /// Apply; `null` when they do not (or nothing was applied).
    pub notice: Option<String>,
}

/// The whole team's figures over one window, as the tasks stand.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkloadFigures {
    pub assessment: Assessment,
    /// Team id and name per rep (document order, as `assessment.reps`).
    teams: Vec<(Option<String>, Option<String>)>,
    pub counter: i64,
}

impl Meridian {
    /// The window the Workload screen opens on (the stored one, else the
    /// default from `today`) and the limits it shows.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn workload_settings(&self, today: NaiveDate) -> Result<WorkloadSettings, AppError> {
        let stored = self.read(|c| Ok(store::requests::get_requests(c)?.balance))?;
        let window = stored.unwrap_or_else(|| balance::default_window(today));
        Ok(WorkloadSettings {
            from: window.from,
            to: window.to,
            stored: stored.is_some(),
            max_window_days: u32::try_from(crate::io::scenario::MAX_WINDOW_DAYS).unwrap_or(366),
            full_from_percent: (FULL_FROM * 100.0).round() as u32,
        })
    }

    /// Every rep's figures over `window` as the tasks stand, read from one
    /// snapshot.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for a window the contract refuses,
    /// [`AppError::Storage`].
    pub fn workload_figures(&self, window: BalanceRequest) -> Result<WorkloadFigures, AppError> {
        let problems = crate::io::scenario::check_balance_request(&window);
        if !problems.is_empty() {
            return Err(super::super::invalid("request", problems));
        }
        let (sc, counter) =
            self.read(|c| Ok((store::load_scenario(c)?, store::changes::counter(c)?)))?;
        let assessment = balance::assess(&sc, &window)?;
        let team_names: HashMap<&str, &str> = sc
            .teams
            .iter()
            .map(|t| (t.id.as_str(), t.name.as_str()))
            .collect();
        let teams = sc
            .reps
            .iter()
            .map(|r| {
                let name = r.team.as_deref().and_then(|t| team_names.get(t));
                (r.team.clone(), name.map(|n| n.to_string()))
            })
            .collect();
        Ok(WorkloadFigures {
            assessment,
            teams,
            counter,
        })
    }

    /// One page of the Workload table over `window`, with the held plan's
    /// figures when it was made for that window.
    ///
    /// # Errors
    /// As [`Meridian::workload_figures`].
    pub fn workload(
        &self,
        window: BalanceRequest,
        plan: Option<&HeldBalance>,
        query: &WorkloadQuery,
        rows: Window,
    ) -> Result<WorkloadPage, AppError> {
        Ok(self.workload_figures(window)?.page(plan, query, rows))
    }

    /// One page of the tasks matching `query`, by due date (tasks without
    /// one last), then title; `at_risk` as of `figures` when given.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn workload_tasks(
        &self,
        query: &TaskQuery,
        figures: Option<&WorkloadFigures>,
        window: Window,
    ) -> Result<Page<TaskRow>, AppError> {
        self.read(|c| {
            // Names only (no hours or skills parsed): 5,000 reps cost little.
            let names: HashMap<String, String> = store::reps::list_rep_lines(c)?
                .into_iter()
                .map(|r| (r.id, r.name))
                .collect();
            let words = words(&query.search);
            let mut rows: Vec<TaskRow> = store::tasks::list_tasks(c)?
                .into_iter()
                .filter(|s| match &query.owner {
                    TaskOwner::All => true,
                    TaskOwner::Unassigned => s.item.assignee.is_none(),
                    TaskOwner::Rep(r) => s.item.assignee.as_deref() == Some(r.as_str()),
                })
                .filter_map(|s| {
                    let assignee_name =
                        s.item.assignee.as_ref().and_then(|a| names.get(a)).cloned();
                    let mut fields = vec![
                        s.item.title.as_str(),
                        s.item.id.as_str(),
                        assignee_name.as_deref().unwrap_or("unassigned"),
                    ];
                    fields.extend(s.item.skills_required.iter().map(String::as_str));
                    matches(&words, &fields).then(|| TaskRow {
                        at_risk: figures.is_some_and(|f| f.assessment.at_risk.contains(&s.item.id)),
                        assignee_name,
                        revision: s.revision,
                        task: s.item,
                    })
                })
                .collect();
            rows.sort_by(|a, b| {
                let due = |r: &TaskRow| (r.task.due.is_none(), r.task.due);
                due(a)
                    .cmp(&due(b))
                    .then_with(|| {
                        a.task
                            .title
                            .to_lowercase()
                            .cmp(&b.task.title.to_lowercase())
                    })
                    .then_with(|| a.task.id.cmp(&b.task.id))
            });
            Ok(window.page(rows, store::changes::counter(c)?))
        })
    }

    /// The app's plan over `from`..`to` (defaults as
    /// [`Meridian::balance_stored`]) as of `today`, with the counter it was
    /// read at; stops with `cancelled` when `cancel` is set.
    ///
    /// # Errors
    /// As [`Meridian::plan_balance_for_app`].
    pub fn hold_balance(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
        cancel: &std::sync::Arc<std::sync::atomic::AtomicBool>,
    ) -> Result<HeldBalance, AppError> {
        let (plan, counter, titles) = self.plan_balance_for_app(from, to, today, cancel)?;
        let unassignable = plan
            .answer
            .unassignable
            .iter()
            .map(|u| UnassignableRow {
                task: u.task.clone(),
                title: titles
                    .get(&u.task)
                    .cloned()
                    .unwrap_or_else(|| u.task.clone()),
                reason: u.reason.clone(),
            })
            .collect();
        Ok(HeldBalance {
            plan,
            counter,
            unassignable,
        })
    }
}

impl WorkloadFigures {
    /// One page of rows matching `query`, with `plan`'s figures when it was
    /// made for the same window.
    pub fn page(
        &self,
        plan: Option<&HeldBalance>,
        query: &WorkloadQuery,
        window: Window,
    ) -> WorkloadPage {
        let a = &self.assessment;
        let plan = plan.filter(|h| h.plan.answer.from == a.from && h.plan.answer.to == a.to);
        let after: HashMap<&str, &RepWorkload> = plan
            .map(|h| h.plan.reps.iter().map(|r| (r.rep.as_str(), r)).collect())
            .unwrap_or_default();
        let words = words(&query.search);
        let mut rows: Vec<WorkloadRow> = a
            .reps
            .iter()
            .zip(&self.teams)
            .filter(|(_, (team, _))| match &query.team {
                TeamFilter::All => true,
                TeamFilter::NoTeam => team.is_none(),
                TeamFilter::Team(t) => team.as_deref() == Some(t.as_str()),
            })
            .filter(|(r, (_, team_name))| {
                matches(
                    &words,
                    &[&r.name, &r.rep, team_name.as_deref().unwrap_or("")],
                )
            })
            .map(|(r, (team, team_name))| WorkloadRow {
                rep: r.rep.clone(),
                name: r.name.clone(),
                team: team.clone(),
                team_name: team_name.clone(),
                capacity_minutes: r.capacity_minutes,
                now: figures(
                    r.load_before_minutes,
                    r.utilization_before,
                    r.at_risk_before,
                ),
                after: after
                    .get(r.rep.as_str())
                    .map(|p| figures(p.load_minutes, p.utilization, p.at_risk)),
            })
            .collect();
        let totals = WorkloadTotals {
            capacity_minutes: rows.iter().map(|r| r.capacity_minutes).sum(),
            load_minutes: rows.iter().map(|r| r.now.load_minutes).sum(),
            at_risk: rows.iter().map(|r| r.now.at_risk).sum(),
            over: count(rows.iter().map(|r| r.now.band == LoadBand::Over)),
            at_risk_after: plan
                .map(|_| rows.iter().filter_map(|r| r.after).map(|f| f.at_risk).sum()),
            over_after: plan.map(|_| {
                count(
                    rows.iter()
                        .map(|r| r.after.is_some_and(|f| f.band == LoadBand::Over)),
                )
            }),
        };
        match query.sort {
            WorkloadSort::Load => rows.sort_by(|x, y| {
                let key = |r: &WorkloadRow| r.now.utilization.unwrap_or(f64::INFINITY);
                key(y).total_cmp(&key(x)).then_with(|| by_name(x, y))
            }),
            WorkloadSort::Name => rows.sort_by(by_name),
        }
        WorkloadPage {
            from: a.from,
            to: a.to,
            rows: window.page(rows, self.counter),
            totals,
            planned: plan.is_some(),
            stale: plan.is_some_and(|h| h.counter != self.counter),
        }
    }
}

fn by_name(x: &WorkloadRow, y: &WorkloadRow) -> std::cmp::Ordering {
    x.name
        .to_lowercase()
        .cmp(&y.name.to_lowercase())
        .then_with(|| x.rep.cmp(&y.rep))
}

fn figures(load: i64, utilization: Option<f64>, at_risk: u32) -> LoadFigures {
    LoadFigures {
        load_minutes: load,
        utilization,
        band: LoadBand::of(utilization),
        at_risk,
    }
}

fn count(flags: impl Iterator<Item = bool>) -> u32 {
    u32::try_from(flags.filter(|&f| f).count()).unwrap_or(u32::MAX)
}

impl HeldBalance {
    /// The held plan's changes of one kind, in due-date order, one page.
    pub fn changes(&self, filter: ChangeFilter, window: Window) -> Page<BalanceChange> {
        let rows: Vec<BalanceChange> = self
            .plan
            .changes
            .iter()
            .filter(|c| match filter {
                ChangeFilter::Proposed => c.held_back.is_none(),
                ChangeFilter::HeldBack => c.held_back.is_some(),
            })
            .cloned()
            .collect();
        window.page(rows, self.counter)
    }

    /// The proposed changes whose tasks are in `tasks` (what the lead
    /// accepted), as moves to apply; held-back changes are never among them.
    pub fn accepted(&self, tasks: &[String], all_but: bool) -> Vec<balance::AcceptedMove> {
        let chosen: HashSet<&str> = tasks.iter().map(String::as_str).collect();
        self.plan
            .changes
            .iter()
            .filter(|c| c.held_back.is_none() && chosen.contains(c.task.as_str()) != all_but)
            .map(|c| balance::AcceptedMove {
                task: c.task.clone(),
                rep: c.to.clone(),
            })
            .collect()
    }

    /// What the screen shows of the plan at once; `notice` says how it
    /// differs from what the last plan left after Apply.
    pub fn summary(&self, notice: Option<String>) -> BalanceSummary {
        let proposed = count(self.plan.changes.iter().map(|c| c.held_back.is_none()));
        BalanceSummary {
            from: self.plan.answer.from,
            to: self.plan.answer.to,
            counter: self.counter,
            before: self.plan.answer.before,
            after: self.plan.objective,
            bounds: self.plan.answer.bounds,
            proposed,
            held_back: count(self.plan.changes.iter().map(|c| c.held_back.is_some())),
            changes: self.changes(
                ChangeFilter::Proposed,
                Window {
                    offset: 0,
                    limit: SUMMARY_ROWS,
                },
            ),
            unassignable: self
                .unassignable
                .iter()
                .take(SUMMARY_ROWS as usize)
                .cloned()
                .collect(),
            unassignable_total: u32::try_from(self.unassignable.len()).unwrap_or(u32::MAX),
            notice,
        }
    }
}

/// How `new`'s proposals differ from what `old` still proposed once the
/// changes of `applied` (task ids) were made, in words; `None` when they
/// are the same.
pub fn replan_notice(old: &HeldBalance, applied: &[String], new: &HeldBalance) -> Option<String> {
    let done: HashSet<&str> = applied.iter().map(String::as_str).collect();
    let proposals = |h: &HeldBalance| -> HashMap<String, (String, String)> {
        h.plan
            .changes
            .iter()
            .filter(|c| c.held_back.is_none() && !done.contains(c.task.as_str()))
            .map(|c| (c.task.clone(), (c.to.clone(), c.title.clone())))
            .collect()
    };
    let (was, now) = (proposals(old), proposals(new));
    let mut added: Vec<&BalanceChange> = Vec::new();
    let mut retargeted: Vec<&BalanceChange> = Vec::new();
    for c in new.plan.changes.iter().filter(|c| c.held_back.is_none()) {
        match was.get(&c.task) {
            None => added.push(c),
            Some((to, _)) if *to != c.to => retargeted.push(c),
            Some(_) => {}
        }
    }
    // One change per task: two titles alike are two tasks, both named.
    let dropped: Vec<&str> = old
        .plan
        .changes
        .iter()
        .filter(|c| was.contains_key(&c.task) && !now.contains_key(&c.task))
        .map(|c| c.title.as_str())
        .collect();
    if added.is_empty() && retargeted.is_empty() && dropped.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if !added.is_empty() {
        let titles: Vec<&str> = added.iter().map(|c| c.title.as_str()).collect();
        parts.push(crate::tr!(
            "api-replan-added",
            count = added.len(),
            tasks = listed(&titles)
        ));
    }
    if !dropped.is_empty() {
        parts.push(crate::tr!(
            "api-replan-dropped",
            count = dropped.len(),
            tasks = listed(&dropped)
        ));
    }
    if !retargeted.is_empty() {
        let what: Vec<String> = retargeted
            .iter()
            .map(|c| {
                crate::tr!(
                    "api-replan-now-to",
                    task = c.title.as_str(),
                    rep = c.to_name.as_str()
                )
            })
            .collect();
        let what: Vec<&str> = what.iter().map(String::as_str).collect();
        parts.push(crate::tr!(
            "api-replan-retargeted",
            count = retargeted.len(),
            tasks = listed(&what)
        ));
    }
    Some(crate::tr!("api-replan-notice", changes = parts.join("; ")))
}

/// `a, b, c and 4 more`.
fn listed(items: &[&str]) -> String {
    const SHOWN: usize = 3;
    let head = items
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > SHOWN {
        crate::tr!("api-and-more", head = head, count = items.len() - SHOWN)
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_language, Lang};

    #[test]
    fn long_lists_and_the_replan_notice_read_in_german() {
        let titles = ["A", "B", "C", "D", "E"];
        assert_eq!(listed(&titles), "A, B, C and 2 more");
        assert_eq!(
            with_language(Lang::De, || listed(&titles)),
            "A, B, C und 2 weitere"
        );
        let parts = with_language(Lang::De, || {
            [
                crate::tr!("api-replan-added", count = 1, tasks = "A"),
                crate::tr!("api-replan-retargeted", count = 2, tasks = "B, C"),
            ]
        });
        assert_eq!(
            parts,
            [
                "ein neuer Vorschlag (A)",
                "2 gehen an eine andere Person (B, C)"
            ]
        );
        assert_eq!(
            crate::tr!("api-replan-added", count = 1, tasks = "A"),
            "1 new proposal (A)"
        );
    }
}
