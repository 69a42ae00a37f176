//! The "Office days" board: the weeks and day columns worth showing, one page
//! of rows (each office with its desk use, each team with its anchor days,
//! each rep with a cell per day), and a held plan's summary and objective.
//!
//! Rust decides everything the board says: the default window, which days
//! are past, why a cell is unavailable (rule 1, [`crate::rules`]), whether a
//! cell shows the plan or the accepted office days, the lead's locks, desk
//! use and the objective's weights. The web view only lays it out.
//!
//! Past days. The contract plans whole ISO weeks (§3), so a window may start
//! on a week that is partly over. Days before `today` are shown as past with
//! their accepted office days and are never planned: a run fixes the
//! accepted ones (see [`Meridian::plan_rotation_from`]) and accepting keeps
//! them (see [`Meridian::accept_rotation_from`]).

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{matches, monday_of, words, Page, Window};
use crate::api::{invalid, Meridian};
use crate::error::{AppError, Problem};
use crate::model::{Office, Rep, Team, Weekday};
use crate::plan::rotation::{self, iso_week, RotationAnswer, RotationObjective};
use crate::rules::{rotation_days, rule1_blocks_at, MAX_ROTATION_WEEKS};
use crate::store;

/// Weeks shown when neither the query nor the stored request says.
pub const DEFAULT_WEEKS: u32 = 4;

/// Which weeks, office and reps the board shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BoardQuery {
    /// Any date of the first week; `None` takes the stored window, else the
    /// week holding today.
    pub from: Option<NaiveDate>,
    /// `None` takes the stored window's, else [`DEFAULT_WEEKS`].
    pub weeks: Option<u32>,
    /// One office's reps, or every office's.
    pub office: Option<String>,
    /// Words that must each appear in the rep's name or id, team or office.
    pub search: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Board {
    /// Monday of the first week.
    pub from: NaiveDate,
    pub weeks: u32,
    /// The window is the stored rotation request's (locks live in it).
    pub stored: bool,
    pub today: NaiveDate,
    /// The longest window a plan may cover.
    pub max_weeks: u32,
    pub columns: Vec<BoardWeek>,
    pub rows: Page<BoardRow>,
    /// Cells of covered reps show the held plan (from today on), not the
    /// accepted office days.
    pub shows_plan: bool,
    /// Locks stored for the window.
    pub locks: u32,
    /// Reps with no home office (always remote, not on the board).
    pub remote_reps: u32,
}

/// One week's day columns: the weekdays on which a shown office opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BoardWeek {
    /// ISO week label, e.g. `2026-W49`.
    pub week: String,
    pub monday: NaiveDate,
    pub days: Vec<BoardDay>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BoardDay {
    pub date: NaiveDate,
    pub weekday: Weekday,
    /// Before today: shown as accepted, never planned.
    pub past: bool,
}

