//! Each rep-week of a plan in words, on demand: the days the rep is in and
//! why (locks, anchor days, teammates, preferences, in-person meetings, the
//! minimum). Nothing here runs while planning: an explanation is computed
//! from the scenario, the plan's assignments and the locks it was planned
//! with, for one rep-week ([`explain_rep_week`], what the app's board asks
//! for) or for every rep-week of a plan in the answer's order
//! ([`Explanations`], the CLI's `--explain`). Both build a rep-week with
//! the same function, so they say the same thing.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use crate::model::{Lock, Office, Rep, Scenario, Team, Weekday};
use crate::plan::rotation::answer::{iso_week, DayWhy, RepWeek, RotationAnswer};
use crate::plan::rotation::objective::{in_person_titles, rep_indexes, InPerson};
use crate::plan::PlanError;
use crate::rules::{rotation_days, rule1_blocks_at};

/// What explaining a rep-week reads besides the rep: looked up once for a
/// whole plan, or for one rep-week alone.
struct Facts<'a> {
    sc: &'a Scenario,
    offices: HashMap<&'a str, &'a Office>,
    teams: HashMap<&'a str, &'a Team>,
    locks: HashMap<(&'a str, NaiveDate), bool>,
    in_person: InPerson,
    /// Reps of a team in at an office on a date, in the plan.
    team_day: HashMap<(&'a str, &'a str, NaiveDate), i64>,
    /// Per rep index, the plan's office days in date order.
    in_days: HashMap<usize, Vec<NaiveDate>>,
}

impl<'a> Facts<'a> {
    /// The facts of `plan` for the reps `wanted` says yes to, over the
    /// dates `first..=last`; `in_person` holds their in-person meetings.
    fn new(
        sc: &'a Scenario,
        plan: &'a RotationAnswer,
        locks: &'a [Lock],
        (first, last): (NaiveDate, NaiveDate),
        in_person: InPerson,
        wanted: impl Fn(usize) -> bool,
    ) -> Facts<'a> {
        let rep_index = rep_indexes(sc);
        let mut in_days: HashMap<usize, Vec<NaiveDate>> = HashMap::new();
        let mut team_day: HashMap<(&str, &str, NaiveDate), i64> = HashMap::new();
        for a in &plan.assignments {
            if a.date < first || a.date > last {
                continue;
            }
            let Some(&i) = rep_index.get(a.rep.as_str()) else {
                continue;
            };
            if wanted(i) {
                in_days.entry(i).or_default().push(a.date);
            }
            if let Some(t) = sc.reps[i].team.as_deref() {
                *team_day.entry((t, a.office.as_str(), a.date)).or_insert(0) += 1;
            }
        }
        for dates in in_days.values_mut() {
            dates.sort_unstable();
        }
        Facts {
            sc,
            offices: sc.offices.iter().map(|o| (o.id.as_str(), o)).collect(),
            teams: sc.teams.iter().map(|t| (t.id.as_str(), t)).collect(),
            locks: locks
                .iter()
                .map(|l| ((l.rep.as_str(), l.date), l.in_office))
                .collect(),
            in_person,
            team_day,
            in_days,
        }
    }

    /// The office a rep-week is listed under when the plan covers it: the
    /// rep's home office (a plan for one office explains that office's
    /// reps only), or for a remote rep of a plan of every office, the first
    /// office they visit that week (`None` when they visit none).
    fn covered(&self, plan: &RotationAnswer, rep: &Rep, monday: NaiveDate) -> Option<&'a str> {
        match rep.office.as_deref() {
            Some(office) => {
                if plan.office.as_deref().is_some_and(|o| o != office) {
                    return None;
                }
                self.offices.get(office).map(|o| o.id.as_str())
            }
            None if plan.office.is_none() => (0..7)
                .find_map(|k| rep.trip_on(monday + Duration::days(k)))
                .and_then(|t| self.offices.get(t.office.as_str()))
                .map(|o| o.id.as_str()),
            None => None,
        }
    }

    /// Rep `r`'s week from `monday`, listed under `office`: the days the
    /// plan has them in, each day's reasons in the order a lead weighs
    /// them, and the week's bounds after rule 1 (contract §3 rule 3), which
    /// reads the office of each day (the visited one on a trip day).
    fn rep_week(&self, r: usize, office: &str, monday: NaiveDate) -> RepWeek {
        let sc = self.sc;
        let rep = &sc.reps[r];
        let team = rep.team.as_deref().and_then(|t| self.teams.get(t).copied());
        let week: Vec<NaiveDate> = (0..7).map(|k| monday + Duration::days(k)).collect();
        let bounds = rep
            .office_days_per_week
            .unwrap_or(sc.policy.office_days_per_week);
        let at = |d: NaiveDate| rep.office_on(d).and_then(|o| self.offices.get(o).copied());
        let avail = week
            .iter()
            .filter(|d| rule1_blocks_at(rep, at(**d), **d).is_none())
            .count();
        let lo = i64::from(bounds.min).min(avail as i64);
        let hi = i64::from(bounds.max);
        let sunday = week[6];
        let dates: Vec<NaiveDate> = self
            .in_days
            .get(&r)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|d| *d >= monday && *d <= sunday)
                    .collect()
            })
            .unwrap_or_default();
        let mut days = Vec::with_capacity(dates.len());
        let mut parts = Vec::with_capacity(dates.len());
        for date in dates {
            let wd = Weekday::of(date);
            let mut reasons = Vec::new();
            if let Some(visited) = rep
                .trip_on(date)
                .and_then(|t| self.offices.get(t.office.as_str()))
            {
                reasons.push(crate::tr!(
                    "plan-rotation-why-visiting",
                    office = visited.name.as_str()
                ));
            }
            if self.locks.get(&(rep.id.as_str(), date)) == Some(&true) {
                reasons.push(crate::tr!("plan-rotation-why-locked"));
            }
            if team.is_some_and(|t| t.anchor_days.contains(&wd)) {
                reasons.push(crate::tr!("plan-rotation-why-anchor"));
            }
            // Teammates in where the rep is that day.
            if let (Some(t), Some(o)) = (rep.team.as_deref(), rep.office_on(date)) {
                let mates = self.team_day.get(&(t, o, date)).copied().unwrap_or(0) - 1;
                if mates > 0 {
                    reasons.push(crate::tr!("plan-rotation-why-teammates", count = mates));
                }
            }
            if rep.preferred_office_days.contains(&wd) {
                reasons.push(crate::tr!("plan-rotation-why-preferred"));
            }
            if let Some(titles) = self.in_person.titles.get(&(r, date)) {
                for t in titles {
                    reasons.push(crate::tr!("plan-rotation-why-meeting", title = t.as_str()));
                }
            }
            if reasons.len() == usize::from(rep.trip_on(date).is_some()) {
                reasons.push(crate::tr!("plan-rotation-why-minimum", min = lo));
            }
            parts.push(format!(
                "{} ({})",
                crate::i18n::date(date),
                reasons.join(", ")
            ));
            days.push(DayWhy { date, reasons });
        }
        let summary = if parts.is_empty() {
            if hi == 0 {
                crate::tr!("plan-rotation-remote-max-zero")
            } else {
                crate::tr!("plan-rotation-remote-none-required")
            }
        } else {
            parts.join("; ")
        };
        RepWeek {
            rep: rep.id.clone(),
            office: office.to_string(),
            team: rep.team.clone(),
            week: iso_week(monday),
            min_days: u32::try_from(lo.max(0)).unwrap_or(0),
            max_days: u32::try_from(hi.max(0)).unwrap_or(u32::MAX),
            days,
            summary,
        }
    }
}

