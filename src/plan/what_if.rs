//! A policy what-if on the team document, sans-IO: the changes applied to a
//! copy of the team ([`try_changes`], or [`apply_changes`] on any part of
//! it), and two plans of the same weeks compared ([`compare`]): desk use per
//! office-day and, per rep whose days change, what changes for them.
//!
//! Invariant: the stored team is never touched here; the copy is checked by
//! the document's rules ([`crate::io::scenario::validate`]) after what the
//! changes rule out (in-office locks and accepted days rule 1 now forbids)
//! is dropped and listed.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::Problem;
use crate::io::scenario;
use crate::io::what_if::PolicyChanges;
use crate::model::{Lock, Office, Rep, Scenario, Weekday};
use crate::plan::rotation::RotationAnswer;
use crate::rules::{office_open, rotation_days, rule1_blocks_at};

/// The team with the changes made, and what they ruled out.
#[derive(Debug, Clone)]
pub struct Applied {
    pub scenario: Scenario,
    /// In-office locks rule 1 forbids after the changes (a rep moved to an
    /// office closed that day): left out of the tried plan, and dropped by
    /// Adopt as an edit of that rep or office drops them.
    pub dropped_locks: Vec<Lock>,
    /// Accepted office days the changes rule out (another office, a day
    /// the office no longer opens).
    pub dropped_office_days: u32,
    /// What the lead should know about the result (reps whose own office
    /// days per week outrank a changed policy).
    pub notes: Vec<String>,
}