/// A row of the board, in order: an office, then each of its teams with the
/// team's reps. Every row has one entry per day column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BoardRow {
    Office {
        office: String,
        name: String,
        desks: u32,
        /// Desk use per day column.
        days: Vec<DeskDay>,
    },
    Team {
        office: String,
        /// `None` for the office's reps without a team.
        team: Option<String>,
        name: String,
        /// Reps of the group that match the search.
        reps: u32,
        /// Per day column: an anchor day of the team.
        anchor: Vec<bool>,
    },
    Rep {
        id: String,
        name: String,
        /// The office whose board lists the row: the rep's home office, or
        /// one a trip in the window visits (a rep has a row on each).
        office: String,
        team: Option<String>,
        team_name: Option<String>,
        office_name: String,
        revision: i64,
        cells: Vec<BoardCell>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeskDay {
    pub used: u32,
    /// The office does not open that day.
    pub closed: bool,
    /// The public holiday that closes it, by name.
    pub holiday: Option<String>,
    /// More reps in than desks (the accepted days may predate a change).
    pub over: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    In,
    Remote,
    /// Rule 1 keeps the rep out; `reason` says why.
    Unavailable,
}

/// Which rule-1 case blocks a cell, for its look; the words are `reason`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Blocked {
    TimeOff,
    /// A public holiday of the rep's region.
    Holiday,
    NoOfficeDay,
    Closed,
    /// The rep works from another office that day (a trip, or their home
    /// office on a visitor's row); `reason` names it.
    Away,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BoardCell {
    pub date: NaiveDate,
    pub state: CellState,
    pub blocked: Option<Blocked>,
    /// Rule 1's reason when unavailable.
    pub reason: Option<String>,
    pub past: bool,
    /// The lead's lock: in (`true`), out (`false`) or none.
    pub lock: Option<bool>,
    /// The cell shows the plan (else the accepted office days).
    pub planned: bool,
    /// A lock the shown days do not follow yet (re-plan to apply it).
    pub pending: bool,
    pub anchor: bool,
    pub preferred: bool,
}

/// A plan in a few figures: what the web view keeps while the shell holds
/// the whole answer under `token`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlanSummary {
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub token: u64,
    pub from: NaiveDate,
    pub weeks: u32,
    pub office: Option<String>,
    pub objective: Option<RotationObjective>,
    #[cfg_attr(feature = "specta", specta(type = Option<i32>))]
    pub upper_bound: Option<i64>,
    /// How close the plan is to the best possible, in words ("within 0.4%
    /// of the best possible", "proven optimal"); `None` when infeasible.
    pub bound_words: Option<String>,
    pub infeasible_reason: Option<String>,
    pub fixes: Vec<String>,
    /// The objective's terms with the contract's weights (empty when
    /// infeasible).
    pub terms: Vec<ObjectiveTerm>,
    /// Rep-days in the office in the plan.
    pub assignments: u32,
    /// Reps the plan covers.
    pub reps: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ObjectiveTerm {
    pub key: String,
    pub label: String,
    /// Points per unit (contract §3).
    pub weight: u32,
    pub unit: String,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub value: i64,
}

impl PlanSummary {
    /// The summary of `plan` held under `token`.
    pub fn of(token: u64, plan: &RotationAnswer) -> PlanSummary {
        let terms = plan.objective.map_or_else(Vec::new, |o| {
            [
                (
                    "co_presence",
                    crate::tr!("api-term-co-presence"),
                    rotation::CO_PRESENCE_WEIGHT,
                    crate::tr!("api-unit-pair-day"),
                    o.co_presence,
                ),
                (
                    "anchor",
                    crate::tr!("api-term-anchor"),
                    rotation::ANCHOR_WEIGHT,
                    crate::tr!("api-unit-rep-day"),
                    o.anchor,
                ),
                (
                    "preference",
                    crate::tr!("api-term-preference"),
                    rotation::PREFERENCE_WEIGHT,
                    crate::tr!("api-unit-rep-day"),
                    o.preference,
                ),
                (
                    "in_person",
                    crate::tr!("api-term-in-person"),
                    rotation::IN_PERSON_WEIGHT,
                    crate::tr!("api-unit-attendee"),
                    o.in_person,
                ),
            ]
            .into_iter()
            .map(|(key, label, weight, unit, value)| ObjectiveTerm {
                key: key.to_string(),
                label,
                weight,
                unit,
                value,
            })
            .collect()
        });
        let reps: HashSet<&str> = plan.assignments.iter().map(|a| a.rep.as_str()).collect();
        PlanSummary {
            token,
            from: plan.from,
            weeks: plan.weeks,
            office: plan.office.clone(),
            objective: plan.objective,
            upper_bound: plan.upper_bound,
            bound_words: plan.bound_words(),
            infeasible_reason: plan.infeasible_reason.clone(),
            fixes: plan.fixes.clone(),
            terms,
            assignments: u32::try_from(plan.assignments.len()).unwrap_or(u32::MAX),
            reps: u32::try_from(reps.len()).unwrap_or(u32::MAX),
        }
    }
}

/// A row before it is drawn: only the page's rows get their cells.
enum Slot<'a> {
    Office(&'a Office),
    Team {
        office: &'a Office,
        team: Option<&'a Team>,
        reps: u32,
    },
    /// A rep on an office's board: their home office's, or one they visit.
    Rep(usize, &'a Office),
}

impl Meridian {
    /// The board for `query` on `today`, one page of rows; cells of reps a
    /// feasible `plan` covers show it when it plans this window.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for weeks outside 1..=104, [`AppError::Storage`].
    pub fn rotation_board(
        &self,
        query: &BoardQuery,
        window: Window,
        today: NaiveDate,
        plan: Option<&RotationAnswer>,
    ) -> Result<Board, AppError> {
        let max_weeks = u32::try_from(MAX_ROTATION_WEEKS).unwrap_or(104);
        if let Some(w) = query.weeks {
            if w < 1 || w > max_weeks {
                return Err(invalid(
                    "board",
                    vec![Problem {
                        path: "weeks".into(),
                        message: crate::tr!("api-board-weeks", weeks = w, max = max_weeks),
                    }],
                ));
            }
        }
        self.read(|c| {
            let requests = store::requests::get_requests(c)?;
            let stored = requests
                .rotation
                .as_ref()
                .map(|r| (monday_of(r.from), r.weeks));
            let from = monday_of(query.from.or(stored.map(|s| s.0)).unwrap_or(today));
            let weeks = query
                .weeks
                .or(stored.filter(|_| query.from.is_none()).map(|s| s.1))
                .unwrap_or(DEFAULT_WEEKS);
            let (first, last) = rotation_days(from, weeks);
            let is_stored = stored == Some((from, weeks));

            let mut offices: Vec<Office> = store::offices::list_offices(c)?
                .into_iter()
                .map(|s| s.item)
                .collect();
            offices.sort_by(|a, b| {
                a.name
                    .to_lowercase()
                    .cmp(&b.name.to_lowercase())
                    .then_with(|| a.id.cmp(&b.id))
            });
            let shown_offices: Vec<&Office> = offices
                .iter()
                .filter(|o| query.office.as_ref().is_none_or(|id| &o.id == id))
                .collect();
            let teams: HashMap<String, Team> = store::teams::list_teams(c)?
                .into_iter()
                .map(|s| (s.item.id.clone(), s.item))
                .collect();
            let all_reps = store::reps::list_reps(c)?;
            let remote_reps =
                u32::try_from(all_reps.iter().filter(|s| s.item.office.is_none()).count())
                    .unwrap_or(u32::MAX);

            // Day columns: the weekdays a shown office opens on (workdays
            // when none opens at all, so the board is never empty).
            let mut open: HashSet<Weekday> = shown_offices
                .iter()
                .flat_map(|o| o.open_days.iter().copied())
                .collect();
            if open.is_empty() {
                open = Weekday::WORKWEEK.into_iter().collect();
            }
            let columns: Vec<BoardWeek> = (0..weeks)
                .map(|w| {
                    let monday = from + Duration::days(7 * i64::from(w));
                    BoardWeek {
                        week: iso_week(monday),
                        monday,
                        days: (0..7)
                            .map(|k| monday + Duration::days(k))
                            .filter(|d| open.contains(&Weekday::of(*d)))
                            .map(|date| BoardDay {
                                date,
                                weekday: Weekday::of(date),
                                past: date < today,
                            })
                            .collect(),
                    }
                })
                .collect();
            let dates: Vec<NaiveDate> = columns
                .iter()
                .flat_map(|w| w.days.iter().map(|d| d.date))
                .collect();

            // Rows: offices by name, their teams by name (no team last),
            // reps by name; only reps matching the search.
            let words = words(&query.search);
            let mut by_group: HashMap<(&str, Option<&str>), Vec<usize>> = HashMap::new();
            // A rep is on their home office's board, and on the board of
            // each office they visit within the window (its rows show the
            // trip days there).
            fn board_offices(rep: &Rep, first: NaiveDate, last: NaiveDate) -> Vec<&str> {
                let mut ids: Vec<&str> = rep.office.as_deref().into_iter().collect();
                for t in &rep.travel {
                    if t.from <= last && t.to >= first && !ids.contains(&t.office.as_str()) {
                        ids.push(t.office.as_str());
                    }
                }
                ids
            }
            for (i, s) in all_reps.iter().enumerate() {
                let rep = &s.item;
                for id in board_offices(rep, first, last) {
                    let Some(office) = shown_offices.iter().find(|o| o.id == id) else {
                        continue;
                    };
                    let team = rep.team.as_ref().and_then(|t| teams.get(t));
                    let fields = [
                        rep.name.as_str(),
                        rep.id.as_str(),
                        team.map_or("", |t| t.name.as_str()),
                        office.name.as_str(),
                    ];
                    if matches(&words, &fields) {
                        by_group
                            .entry((office.id.as_str(), team.map(|t| t.id.as_str())))
                            .or_default()
                            .push(i);
                    }
                }
            }
            let mut slots: Vec<Slot> = Vec::new();
            for office in &shown_offices {
                let mut keys: Vec<Option<&str>> = by_group
                    .keys()
                    .filter(|(o, _)| *o == office.id.as_str())
                    .map(|(_, t)| *t)
                    .collect();
                if keys.is_empty() {
                    continue;
                }
                keys.sort_by_key(|t| match t.and_then(|id| teams.get(id)) {
                    Some(t) => (false, t.name.to_lowercase(), t.id.clone()),
                    None => (true, String::new(), String::new()),
                });
                slots.push(Slot::Office(office));
                for key in keys {
                    let Some(mut members) = by_group.remove(&(office.id.as_str(), key)) else {
                        continue;
                    };
                    members.sort_by(|&a, &b| {
                        let (x, y) = (&all_reps[a].item, &all_reps[b].item);
                        x.name
                            .to_lowercase()
                            .cmp(&y.name.to_lowercase())
                            .then_with(|| x.id.cmp(&y.id))
                    });
                    slots.push(Slot::Team {
                        office,
                        team: key.and_then(|id| teams.get(id)),
                        reps: u32::try_from(members.len()).unwrap_or(u32::MAX),
                    });
                    slots.extend(members.into_iter().map(|i| Slot::Rep(i, office)));
                }
            }
            let counter = store::changes::counter(c)?;
            let page = window.page(slots, counter);

            // What each cell shows.
            let accepted_days = store::office_days::office_days_between(c, first, last)?;
            let accepted: HashSet<(&str, NaiveDate)> = accepted_days
                .iter()
                .map(|d| (d.rep.as_str(), d.date))
                .collect();
            let plan = plan.filter(|p| {
                p.infeasible_reason.is_none() && monday_of(p.from) == from && p.weeks == weeks
            });
            let planned: HashSet<(&str, NaiveDate)> = plan
                .map(|p| {
                    p.assignments
                        .iter()
                        .map(|a| (a.rep.as_str(), a.date))
                        .collect()
                })
                .unwrap_or_default();
            let covers = |office: &str| {
                plan.is_some_and(|p| p.office.as_deref().is_none_or(|o| o == office))
            };
            let locks: HashMap<(&str, NaiveDate), bool> = requests
                .rotation
                .as_ref()
                .filter(|_| is_stored)
                .map(|r| {
                    r.locks
                        .iter()
                        .map(|l| ((l.rep.as_str(), l.date), l.in_office))
                        .collect()
                })
                .unwrap_or_default();
            let office_names: HashMap<&str, &str> = offices
                .iter()
                .map(|o| (o.id.as_str(), o.name.as_str()))
                .collect();
            let board = Cells {
                today,
                accepted: &accepted,
                planned: &planned,
                locks: &locks,
                office_names: &office_names,
            };
            // A plan for one office covers its reps wherever they are (a
            // visitor from elsewhere shows the accepted days).
            let cell_of = |rep: &Rep, office: &Office, date: NaiveDate| {
                let covered = match rep.office.as_deref() {
                    Some(home) => covers(home),
                    None => plan.is_some_and(|p| p.office.is_none()),
                };
                board.cell(rep, office, date, covered)
            };

            let rows: Vec<BoardRow> = page
                .rows
                .iter()
                .map(|slot| match *slot {
                    Slot::Office(office) => {
                        // Its reps and its visitors: a cell is in only on
                        // the days the rep works from this office.
                        let members: Vec<&Rep> = all_reps
                            .iter()
                            .map(|s| &s.item)
                            .filter(|r| {
                                r.office.as_deref() == Some(office.id.as_str())
                                    || r.travel.iter().any(|t| {
                                        t.office == office.id && t.from <= last && t.to >= first
                                    })
                            })
                            .collect();
                        BoardRow::Office {
                            office: office.id.clone(),
                            name: office.name.clone(),
                            desks: office.desks,
                            days: dates
                                .iter()
                                .map(|&date| {
                                    let used = members
                                        .iter()
                                        .filter(|r| cell_of(r, office, date).0 == CellState::In)
                                        .count();
                                    let used = u32::try_from(used).unwrap_or(u32::MAX);
                                    DeskDay {
                                        used,
                                        closed: !crate::rules::office_open(office, date),
                                        holiday: crate::holidays::office_holiday(office, date)
                                            .map(|h| h.name.to_string()),
                                        over: used > office.desks,
                                    }
                                })
                                .collect(),
                        }
                    }
                    Slot::Team { office, team, reps } => BoardRow::Team {
                        office: office.id.clone(),
                        team: team.map(|t| t.id.clone()),
                        name: team.map_or_else(|| crate::tr!("api-no-team"), |t| t.name.clone()),
                        reps,
                        anchor: dates
                            .iter()
                            .map(|d| team.is_some_and(|t| t.anchor_days.contains(&Weekday::of(*d))))
                            .collect(),
                    },
                    Slot::Rep(i, office) => {
                        let s = &all_reps[i];
                        let rep = &s.item;
                        let team = rep.team.as_ref().and_then(|t| teams.get(t));
                        let anchors = team.map(|t| t.anchor_days.as_slice()).unwrap_or(&[]);
                        let cells = dates
                            .iter()
                            .map(|&date| {
                                let (state, blocked, reason, lock, planned) =
                                    cell_of(rep, office, date);
                                let wd = Weekday::of(date);
                                BoardCell {
                                    date,
                                    state,
                                    blocked,
                                    reason,
                                    past: date < today,
                                    lock,
                                    planned,
                                    pending: date >= today
                                        && state != CellState::Unavailable
                                        && lock.is_some_and(|l| l != (state == CellState::In)),
                                    anchor: anchors.contains(&wd),
                                    preferred: rep.preferred_office_days.contains(&wd),
                                }
                            })
                            .collect();
                        // The row's office: the rep's home, or the office
                        // a trip visits (its board lists the visitor).
                        BoardRow::Rep {
                            id: rep.id.clone(),
                            name: rep.name.clone(),
                            office: office.id.clone(),
                            team: rep.team.clone(),
                            team_name: team.map(|t| t.name.clone()),
                            office_name: office.name.clone(),
                            revision: s.revision,
                            cells,
                        }
                    }
                })
                .collect();

            let lock_count = u32::try_from(locks.len()).unwrap_or(u32::MAX);
            Ok(Board {
                from,
                weeks,
                stored: is_stored,
                today,
                max_weeks,
                columns,
                rows: Page {
                    rows,
                    offset: page.offset,
                    total: page.total,
                    counter,
                },
                shows_plan: plan.is_some() && shown_offices.iter().any(|o| covers(&o.id)),
                locks: lock_count,
                remote_reps,
            })
        })
    }
}

/// What decides a cell: the accepted days, the shown plan's days and the
/// window's locks.
struct Cells<'a> {
    today: NaiveDate,
    accepted: &'a HashSet<(&'a str, NaiveDate)>,
    planned: &'a HashSet<(&'a str, NaiveDate)>,
    locks: &'a HashMap<(&'a str, NaiveDate), bool>,
    /// Office id → name, for the "In New York office" of a trip day.
    office_names: &'a HashMap<&'a str, &'a str>,
}

