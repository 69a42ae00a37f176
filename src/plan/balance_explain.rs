//! Human-readable reasons of a balance plan: why a task changes hands
//! ("ana 130% → 96%, bo 60% → 81%; due Thu 3 Dec, bo has 9 h free before
//! then") and why no rep can take a task ("no rep has skills: german").
//!
//! Reasons are built from the contract's figures of the plan before and
//! after, so they always agree with the numbers printed beside them.

use chrono::NaiveDate;

use crate::model::{Scenario, Task};
use crate::plan::balance::{Evaluation, WindowCapacity};
use crate::plan::balance_solve::Problem;

/// Per rep, the plan's tasks in (due, id) order with running minutes, to
/// answer "how much is due by then" by binary search.
pub(crate) struct Explainer<'a> {
    sc: &'a Scenario,
    tasks: &'a [&'a Task],
    p: &'a Problem,
    cap: &'a WindowCapacity,
    before: &'a Evaluation,
    after: &'a Evaluation,
    /// (due day, running minutes) per rep in the plan.
    due_runs: Vec<Vec<(usize, i64)>>,
}

impl<'a> Explainer<'a> {
    pub fn new(
        sc: &'a Scenario,
        tasks: &'a [&'a Task],
        p: &'a Problem,
        cap: &'a WindowCapacity,
        before: &'a Evaluation,
        after: &'a Evaluation,
        plan: &[usize],
    ) -> Explainer<'a> {
        let mut due_runs: Vec<Vec<(usize, i64)>> = vec![Vec::new(); p.cap.len()];
        for (j, &r) in plan.iter().enumerate() {
            let run = due_runs[r].last().map_or(0, |&(_, m)| m) + p.jobs[j].minutes;
            due_runs[r].push((p.jobs[j].due, run));
        }
        Explainer {
            sc,
            tasks,
            p,
            cap,
            before,
            after,
            due_runs,
        }
    }

    /// Minutes of `r`'s plan due on or before window day `d`.
    fn due_by(&self, r: usize, d: usize) -> i64 {
        let runs = &self.due_runs[r];
        let k = runs.partition_point(|&(due, _)| due <= d);
        if k == 0 {
            0
        } else {
            runs[k - 1].1
        }
    }

    fn change(&self, r: usize) -> String {
        format!(
            "{} {} → {}",
            self.sc.reps[r].id,
            percent(self.before.utilization(self.p, r)),
            percent(self.after.utilization(self.p, r))
        )
    }

    /// Why job `j` goes to rep `r` (it is not staying with its assignee).
    pub fn move_reason(&self, j: usize, r: usize) -> String {
        let p = self.p;
        let job = &p.jobs[j];
        let due_date = self.cap.dates[job.due];
        let mut parts = Vec::new();
        match job.home {
            None => parts.push(format!("unassigned; {}", self.change(r))),
            Some(h) => {
                let home = &self.sc.reps[h];
                let lacking = self.missing_skills(j, h);
                let leave = if !lacking.is_empty() {
                    format!("{} lacks skills: {}", home.id, lacking.join(", "))
                } else if p.cum(h, job.due) == 0 {
                    format!("{} has no working time by {}", home.id, day(due_date))
                } else if self.before.at_risk_jobs[j] {
                    format!("at risk with {}; {}", home.id, self.change(h))
                } else {
                    self.change(h)
                };
                parts.push(format!("{leave}, {}", self.change(r)));
            }
        }
        let free = p.cum(r, job.due) - self.due_by(r, job.due) + job.minutes;
        if self.after.at_risk_jobs[j] {
            parts.push(format!(
                "due {}, still at risk: {} has {} free before then",
                day(due_date),
                self.sc.reps[r].id,
                hours(free.max(0))
            ));
        } else {
            parts.push(format!(
                "due {}, {} has {} free before then",
                day(due_date),
                self.sc.reps[r].id,
                hours(free)
            ));
        }
        parts.join("; ")
    }

    fn missing_skills(&self, j: usize, h: usize) -> Vec<String> {
        let Some(task) = self.tasks.get(j) else {
            return Vec::new();
        };
        let have = &self.sc.reps[h].skills;
        let mut out: Vec<String> = task
            .skills_required
            .iter()
            .filter(|s| !have.contains(s))
            .cloned()
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// Why no rep may take a task needing skills `need` (sorted), due `due`,
/// when `skilled` are the reps with all of them.
pub(crate) fn unassignable_reason(
    sc: &Scenario,
    need: &[&str],
    skilled: &[usize],
    due: NaiveDate,
) -> String {
    if skilled.is_empty() {
        let nobody: Vec<&str> = need
            .iter()
            .copied()
            .filter(|s| !sc.reps.iter().any(|r| r.skills.iter().any(|x| x == s)))
            .collect();
        return if nobody.is_empty() {
            format!("no rep has all of the skills: {}", need.join(", "))
        } else {
            format!("no rep has skills: {}", nobody.join(", "))
        };
    }
    let names: Vec<&str> = skilled
        .iter()
        .take(3)
        .map(|&r| sc.reps[r].id.as_str())
        .collect();
    let more = if skilled.len() > 3 { ", …" } else { "" };
    if need.is_empty() {
        format!(
            "no rep has working time on or before its due date, {}",
            day(due)
        )
    } else {
        format!(
            "no rep with skills {} has working time on or before its due date, {} ({}{more})",
            need.join(", "),
            day(due),
            names.join(", ")
        )
    }
}

/// `81%`, `∞`.
pub(crate) fn percent(u: Option<f64>) -> String {
    match u {
        Some(u) => format!("{:.0}%", u * 100.0),
        None => "∞".to_string(),
    }
}

/// `9 h`, `9.5 h`, `45 min`.
pub(crate) fn hours(minutes: i64) -> String {
    if minutes.abs() < 60 {
        return format!("{minutes} min");
    }
    let tenths = (minutes * 10 + 30).div_euclid(60);
    if tenths % 10 == 0 {
        format!("{} h", tenths / 10)
    } else {
        format!("{}.{} h", tenths / 10, tenths % 10)
    }
}

/// `Thu 3 Dec`.
pub(crate) fn day(d: NaiveDate) -> String {
    d.format("%a %-d %b").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_a_lead_would_write_them() {
        assert_eq!(hours(540), "9 h");
        assert_eq!(hours(570), "9.5 h");
        assert_eq!(hours(45), "45 min");
        assert_eq!(percent(Some(1.3)), "130%");
        assert_eq!(percent(None), "∞");
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).expect("date");
        assert_eq!(day(d), "Thu 3 Dec");
    }
}
