//! Human-readable reasons of a balance plan, in names (reps' names, never
//! ids): why a task changes hands, stated as that change's own effect
//! ("moves 8 h from Freya Berg (120% → 100%) to Kai Tanaka (40% → 60%); at
//! risk with Freya Berg; due Thu 3 Dec, Kai Tanaka has 9 h free before
//! then"), why no rep can take a task ("no rep has skills: german"), and why
//! the app holds a change back (the task is already past due).
//!
//! A change's figures are those of making that one change to the tasks as
//! they stand, so each reason reads true on its own, whichever others the
//! lead accepts.

use chrono::NaiveDate;

use crate::model::{Scenario, Task};
use crate::plan::balance::capacity::WindowCapacity;
use crate::plan::balance::evaluate::Evaluation;
use crate::plan::balance::problem::{Problem, Ratio};
use crate::tr;

/// Per rep, the current tasks in (due, id) order with running minutes, to
/// answer "how much is due by then" by binary search.
pub(crate) struct Explainer<'a> {
    sc: &'a Scenario,
    tasks: &'a [&'a Task],
    p: &'a Problem,
    cap: &'a WindowCapacity,
    now: &'a Evaluation,
    /// (due day, running minutes) per rep as the tasks stand.
    due_runs: Vec<Vec<(usize, i64)>>,
}

impl<'a> Explainer<'a> {
    /// `now` is the evaluation of `current`, each job's current assignee.
    pub fn new(
        sc: &'a Scenario,
        tasks: &'a [&'a Task],
        p: &'a Problem,
        cap: &'a WindowCapacity,
        now: &'a Evaluation,
        current: &[Option<usize>],
    ) -> Explainer<'a> {
        let mut due_runs: Vec<Vec<(usize, i64)>> = vec![Vec::new(); p.cap.len()];
        for (j, r) in current.iter().enumerate() {
            let Some(r) = *r else { continue };
            let run = due_runs[r].last().map_or(0, |&(_, m)| m) + p.jobs[j].minutes;
            due_runs[r].push((p.jobs[j].due, run));
        }
        Explainer {
            sc,
            tasks,
            p,
            cap,
            now,
            due_runs,
        }
    }

    /// Minutes `r` has now that are due on or before window day `d`.
    fn due_by(&self, r: usize, d: usize) -> i64 {
        let runs = &self.due_runs[r];
        let k = runs.partition_point(|&(due, _)| due <= d);
        if k == 0 {
            0
        } else {
            runs[k - 1].1
        }
    }

    /// `Kai Tanaka (40% → 60%)`: `r` now and with `delta` minutes more.
    fn effect(&self, r: usize, delta: i64) -> String {
        let load = self.now.load[r];
        format!(
            "{} ({} → {})",
            self.sc.reps[r].name,
            percent(Ratio::of(load, self.p.cap[r]).to_f64()),
            percent(Ratio::of((load + delta).max(0), self.p.cap[r]).to_f64())
        )
    }

    /// Why job `j` goes to rep `r` (it is not staying with its assignee),
    /// as the effect of that one change on the tasks as they stand.
    pub fn move_reason(&self, j: usize, r: usize) -> String {
        let p = self.p;
        let job = &p.jobs[j];
        let due_date = self.cap.dates[job.due];
        let to = &self.sc.reps[r].name;
        let amount = hours(job.minutes);
        let mut parts = Vec::new();
        match job.home {
            None => parts.push(tr!(
                "plan-balance-gives",
                amount = amount.as_str(),
                to = self.effect(r, job.minutes)
            )),
            Some(h) => {
                parts.push(tr!(
                    "plan-balance-moves",
                    amount = amount.as_str(),
                    from = self.effect(h, -job.minutes),
                    to = self.effect(r, job.minutes)
                ));
                let home = self.sc.reps[h].name.as_str();
                let lacking = self.missing_skills(j, h);
                if !lacking.is_empty() {
                    parts.push(tr!(
                        "plan-balance-lacks-skills",
                        name = home,
                        skills = lacking.join(", ")
                    ));
                } else if p.cum(h, job.due) == 0 {
                    parts.push(tr!(
                        "plan-balance-no-time-by",
                        name = home,
                        due = day(due_date)
                    ));
                } else if self.now.at_risk_jobs[j] {
                    parts.push(tr!("plan-balance-at-risk-with", name = home));
                }
            }
        }
        // What the new rep has free before the due date, before taking it.
        let free = (p.cum(r, job.due) - self.due_by(r, job.due)).max(0);
        if free < job.minutes {
            parts.push(tr!(
                "plan-balance-due-short",
                due = day(due_date),
                name = to.as_str(),
                free = hours(free)
            ));
        } else {
            parts.push(tr!(
                "plan-balance-due-free",
                due = day(due_date),
                name = to.as_str(),
                free = hours(free)
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
            tr!("plan-balance-nobody-all-skills", skills = need.join(", "))
        } else {
            tr!("plan-balance-nobody-skills", skills = nobody.join(", "))
        };
    }
    let names: Vec<&str> = skilled
        .iter()
        .take(3)
        .map(|&r| sc.reps[r].name.as_str())
        .collect();
    let more = if skilled.len() > 3 { ", …" } else { "" };
    if need.is_empty() {
        tr!("plan-balance-nobody-time", due = day(due))
    } else {
        tr!(
            "plan-balance-nobody-skilled-time",
            skills = need.join(", "),
            due = day(due),
            names = format!("{}{more}", names.join(", "))
        )
    }
}

/// Why the app does not propose moving a task due `due` on `today`.
pub(crate) fn past_due(due: NaiveDate, today: NaiveDate) -> String {
    tr!(
        "plan-balance-past-due",
        due = day(due),
        days = (today - due).num_days()
    )
}

/// `81%`, `∞`.
pub(crate) fn percent(u: Option<f64>) -> String {
    match u {
        Some(u) => tr!(
            "plan-balance-percent",
            percent = format!("{:.0}", u * 100.0)
        ),
        None => "∞".to_string(),
    }
}

/// `9 h`, `9.5 h`, `45 min`.
pub(crate) fn hours(minutes: i64) -> String {
    if minutes.abs() < 60 {
        return tr!("plan-balance-minutes", minutes = minutes);
    }
    let tenths = (minutes * 10 + 30).div_euclid(60);
    let hours = if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        let sep = crate::i18n::language().decimal_separator();
        format!("{}{sep}{}", tenths / 10, tenths % 10)
    };
    tr!("plan-balance-hours", hours = hours)
}

/// `Thu 3 Dec`.
pub(crate) fn day(d: NaiveDate) -> String {
    crate::i18n::date(d)
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

    #[test]
    fn figures_and_reasons_read_naturally_in_german() {
        use crate::i18n::{with_language, Lang};
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).expect("date");
        with_language(Lang::De, || {
            assert_eq!(hours(570), "9,5 h");
            assert_eq!(hours(45), "45 Min.");
            assert_eq!(percent(Some(1.3)), "130 %");
            assert_eq!(
                past_due(d, NaiveDate::from_ymd_opt(2026, 12, 4).expect("date")),
                "Nicht angeboten: bereits überfällig (Do., 3. Dez., seit 1 Tag); weisen Sie die Aufgabe von Hand neu zu, falls sie noch erledigt werden muss"
            );
        });
        assert_eq!(
            past_due(d, NaiveDate::from_ymd_opt(2026, 12, 4).expect("date")),
            "not proposed: already past due (Thu 3 Dec, 1 day ago); reassign it by hand if it still needs doing"
        );
    }
}