type CellFacts = (
    CellState,
    Option<Blocked>,
    Option<String>,
    Option<bool>,
    bool,
);

impl Cells<'_> {
    /// State, rule-1 case and reason, lock, and whether the plan decides it.
    /// Past days and reps the plan does not cover show the accepted days.
    /// `office` is the board's row office: on a day the rep works from
    /// another one (a trip away, or home on a visitor's row) the cell is
    /// away, its reason naming where they are.
    fn cell(&self, rep: &Rep, office: &Office, date: NaiveDate, covered: bool) -> CellFacts {
        let lock = self.locks.get(&(rep.id.as_str(), date)).copied();
        let at = rep.office_on(date);
        if at != Some(office.id.as_str()) {
            let reason = match at {
                Some(other) => crate::tr!(
                    "api-board-in-other-office",
                    office = self.office_names.get(other).copied().unwrap_or(other)
                ),
                None => crate::tr!("api-board-remote"),
            };
            return (
                CellState::Unavailable,
                Some(Blocked::Away),
                Some(reason),
                lock,
                false,
            );
        }
        if let Some(reason) = rule1_blocks_at(rep, Some(office), date) {
            // Rule 1 checks in this order; the case only picks the cell's look.
            let blocked = if rep.time_off.iter().any(|t| t.contains(date)) {
                Blocked::TimeOff
            } else if crate::holidays::rep_holiday(rep, Some(office), date).is_some() {
                Blocked::Holiday
            } else if rep.no_office_days.contains(&Weekday::of(date)) {
                Blocked::NoOfficeDay
            } else {
                Blocked::Closed
            };
            return (
                CellState::Unavailable,
                Some(blocked),
                Some(reason),
                lock,
                false,
            );
        }
        let planned = covered && date >= self.today;
        let is_in = if planned {
            self.planned.contains(&(rep.id.as_str(), date))
        } else {
            self.accepted.contains(&(rep.id.as_str(), date))
        };
        let state = if is_in {
            CellState::In
        } else {
            CellState::Remote
        };
        (state, None, None, lock, planned)
    }
}
