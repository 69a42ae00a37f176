//! Co-presence per team: how often a member in the office has a teammate of
//! the same team in the same office that day.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{percent, ReportInput, ReportWindow};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PresenceFigures {
    /// The members' office days.
    pub member_days: u32,
    /// Of those, the days on which at least one other member of the team is
    /// in at the same office.
    pub together_days: u32,
    /// `together_days` of `member_days` in whole percent.
    pub percent: Option<u32>,
    /// Unordered pairs of members in the same office on the same day: the
    /// rotation objective's co-presence count. 64 bits: 35,000 members of
    /// one team in one office (within the limits) make 6e8 pairs a day.
    pub pairs: u64,
}

impl PresenceFigures {
    fn add(&mut self, n: u32) {
        self.member_days += n;
        if n >= 2 {
            self.together_days += n;
            let n = u64::from(n);
            self.pairs += n * (n - 1) / 2;
        }
    }

    fn settle(&mut self) {
        self.percent = percent(self.together_days, self.member_days);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PresenceWeek {
    /// ISO week, `2026-W49`.
    pub week: String,
    pub monday: NaiveDate,
    pub figures: PresenceFigures,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamPresence {
    pub team: String,
    pub name: String,
    /// Reps in the team now.
    pub members: u32,
    pub weeks: Vec<PresenceWeek>,
    pub total: PresenceFigures,
}

/// Each team's co-presence over `window`, in `input.teams`' order. Reps
/// without a team form no pairs (contract §7.13) and are in no row.
pub fn co_presence(input: &ReportInput, window: ReportWindow) -> Vec<TeamPresence> {
    let team_of: HashMap<&str, &str> = input
        .reps
        .iter()
        .filter_map(|r| r.team.as_deref().map(|t| (r.id.as_str(), t)))
        .collect();
    let mut members: HashMap<&str, u32> = HashMap::new();
    for t in team_of.values() {
        *members.entry(t).or_insert(0) += 1;
    }
    // Members in per team, office and date.
    let mut groups: HashMap<(&str, &str, NaiveDate), u32> = HashMap::new();
    for d in input.office_days {
        if window.week_of(d.date).is_none() {
            continue;
        }
        if let Some(team) = team_of.get(d.rep.as_str()) {
            *groups.entry((team, d.office.as_str(), d.date)).or_insert(0) += 1;
        }
    }
    let weeks = window.weeks as usize;
    let mut per_team: HashMap<&str, Vec<PresenceFigures>> = HashMap::new();
    for (&(team, _, date), &n) in &groups {
        if let Some(w) = window.week_of(date) {
            per_team
                .entry(team)
                .or_insert_with(|| vec![PresenceFigures::default(); weeks])[w]
                .add(n);
        }
    }
    input
        .teams
        .iter()
        .map(|t| {
            let figures = per_team
                .remove(t.id.as_str())
                .unwrap_or_else(|| vec![PresenceFigures::default(); weeks]);
            let mut total = PresenceFigures::default();
            let weeks = window
                .mondays()
                .zip(figures)
                .map(|(monday, mut f)| {
                    total.member_days += f.member_days;
                    total.together_days += f.together_days;
                    total.pairs += f.pairs;
                    f.settle();
                    PresenceWeek {
                        week: crate::plan::rotation::iso_week(monday),
                        monday,
                        figures: f,
                    }
                })
                .collect();
            total.settle();
            TeamPresence {
                team: t.id.clone(),
                name: t.name.clone(),
                members: members.get(t.id.as_str()).copied().unwrap_or(0),
                weeks,
                total,
            }
        })
        .collect()
}