/// Why `rep` is in on the days `plan` gives them in the ISO week holding
/// `date`, computed from the scenario, the plan's assignments and `locks`
/// (the locks the plan was made with, the lead's and any the run added):
/// the same [`RepWeek`] the whole plan's [`Explanations`] list for it.
///
/// `None` when the plan is infeasible, `date` is outside its weeks, the rep
/// is unknown, has no office, or is not of the office the plan is for.
///
/// `sc` may be the part of the team this rep-week needs: the rep, the
/// rep's teammates, team and home office, the policy, and the meetings the
/// rep attends (as `store::load_for_reps` reads a part).
///
/// # Errors
/// [`PlanError`] when a meeting's rule or zone cannot be resolved.
///
/// # Example
/// ```
/// # use meridian::plan::rotation::{explain_rep_week, rotate_stored};
/// # let doc = r#"{"format": "meridian.scenario/1",
/// #   "teams": [{"id": "t", "name": "T", "anchor_days": ["tue"]}],
/// #   "offices": [{"id": "lon", "name": "London", "time_zone": "Europe/London", "desks": 2}],
/// #   "policy": {"office_days_per_week": {"min": 1, "max": 2}},
/// #   "reps": [{"id": "ana", "name": "Ana", "team": "t", "time_zone": "Europe/London", "office": "lon"}],
/// #   "requests": {"rotation": {"from": "2026-11-30", "weeks": 1}}}"#;
/// # let sc = meridian::io::scenario::parse_document(doc, "doc").unwrap();
/// let plan = rotate_stored(&sc)?;
/// let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
/// let week = explain_rep_week(&sc, &plan, &[], "ana", date)?.expect("ana is planned");
/// assert_eq!(week.week, "2026-W49");
/// assert!(week.days.iter().any(|d| d.reasons.contains(&"team anchor day".to_string())));
/// # Ok::<(), meridian::plan::PlanError>(())
/// ```
pub fn explain_rep_week(
    sc: &Scenario,
    plan: &RotationAnswer,
    locks: &[Lock],
    rep: &str,
    date: NaiveDate,
) -> Result<Option<RepWeek>, PlanError> {
    let (first, last) = rotation_days(plan.from, plan.weeks.max(1));
    if plan.infeasible_reason.is_some() || date < first || date > last {
        return Ok(None);
    }
    let Some(r) = sc.reps.iter().position(|x| x.id == rep) else {
        return Ok(None);
    };
    let monday = first + Duration::days(7 * ((date - first).num_days() / 7));
    let sunday = monday + Duration::days(6);
    let in_person = in_person_titles(sc, monday, sunday, Some(r))?;
    let facts = Facts::new(sc, plan, locks, (monday, sunday), in_person, |i| i == r);
    Ok(facts
        .covered(plan, &sc.reps[r], monday)
        .map(|office| facts.rep_week(r, office, monday)))
}