/// Makes `changes` on `sc` in place: the policy, then offices (desks, open
/// days), then teams (anchor days, every rep's home office), then reps
/// (preferred days, home office: a rep's own change wins over their team's).
/// `sc` may hold only part of the team, as long as it holds every item the
/// changes name (the adopting write reads just those).
///
/// # Errors
/// Every id `sc` does not hold, with its path in the changes file
/// (`teams[0].office`).
pub fn apply_changes(sc: &mut Scenario, changes: &PolicyChanges) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let offices: HashSet<String> = sc.offices.iter().map(|o| o.id.clone()).collect();
    let office_ref = |path: String, id: &str, problems: &mut Vec<Problem>| {
        let known = offices.contains(id);
        if !known {
            problems.push(Problem {
                path,
                message: crate::tr!("plan-whatif-unknown-office", id = format!("{id:?}")),
            });
        }
        known
    };
    if let Some(p) = changes.policy {
        sc.policy = p;
    }
    // Each list is looked up by id through a map built once: a changes
    // file of 10,000 teams against 50,000 reps stays linear.
    let office_at: HashMap<String, usize> = sc
        .offices
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.clone(), i))
        .collect();
    let team_at: HashMap<String, usize> = sc
        .teams
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    let mut members: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in sc.reps.iter().enumerate() {
        if let Some(t) = &r.team {
            members.entry(t.as_str()).or_default().push(i);
        }
    }
    let mut new_office: Vec<(usize, String)> = Vec::new();
    for (i, c) in changes.offices.iter().enumerate() {
        let Some(o) = office_at.get(&c.id).map(|&at| &mut sc.offices[at]) else {
            office_ref(format!("offices[{i}].id"), &c.id, &mut problems);
            continue;
        };
        if let Some(d) = c.desks {
            o.desks = d;
        }
        if let Some(days) = &c.open_days {
            o.open_days.clone_from(days);
        }
    }
    for (i, c) in changes.teams.iter().enumerate() {
        let Some(t) = team_at.get(&c.id).map(|&at| &mut sc.teams[at]) else {
            problems.push(Problem {
                path: format!("teams[{i}].id"),
                message: crate::tr!("plan-whatif-unknown-team", id = format!("{:?}", c.id)),
            });
            continue;
        };
        if let Some(days) = &c.anchor_days {
            t.anchor_days.clone_from(days);
        }
        if let Some(office) = &c.office {
            if office_ref(format!("teams[{i}].office"), office, &mut problems) {
                for &r in members.get(c.id.as_str()).into_iter().flatten() {
                    new_office.push((r, office.clone()));
                }
            }
        }
    }
    drop(members);
    for (r, office) in new_office {
        sc.reps[r].office = Some(office);
    }
    let index: HashMap<String, usize> = sc
        .reps
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    for (i, c) in changes.reps.iter().enumerate() {
        let Some(&at) = index.get(&c.id) else {
            problems.push(Problem {
                path: format!("reps[{i}].id"),
                message: crate::tr!("plan-whatif-unknown-rep", id = format!("{:?}", c.id)),
            });
            continue;
        };
        let rep = &mut sc.reps[at];
        if let Some(days) = &c.preferred_office_days {
            rep.preferred_office_days.clone_from(days);
        }
        if let Some(office) = &c.office {
            if office_ref(format!("reps[{i}].office"), office, &mut problems) {
                rep.office = Some(office.clone());
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The stored team `sc` with `changes` made (see [`apply_changes`]), what
/// they rule out dropped, checked by the document's rules.
///
/// # Errors
/// Unknown ids (paths in the changes file), or a rule the changed team
/// breaks (paths in the team document, said to be after the changes).
pub fn try_changes(sc: &Scenario, changes: &PolicyChanges) -> Result<Applied, Vec<Problem>> {
    let mut tried = sc.clone();
    apply_changes(&mut tried, changes)?;
    let locks_before: Vec<Lock> = tried
        .requests
        .rotation
        .as_ref()
        .map(|r| r.locks.clone())
        .unwrap_or_default();
    let days_before = tried.office_days.len();
    tried.prune_dependents();
    let kept: HashSet<(&str, NaiveDate)> = tried
        .requests
        .rotation
        .as_ref()
        .map(|r| r.locks.iter().map(|l| (l.rep.as_str(), l.date)).collect())
        .unwrap_or_default();
    let dropped_locks: Vec<Lock> = locks_before
        .into_iter()
        .filter(|l| !kept.contains(&(l.rep.as_str(), l.date)))
        .collect();
    let dropped_office_days =
        u32::try_from(days_before - tried.office_days.len()).unwrap_or(u32::MAX);
    scenario::validate(&tried).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| Problem {
                path: String::new(),
                message: crate::tr!(
                    "plan-whatif-after-changes",
                    path = p.path.as_str(),
                    message = p.message.as_str()
                ),
            })
            .collect::<Vec<_>>()
    })?;
    let mut notes = Vec::new();
    if changes.policy.is_some_and(|p| p != sc.policy) {
        let own: Vec<&Rep> = tried
            .reps
            .iter()
            .filter(|r| r.office.is_some() && r.office_days_per_week.is_some())
            .collect();
        if !own.is_empty() {
            let names: Vec<&str> = own.iter().take(5).map(|r| r.name.as_str()).collect();
            let names = names.join(", ");
            notes.push(if own.len() > 5 {
                crate::tr!(
                    "plan-whatif-own-days-more",
                    count = own.len(),
                    names = names,
                    more = own.len() - 5
                )
            } else {
                crate::tr!("plan-whatif-own-days", count = own.len(), names = names)
            });
        }
    }
    if !dropped_locks.is_empty() {
        notes.push(crate::tr!(
            "plan-whatif-dropped-locks",
            count = dropped_locks.len()
        ));
    }
    if dropped_office_days > 0 {
        notes.push(crate::tr!(
            "plan-whatif-dropped-office-days",
            count = dropped_office_days
        ));
    }
    Ok(Applied {
        scenario: tried,
        dropped_locks,
        dropped_office_days,
        notes,
    })
}

/// Desk use per office-day in two plans of the same weeks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeskComparison {
    /// The days some office opens on, before or after the changes.
    pub dates: Vec<NaiveDate>,
    /// Offices by name.
    pub offices: Vec<OfficeDesks>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OfficeDesks {
    pub office: String,
    pub name: String,
    pub desks_before: u32,
    pub desks_after: u32,
    /// One per date of [`DeskComparison::dates`].
    pub days: Vec<DeskPair>,
}

/// Reps in on one office-day; `None` where the office is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeskPair {
    pub before: Option<u32>,
    pub after: Option<u32>,
}

/// What changes for one rep whose days change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RepDiff {
    pub rep: String,
    pub name: String,
    pub team: Option<String>,
    pub office_before: Option<String>,
    pub office_after: Option<String>,
    /// In after the changes, not before.
    pub gained: Vec<NaiveDate>,
    /// In before the changes, not after.
    pub lost: Vec<NaiveDate>,
    /// In both, at another office.
    pub moved: Vec<NaiveDate>,
    /// The team's anchor days rule 1 leaves open to the rep, not spent in.
    pub anchor_missed_before: u32,
    pub anchor_missed_after: u32,
    /// Co-presence pairs the rep is in: per day in, the teammates in at
    /// the same office, summed.
    pub together_before: u32,
    pub together_after: u32,
}

