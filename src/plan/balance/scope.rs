//! The tasks of a balance window (contract §4): which are in scope, who may
//! take each (skills, pins, working time before the due date) as groups of
//! reps, and which no rep can take, with the reason.

use std::collections::HashMap;

use crate::model::{BalanceRequest, Scenario};
use crate::plan::balance::answer::Unassignable;
use crate::plan::balance::capacity::{WindowCapacity, MAX_MINUTES};
use crate::plan::balance::explain;
use crate::plan::balance::problem::{Group, Job, Problem};
use crate::plan::PlanError;
use crate::tz;

/// The tasks in scope with their eligibility, and those no rep can take.
pub(super) struct Scope<'a> {
    /// In-scope assignable tasks in (due, id) order.
    pub(super) tasks: Vec<&'a crate::model::Task>,
    pub(super) jobs: Vec<Job>,
    groups: Vec<Group>,
    pub(super) unassignable: Vec<Unassignable>,
}

impl<'a> Scope<'a> {
    pub(super) fn new(
        sc: &'a Scenario,
        req: &BalanceRequest,
        cap: &WindowCapacity,
    ) -> Result<Scope<'a>, PlanError> {
        let n_days = cap.dates.len();
        let i0 = tz::day_index(req.from);
        let rep_ix: HashMap<&str, usize> = sc
            .reps
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let first_day: Vec<usize> = cap.daily.iter().map(|d| first_positive(d)).collect();
        let mut in_scope: Vec<(usize, &crate::model::Task)> = sc
            .tasks
            .iter()
            .filter_map(|t| {
                let due = t.due.unwrap_or(req.to);
                (req.from <= due && due <= req.to)
                    .then(|| (usize::try_from(tz::day_index(due) - i0).unwrap_or(0), t))
            })
            .collect();
        in_scope.sort_by(|a, b| (a.0, &a.1.id).cmp(&(b.0, &b.1.id)));
        // Reps by skill, so a group's members come from its rarest skill.
        let mut with_skill: HashMap<&str, Vec<usize>> = HashMap::new();
        for (r, rep) in sc.reps.iter().enumerate() {
            for s in &rep.skills {
                let list = with_skill.entry(s.as_str()).or_default();
                if list.last() != Some(&r) {
                    list.push(r);
                }
            }
        }
        let everyone: Vec<usize> = (0..sc.reps.len()).collect();
        let mut groups: Vec<Group> = Vec::new();
        let mut group_of_skills: HashMap<Vec<&str>, usize> = HashMap::new();
        let mut group_of_pin: HashMap<usize, usize> = HashMap::new();
        let mut out = Scope {
            tasks: Vec::new(),
            jobs: Vec::new(),
            groups: Vec::new(),
            unassignable: Vec::new(),
        };
        for (due, t) in in_scope {
            let home = match &t.assignee {
                Some(a) => Some(
                    *rep_ix
                        .get(a.as_str())
                        .ok_or_else(|| PlanError::UnknownRep(a.clone()))?,
                ),
                None => None,
            };
            let minutes = t.hours.minutes().clamp(0, MAX_MINUTES);
            let (group, n_eligible) = match (t.pinned, home) {
                // The pin wins over skills and capacity (contract §7.11).
                (true, Some(h)) => {
                    let g = *group_of_pin.entry(h).or_insert_with(|| {
                        groups.push(Group::pinned(h));
                        groups.len() - 1
                    });
                    (g, 1)
                }
                _ => {
                    let mut need: Vec<&str> =
                        t.skills_required.iter().map(String::as_str).collect();
                    need.sort_unstable();
                    need.dedup();
                    let g = match group_of_skills.get(&need) {
                        Some(&g) => g,
                        None => {
                            let members = members_with(&need, &with_skill, &everyone);
                            groups.push(Group::skilled(members, &first_day, sc.reps.len()));
                            group_of_skills.insert(need.clone(), groups.len() - 1);
                            groups.len() - 1
                        }
                    };
                    let n = groups[g].members.partition_point(|&r| first_day[r] <= due);
                    if n == 0 {
                        out.unassignable.push(Unassignable {
                            task: t.id.clone(),
                            reason: explain::unassignable_reason(
                                sc,
                                &need,
                                &groups[g].members,
                                cap.dates[due],
                            ),
                        });
                        continue;
                    }
                    (g, n)
                }
            };
            out.tasks.push(t);
            out.jobs.push(Job {
                minutes,
                due,
                home,
                pinned: t.pinned && home.is_some(),
                group,
                n_eligible,
            });
        }
        debug_assert!(n_days > 0);
        out.groups = groups;
        Ok(out)
    }

    pub(super) fn problem(&self, cap: &WindowCapacity) -> Problem {
        Problem::new(&cap.daily, self.jobs.clone(), self.groups.clone())
    }
}

/// Reps (ascending) having every skill of `need`: the rarest skill's reps,
/// kept when they appear in every other skill's list.
fn members_with(
    need: &[&str],
    with_skill: &HashMap<&str, Vec<usize>>,
    everyone: &[usize],
) -> Vec<usize> {
    let mut lists: Vec<&[usize]> = Vec::with_capacity(need.len());
    for s in need {
        match with_skill.get(s) {
            Some(l) => lists.push(l),
            None => return Vec::new(),
        }
    }
    lists.sort_by_key(|l| l.len());
    let Some((first, rest)) = lists.split_first() else {
        return everyone.to_vec();
    };
    first
        .iter()
        .copied()
        .filter(|r| rest.iter().all(|l| l.binary_search(r).is_ok()))
        .collect()
}

/// The first window day with capacity so far `> 0` (`len` when none).
fn first_positive(daily: &[i64]) -> usize {
    daily.iter().position(|&m| m > 0).unwrap_or(daily.len())
}