/// Every rep-week of a plan, explained one at a time in the answer's order
/// (ISO week, office, team, rep), so a caller can write them out without
/// holding them all. Empty for an infeasible plan.
pub struct Explanations<'a> {
    facts: Facts<'a>,
    /// (rep index, office listed under, Monday), sorted.
    todo: std::vec::IntoIter<(usize, &'a str, NaiveDate)>,
}

impl<'a> Explanations<'a> {
    /// The explanations of `plan` over `sc` with the `locks` it was made
    /// with.
    ///
    /// # Errors
    /// [`PlanError`] when a meeting's rule or zone cannot be resolved.
    pub fn new(
        sc: &'a Scenario,
        plan: &'a RotationAnswer,
        locks: &'a [Lock],
    ) -> Result<Explanations<'a>, PlanError> {
        let (first, last) = rotation_days(plan.from, plan.weeks.max(1));
        let in_person = if plan.infeasible_reason.is_some() {
            InPerson::default()
        } else {
            in_person_titles(sc, first, last, None)?
        };
        let facts = Facts::new(sc, plan, locks, (first, last), in_person, |_| true);
        let mut todo: Vec<(usize, &str, NaiveDate)> = Vec::new();
        if plan.infeasible_reason.is_none() {
            for w in 0..plan.weeks.max(1) {
                let monday = first + Duration::days(7 * i64::from(w));
                todo.extend(sc.reps.iter().enumerate().filter_map(|(i, rep)| {
                    facts.covered(plan, rep, monday).map(|o| (i, o, monday))
                }));
            }
            // The order of the answer: week (ISO labels sort as dates do),
            // office, team, rep.
            todo.sort_by(|a, b| {
                let (x, y) = (&sc.reps[a.0], &sc.reps[b.0]);
                (a.2, a.1, &x.team, &x.id).cmp(&(b.2, b.1, &y.team, &y.id))
            });
        }
        Ok(Explanations {
            facts,
            todo: todo.into_iter(),
        })
    }
}

impl Iterator for Explanations<'_> {
    type Item = RepWeek;

    fn next(&mut self) -> Option<RepWeek> {
        let (r, office, monday) = self.todo.next()?;
        Some(self.facts.rep_week(r, office, monday))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.todo.size_hint()
    }
}

impl ExactSizeIterator for Explanations<'_> {}

/// Every rep-week of `plan` explained, as [`Explanations`] lists them.
///
/// # Errors
/// [`PlanError`] when a meeting's rule or zone cannot be resolved.
pub fn explain_plan(
    sc: &Scenario,
    plan: &RotationAnswer,
    locks: &[Lock],
) -> Result<Vec<RepWeek>, PlanError> {
    Ok(Explanations::new(sc, plan, locks)?.collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_language, Lang};
    use crate::io::scenario::parse_document;
    use crate::model::RotationRequest;

    #[test]
    fn a_reps_week_reads_in_german_and_as_before_in_english() {
        let doc = r#"{
          "format": "meridian.scenario/1",
          "policy": {"office_days_per_week": {"min": 1, "max": 1}},
          "offices": [{"id": "lon", "time_zone": "Europe/London", "desks": 5}],
          "reps": [
            {"id": "ana", "time_zone": "Europe/London", "office": "lon",
             "preferred_office_days": ["wed"]}
          ]
        }"#;
        let sc = match parse_document(doc, "test") {
            Ok(sc) => sc,
            Err(e) => panic!("{e}"),
        };
        let req = RotationRequest {
            from: "2026-11-30".parse().expect("date"),
            weeks: 1,
            locks: Vec::new(),
        };
        let plan = crate::plan::rotation::rotate(&sc, &req).expect("plan");
        let summary = |lang| {
            with_language(lang, || {
                explain_plan(&sc, &plan, &[]).expect("explains")[0]
                    .summary
                    .clone()
            })
        };
        assert_eq!(summary(Lang::En), "Wed 2 Dec (preferred day)");
        assert_eq!(summary(Lang::De), "Mi., 2. Dez. (gewünschter Tag)");
    }
}
