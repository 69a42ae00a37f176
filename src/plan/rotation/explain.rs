//! Each rep-week of a plan in words: the days the rep is in and why (locks,
//! anchor days, teammates, preferences, in-person meetings, the minimum).

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use crate::model::{Scenario, Weekday};
use crate::plan::rotation::answer::{iso_week, Assignment, DayWhy, RepWeek};
use crate::plan::rotation::objective::InPerson;

/// Per rep and week, the days they are in and the reasons the objective
/// (and the lead's locks) give for each.
pub(super) fn explain(
    sc: &Scenario,
    assignments: &[Assignment],
    bounds: &[(usize, NaiveDate, i64, i64)],
    locks: &HashMap<(&str, NaiveDate), bool>,
    in_person: &InPerson,
) -> Vec<RepWeek> {
    let rep_index: HashMap<&str, usize> = sc
        .reps
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut in_days: HashMap<usize, Vec<NaiveDate>> = HashMap::new();
    let mut team_day: HashMap<(&str, &str, NaiveDate), i64> = HashMap::new();
    for a in assignments {
        if let Some(&i) = rep_index.get(a.rep.as_str()) {
            in_days.entry(i).or_default().push(a.date);
            if let Some(t) = sc.reps[i].team.as_deref() {
                *team_day.entry((t, a.office.as_str(), a.date)).or_insert(0) += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(bounds.len());
    for &(r, monday, lo, hi) in bounds {
        let rep = &sc.reps[r];
        let team = rep
            .team
            .as_deref()
            .and_then(|t| sc.teams.iter().find(|x| x.id == t));
        let sunday = monday + Duration::days(6);
        let dates: Vec<NaiveDate> = in_days
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
            if locks.get(&(rep.id.as_str(), date)) == Some(&true) {
                reasons.push("locked in by the lead".to_string());
            }
            if team.is_some_and(|t| t.anchor_days.contains(&wd)) {
                reasons.push("team anchor day".to_string());
            }
            if let (Some(t), Some(o)) = (rep.team.as_deref(), rep.office.as_deref()) {
                let mates = team_day.get(&(t, o, date)).copied().unwrap_or(0) - 1;
                if mates > 0 {
                    reasons.push(format!(
                        "{mates} teammate{} in",
                        if mates == 1 { "" } else { "s" }
                    ));
                }
            }
            if rep.preferred_office_days.contains(&wd) {
                reasons.push("preferred day".to_string());
            }
            if let Some(titles) = in_person.titles.get(&(r, date)) {
                for t in titles {
                    reasons.push(format!("in-person meeting: {t}"));
                }
            }
            if reasons.is_empty() {
                reasons.push(format!("weekly minimum of {lo} office days"));
            }
            parts.push(format!(
                "{} ({})",
                date.format("%a %-d %b"),
                reasons.join(", ")
            ));
            days.push(DayWhy { date, reasons });
        }
        let summary = if parts.is_empty() {
            if hi == 0 {
                "remote this week (maximum 0 office days)".to_string()
            } else {
                "remote this week (no office day required)".to_string()
            }
        } else {
            parts.join("; ")
        };
        out.push(RepWeek {
            rep: rep.id.clone(),
            office: rep.office.clone().unwrap_or_default(),
            team: rep.team.clone(),
            week: iso_week(monday),
            min_days: u32::try_from(lo.max(0)).unwrap_or(0),
            max_days: u32::try_from(hi.max(0)).unwrap_or(u32::MAX),
            days,
            summary,
        });
    }
    out.sort_by(|a, b| {
        (&a.week, &a.office, &a.team, &a.rep).cmp(&(&b.week, &b.office, &b.team, &b.rep))
    });
    out
}
