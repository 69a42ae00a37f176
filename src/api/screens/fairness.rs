//! The Fairness screen and `meridian report fairness`: the fairness ledger
//! ([`crate::plan::ledger`]) of one team over a period, sorted here by the
//! column the screen asks for, one page at a time, with the chart's values
//! for the rows on that page.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Page, Window};
use crate::api::items::not_found;
use crate::api::{invalid, Meridian};
use crate::error::{AppError, Problem};
use crate::plan::ledger::{self, LedgerRow, MAX_PERIOD_DAYS};
use crate::store;

/// The column the table is sorted by (and the chart shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FairnessSort {
    Name,
    Meetings,
    StretchMinutes,
    /// Minutes outside working and stretch hours (the default: the figure a
    /// lead asks about first).
    #[default]
    OutsideMinutes,
    Early,
    Late,
    OnDaysOff,
    /// The share of asked preferred days granted; reps who asked none last.
    PreferredGranted,
    MovedTo,
    MovedFrom,
    OverloadedWeeks,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FairnessQuery {
    /// The team whose reps the ledger shows (one team at a time).
    pub team: String,
    /// First local date (default: 90 days before `to`).
    pub from: Option<NaiveDate>,
    /// Last local date (default: today).
    pub to: Option<NaiveDate>,
    pub sort: FairnessSort,
    /// Largest first (smallest first when `false`); names are always A–Z
    /// among equal figures.
    pub descending: bool,
}

/// One page of the ledger, sorted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FairnessPage {
    pub team: String,
    pub team_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub sort: FairnessSort,
    pub descending: bool,
    pub rows: Page<LedgerRow>,
    /// The sorted column's value for each row of `rows`, in order (the
    /// chart's bars): minutes, counts, or the percent of asked preferred
    /// days granted (`null` for a rep who asked none); for `name`, the
    /// minutes outside hours.
    pub chart: Vec<Option<f64>>,
    pub max_period_days: u32,
}

impl Meridian {
    /// The fairness ledger of `team`'s reps (every rep when `None`) over
    /// `from..=to`, in the document's order, with the task moves recorded in
    /// this database (a document read from a file has none).
    ///
    /// # Errors
    /// [`AppError::NotFound`] for an unknown team, [`AppError::Invalid`] for a
    /// period that ends before it starts or is longer than
    /// [`MAX_PERIOD_DAYS`] (path `to`).
    pub fn fairness_ledger(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        team: Option<&str>,
    ) -> Result<Vec<LedgerRow>, AppError> {
        Ok(self.ledger_at(from, to, team)?.0)
    }

    /// One page of the Fairness screen: the ledger of `query.team` sorted by
    /// `query.sort`, the chart's values for the page's rows, and the change
    /// counter it was read at. The period defaults to the 13 weeks up to
    /// `today`.
    ///
    /// # Errors
    /// As [`Meridian::fairness_ledger`].
    pub fn fairness(
        &self,
        query: &FairnessQuery,
        window: Window,
        today: NaiveDate,
    ) -> Result<FairnessPage, AppError> {
        for (path, d) in [("from", query.from), ("to", query.to)] {
            if let Some(d) = d.filter(|&d| !crate::rules::writable_date(d)) {
                return Err(invalid(
                    "fairness period",
                    vec![Problem {
                        path: path.to_string(),
                        message: format!("{d}: {}", crate::rules::date_range()),
                    }],
                ));
            }
        }
        let to = query.to.unwrap_or(today);
        let from = query.from.unwrap_or(ledger::default_period(to).0);
        let (mut rows, counter, team_name) = self.ledger_at(from, to, Some(&query.team))?;
        sort_rows(&mut rows, query.sort, query.descending);
        let rows = window.page(rows, counter);
        let chart = rows.rows.iter().map(|r| value(r, query.sort)).collect();
        Ok(FairnessPage {
            team: query.team.clone(),
            team_name: team_name.unwrap_or_default(),
            from,
            to,
            sort: query.sort,
            descending: query.descending,
            rows,
            chart,
            max_period_days: MAX_PERIOD_DAYS as u32,
        })
    }