/// Desk use per office-day of the weeks of `before` (the current team
/// `cur` planned) and `after` (the changed team `tried` planned).
pub fn desk_use(
    cur: &Scenario,
    tried: &Scenario,
    before: &RotationAnswer,
    after: &RotationAnswer,
) -> DeskComparison {
    let (first, last) = rotation_days(before.from, before.weeks.max(1));
    let (ub, ua) = (used(before), used(after));
    let find = |sc: &'_ Scenario, id: &str| sc.offices.iter().find(|o| o.id == id).cloned();
    let mut offices: Vec<(Option<Office>, Option<Office>)> = tried
        .offices
        .iter()
        .map(|o| (find(cur, &o.id), Some(o.clone())))
        .collect();
    offices.sort_by(|a, b| {
        let key = |x: &(Option<Office>, Option<Office>)| {
            x.1.as_ref()
                .map(|o| (o.name.to_lowercase(), o.id.clone()))
                .unwrap_or_default()
        };
        key(a).cmp(&key(b))
    });
    let days: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= last).collect();
    let open = |o: &Option<Office>, d: NaiveDate| o.as_ref().is_some_and(|o| office_open(o, d));
    let dates: Vec<NaiveDate> = days
        .into_iter()
        .filter(|&d| offices.iter().any(|(b, a)| open(b, d) || open(a, d)))
        .collect();
    let rows = offices
        .iter()
        .filter_map(|(b, a)| {
            let id = a.as_ref()?.id.as_str();
            Some(OfficeDesks {
                office: id.to_string(),
                name: a.as_ref().map_or_else(String::new, |o| o.name.clone()),
                desks_before: b.as_ref().map_or(0, |o| o.desks),
                desks_after: a.as_ref().map_or(0, |o| o.desks),
                days: dates
                    .iter()
                    .map(|&d| DeskPair {
                        before: open(b, d).then(|| ub.get(&(id, d)).copied().unwrap_or(0)),
                        after: open(a, d).then(|| ua.get(&(id, d)).copied().unwrap_or(0)),
                    })
                    .collect(),
            })
        })
        .collect();
    DeskComparison {
        dates,
        offices: rows,
    }
}

/// The reps whose days differ between `before` (of `cur`) and `after` (of
/// `tried`) — a day in or out, or the same day at another office — and
/// what changes for each, by name. `None` unless both plans are feasible
/// (an infeasible plan has no days to compare).
pub fn rep_diff(
    cur: &Scenario,
    tried: &Scenario,
    before: &RotationAnswer,
    after: &RotationAnswer,
) -> Option<Vec<RepDiff>> {
    if before.infeasible_reason.is_some() || after.infeasible_reason.is_some() {
        return None;
    }
    let (db, da) = (days_of(before), days_of(after));
    let empty = BTreeSet::new();
    let (fb, fa) = (Facts::new(cur, before), Facts::new(tried, after));
    let cur_reps: HashMap<&str, &Rep> = cur.reps.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut out: Vec<RepDiff> = tried
        .reps
        .iter()
        .filter_map(|rep| {
            let b = db.get(rep.id.as_str()).unwrap_or(&empty);
            let a = da.get(rep.id.as_str()).unwrap_or(&empty);
            if a == b {
                return None;
            }
            let dates = |s: &BTreeSet<(NaiveDate, &str)>| -> HashMap<NaiveDate, String> {
                s.iter().map(|(d, o)| (*d, (*o).to_string())).collect()
            };
            let (bd, ad) = (dates(b), dates(a));
            let mut gained: Vec<NaiveDate> =
                ad.keys().filter(|d| !bd.contains_key(d)).copied().collect();
            let mut lost: Vec<NaiveDate> =
                bd.keys().filter(|d| !ad.contains_key(d)).copied().collect();
            let mut moved: Vec<NaiveDate> = ad
                .iter()
                .filter(|(d, o)| bd.get(d).is_some_and(|x| x != *o))
                .map(|(d, _)| *d)
                .collect();
            gained.sort_unstable();
            lost.sort_unstable();
            moved.sort_unstable();
            let old = cur_reps.get(rep.id.as_str()).copied().unwrap_or(rep);
            Some(RepDiff {
                rep: rep.id.clone(),
                name: rep.name.clone(),
                team: rep.team.clone(),
                office_before: old.office.clone(),
                office_after: rep.office.clone(),
                gained,
                lost,
                moved,
                anchor_missed_before: fb.anchor_missed(old),
                anchor_missed_after: fa.anchor_missed(rep),
                together_before: fb.together(old, b),
                together_after: fa.together(rep, a),
            })
        })
        .collect();
    out.sort_by(|x, y| {
        x.name
            .to_lowercase()
            .cmp(&y.name.to_lowercase())
            .then_with(|| x.rep.cmp(&y.rep))
    });
    Some(out)
}

