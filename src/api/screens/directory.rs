//! The small lists every screen may need: teams and offices with how many
//! reps they hold, the policy, the size of each list, and the limits forms
//! cap their fields at (the same constants the rules check).

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::api::Meridian;
use crate::error::AppError;
use crate::model::{Office, Policy, Team};
use crate::rules::limits;
use crate::store::changes::ItemKind;
use crate::store::{self, StoreError};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamRow {
    pub team: Team,
    pub revision: i64,
    /// Reps in the team.
    pub reps: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OfficeRow {
    pub office: Office,
    pub revision: i64,
    /// Reps whose home office it is.
    pub reps: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Counts {
    pub reps: u32,
    pub teams: u32,
    pub offices: u32,
    pub meetings: u32,
    pub tasks: u32,
    /// Reps with no team.
    pub reps_without_team: u32,
    /// Reps with no home office.
    pub remote_reps: u32,
}

/// The lengths and counts a form may accept: the rules' own limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FormLimits {
    pub id_chars: u32,
    pub name_chars: u32,
    pub title_chars: u32,
    pub skill_chars: u32,
    pub skills: u32,
    pub rrule_chars: u32,
    pub time_zone_chars: u32,
    pub intervals_per_day: u32,
    pub closed_dates: u32,
    pub time_off_blocks: u32,
    /// People one meeting request may name (required and optional together).
    pub attendees: u32,
}

impl FormLimits {
    pub const RULES: FormLimits = FormLimits {
        id_chars: limits::ID_CHARS as u32,
        name_chars: limits::NAME_CHARS as u32,
        title_chars: limits::TITLE_CHARS as u32,
        skill_chars: limits::SKILL_CHARS as u32,
        skills: limits::SKILLS as u32,
        rrule_chars: limits::RRULE_CHARS as u32,
        time_zone_chars: limits::TIME_ZONE_CHARS as u32,
        intervals_per_day: limits::INTERVALS_PER_DAY as u32,
        closed_dates: limits::CLOSED_DATES as u32,
        time_off_blocks: limits::TIME_OFF_BLOCKS as u32,
        attendees: limits::ATTENDEES as u32,
    };
}

/// The days a meeting search covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DateWindow {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The window a new "Find a time" search starts on: the next Monday to
/// Friday after `today` (a Monday looks at the week after it).
pub fn find_time_window(today: NaiveDate) -> DateWindow {
    let days_to_monday = 7 - i64::from(today.weekday().num_days_from_monday());
    let from = today + Duration::days(days_to_monday);
    DateWindow {
        from,
        to: from + Duration::days(4),
    }
}

/// Teams, offices, policy, counts and form limits, read from one snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Directory {
    pub teams: Vec<TeamRow>,
    pub offices: Vec<OfficeRow>,
    pub policy: Policy,
    pub counts: Counts,
    pub limits: FormLimits,
    pub counter: i64,
}

impl Meridian {
    /// The directory every screen may use (see [`Directory`]).
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn directory(&self) -> Result<Directory, AppError> {
        self.read(|c| Ok(read_directory(c)?))
    }
}

fn per(conn: &Connection, column: &str) -> Result<Vec<(Option<String>, u32)>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {column}, COUNT(*) FROM reps GROUP BY {column}"
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn read_directory(c: &Connection) -> Result<Directory, StoreError> {
    let by_team = per(c, "team")?;
    let by_office = per(c, "office")?;
    let count = |list: &[(Option<String>, u32)], id: Option<&str>| {
        list.iter()
            .find(|(k, _)| k.as_deref() == id)
            .map_or(0, |(_, n)| *n)
    };
    let teams: Vec<TeamRow> = store::teams::list_teams(c)?
        .into_iter()
        .map(|s| TeamRow {
            reps: count(&by_team, Some(&s.item.id)),
            team: s.item,
            revision: s.revision,
        })
        .collect();
    let offices: Vec<OfficeRow> = store::offices::list_offices(c)?
        .into_iter()
        .map(|s| OfficeRow {
            reps: count(&by_office, Some(&s.item.id)),
            office: s.item,
            revision: s.revision,
        })
        .collect();
    let [teams_n, offices_n, reps, meetings, tasks] = store::counts(c)?;
    Ok(Directory {
        counts: Counts {
            reps,
            teams: teams_n,
            offices: offices_n,
            meetings,
            tasks,
            reps_without_team: count(&by_team, None),
            remote_reps: count(&by_office, None),
        },
        teams,
        offices,
        policy: store::settings::get_policy(c)?,
        limits: FormLimits::RULES,
        counter: store::changes::counter(c)?,
    })
}

impl Meridian {
    /// `base`, or `base-2`, `base-3`… the first id no stored item of `kind`
    /// uses: what a form suggests for a new item (the write still refuses a
    /// duplicate made meanwhile). `None` for kinds without ids.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn free_id(&self, kind: ItemKind, base: &str) -> Result<Option<String>, AppError> {
        let table = match kind {
            ItemKind::Team => "teams",
            ItemKind::Office => "offices",
            ItemKind::Rep => "reps",
            ItemKind::Meeting => "meetings",
            ItemKind::Task => "tasks",
            _ => return Ok(None),
        };
        let base: String = base.chars().take(limits::ID_CHARS - 8).collect();
        if base.is_empty() {
            return Ok(None);
        }
        self.read(|c| {
            let mut stmt = c.prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?;
            let mut n = 1u32;
            loop {
                let id = if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                };
                if !stmt.exists([&id]).map_err(StoreError::from)? {
                    return Ok(Some(id));
                }
                n += 1;
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_starts_on_the_next_work_week() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let w = find_time_window(d("2026-11-28"));
        assert_eq!((w.from, w.to), (d("2026-11-30"), d("2026-12-04")));
        let w = find_time_window(d("2026-11-30"));
        assert_eq!((w.from, w.to), (d("2026-12-07"), d("2026-12-11")));
    }
}