    /// The ledger, the change counter and the team's name, read in one
    /// snapshot.
    fn ledger_at(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        team: Option<&str>,
    ) -> Result<(Vec<LedgerRow>, i64, Option<String>), AppError> {
        let span = (to - from).num_days();
        if !(0..MAX_PERIOD_DAYS).contains(&span) {
            return Err(invalid(
                "fairness period",
                vec![Problem {
                    path: "to".to_string(),
                    message: crate::tr!(
                        "api-fairness-period",
                        from = from.to_string(),
                        to = to.to_string(),
                        max = MAX_PERIOD_DAYS
                    ),
                }],
            ));
        }
        let (sc, moves, counter, name) = self.read(|c| {
            let name = match team {
                Some(t) => Some(
                    store::teams::get_team(c, t)?
                        .ok_or_else(|| not_found("team", t))?
                        .item
                        .name,
                ),
                None => None,
            };
            let sc = match team {
                Some(t) => {
                    let ids: Vec<String> = store::reps::list_rep_lines(c)?
                        .into_iter()
                        .filter(|r| r.team.as_deref() == Some(t))
                        .map(|r| r.id)
                        .collect();
                    store::load_for_reps(c, &ids, false)?
                }
                None => store::load_scenario(c)?,
            };
            let moves = store::task_moves::moves_between(c, from, to)?;
            Ok((sc, moves, store::changes::counter(c)?, name))
        })?;
        let rows = ledger::ledger(&sc, &moves, from, to, team)?;
        Ok((rows, counter, name))
    }
}

/// The figure `sort` names, as the chart draws it.
fn value(r: &LedgerRow, sort: FairnessSort) -> Option<f64> {
    let n = |v: u32| Some(f64::from(v));
    match sort {
        FairnessSort::Name | FairnessSort::OutsideMinutes => Some(r.outside_minutes as f64),
        FairnessSort::Meetings => n(r.meetings),
        FairnessSort::StretchMinutes => Some(r.stretch_minutes as f64),
        FairnessSort::Early => n(r.early),
        FairnessSort::Late => n(r.late),
        FairnessSort::OnDaysOff => n(r.on_days_off),
        FairnessSort::PreferredGranted => (r.preferred_asked > 0)
            .then(|| 100.0 * f64::from(r.preferred_granted) / f64::from(r.preferred_asked)),
        FairnessSort::MovedTo => n(r.moved_to),
        FairnessSort::MovedFrom => n(r.moved_from),
        FairnessSort::OverloadedWeeks => n(r.overloaded_weeks),
    }
}

/// Sorts by the figure (a missing one last either way), then by name and id.
fn sort_rows(rows: &mut [LedgerRow], sort: FairnessSort, descending: bool) {
    let by_name = |x: &LedgerRow, y: &LedgerRow| {
        x.name
            .to_lowercase()
            .cmp(&y.name.to_lowercase())
            .then_with(|| x.rep.cmp(&y.rep))
    };
    if sort == FairnessSort::Name {
        rows.sort_by(|x, y| {
            let o = by_name(x, y);
            if descending {
                o.reverse()
            } else {
                o
            }
        });
        return;
    }
    rows.sort_by(|x, y| {
        let o = match (value(x, sort), value(y, sort)) {
            (Some(a), Some(b)) if descending => b.total_cmp(&a),
            (Some(a), Some(b)) => a.total_cmp(&b),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        o.then_with(|| by_name(x, y))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, asked: u32, granted: u32, outside: i64) -> LedgerRow {
        LedgerRow {
            rep: name.to_lowercase(),
            name: name.to_string(),
            meetings: 0,
            stretch_minutes: 0,
            outside_minutes: outside,
            early: 0,
            late: 0,
            on_days_off: 0,
            preferred_asked: asked,
            preferred_granted: granted,
            moved_to: 0,
            moved_from: 0,
            overloaded_weeks: 0,
            weeks: 13,
        }
    }

    fn names(rows: &[LedgerRow]) -> Vec<&str> {
        rows.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn a_share_of_nothing_asked_sorts_last_both_ways() {
        let mut rows = vec![row("Cy", 0, 0, 5), row("Bo", 4, 1, 5), row("Al", 4, 3, 9)];
        sort_rows(&mut rows, FairnessSort::PreferredGranted, false);
        assert_eq!(names(&rows), ["Bo", "Al", "Cy"]);
        sort_rows(&mut rows, FairnessSort::PreferredGranted, true);
        assert_eq!(names(&rows), ["Al", "Bo", "Cy"]);
        assert_eq!(value(&rows[1], FairnessSort::PreferredGranted), Some(25.0));
        assert_eq!(value(&rows[2], FairnessSort::PreferredGranted), None);
    }

    #[test]
    fn equal_figures_keep_names_a_to_z() {
        let mut rows = vec![row("Cy", 0, 0, 5), row("bo", 0, 0, 5), row("Al", 0, 0, 9)];
        sort_rows(&mut rows, FairnessSort::OutsideMinutes, true);
        assert_eq!(names(&rows), ["Al", "bo", "Cy"]);
        sort_rows(&mut rows, FairnessSort::Name, true);
        assert_eq!(names(&rows), ["Cy", "bo", "Al"]);
    }
}