/// Reps in per office and date.
fn used(plan: &RotationAnswer) -> HashMap<(&str, NaiveDate), u32> {
    let mut m = HashMap::new();
    for a in &plan.assignments {
        *m.entry((a.office.as_str(), a.date)).or_insert(0) += 1;
    }
    m
}

/// Each rep's days in, with the office.
fn days_of(plan: &RotationAnswer) -> HashMap<&str, BTreeSet<(NaiveDate, &str)>> {
    let mut m: HashMap<&str, BTreeSet<(NaiveDate, &str)>> = HashMap::new();
    for a in &plan.assignments {
        m.entry(a.rep.as_str())
            .or_default()
            .insert((a.date, a.office.as_str()));
    }
    m
}

/// One side of the comparison: a team and its plan, indexed.
struct Facts<'a> {
    offices: HashMap<&'a str, &'a Office>,
    anchors: HashMap<&'a str, &'a [Weekday]>,
    /// Reps in per (team, office, date).
    groups: HashMap<(&'a str, &'a str, NaiveDate), u32>,
    in_days: HashSet<(&'a str, NaiveDate)>,
    first: NaiveDate,
    last: NaiveDate,
}

impl<'a> Facts<'a> {
    fn new(sc: &'a Scenario, plan: &'a RotationAnswer) -> Facts<'a> {
        let teams: HashMap<&str, &str> = sc
            .reps
            .iter()
            .filter_map(|r| Some((r.id.as_str(), r.team.as_deref()?)))
            .collect();
        let mut groups = HashMap::new();
        let mut in_days = HashSet::new();
        for a in &plan.assignments {
            in_days.insert((a.rep.as_str(), a.date));
            if let Some(team) = teams.get(a.rep.as_str()) {
                *groups
                    .entry((*team, a.office.as_str(), a.date))
                    .or_insert(0) += 1;
            }
        }
        let (first, last) = rotation_days(plan.from, plan.weeks.max(1));
        Facts {
            offices: sc.offices.iter().map(|o| (o.id.as_str(), o)).collect(),
            anchors: sc
                .teams
                .iter()
                .map(|t| (t.id.as_str(), t.anchor_days.as_slice()))
                .collect(),
            groups,
            in_days,
            first,
            last,
        }
    }

    /// The rep's team's anchor days in the weeks that rule 1 leaves open
    /// to them and they are not in on.
    fn anchor_missed(&self, rep: &Rep) -> u32 {
        let Some(anchors) = rep.team.as_deref().and_then(|t| self.anchors.get(t)) else {
            return 0;
        };
        let mut missed = 0;
        let mut d = self.first;
        while d <= self.last {
            if anchors.contains(&Weekday::of(d)) {
                let at = rep.office_on(d).and_then(|o| self.offices.get(o).copied());
                if at.is_some()
                    && rule1_blocks_at(rep, at, d).is_none()
                    && !self.in_days.contains(&(rep.id.as_str(), d))
                {
                    missed += 1;
                }
            }
            d += Duration::days(1);
        }
        missed
    }

    /// Teammates in with the rep, summed over the rep's days in.
    fn together(&self, rep: &Rep, days: &BTreeSet<(NaiveDate, &str)>) -> u32 {
        let Some(team) = rep.team.as_deref() else {
            return 0;
        };
        days.iter()
            .map(|(d, o)| {
                self.groups
                    .get(&(team, *o, *d))
                    .copied()
                    .unwrap_or(1)
                    .saturating_sub(1)
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_language, Lang};
    use crate::io::what_if::OfficeChange;

    #[test]
    fn changes_naming_an_unknown_office_say_so_in_german() {
        let changes = PolicyChanges {
            from: None,
            weeks: None,
            policy: None,
            offices: vec![OfficeChange {
                id: "zed".into(),
                desks: None,
                open_days: None,
            }],
            teams: Vec::new(),
            reps: Vec::new(),
        };
        let messages = |lang| {
            with_language(lang, || {
                let mut sc = Scenario::default();
                apply_changes(&mut sc, &changes)
                    .err()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            messages(Lang::En),
            ["offices[0].id: unknown office \"zed\""]
        );
        assert_eq!(
            messages(Lang::De),
            ["offices[0].id: Unbekanntes Büro \"zed\""]
        );
    }
}
