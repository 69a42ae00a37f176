//! Desk use per office and date: the reps with an accepted office day there
//! against the office's desks.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{count, percent, ReportInput, ReportWindow};
use crate::holidays;
use crate::rules::office_open;

/// How full an office is on a day, for the heat-map's colour; Rust decides
/// the bands so every view colours alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum UseLevel {
    /// The office does not open (weekday, closed date or public holiday).
    Closed,
    /// Open, nobody in.
    Empty,
    /// Under half the desks.
    Low,
    /// Half to under 80%.
    Medium,
    /// 80% to all desks.
    High,
    /// More reps than desks (the accepted days may predate a change).
    Over,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeskUseDay {
    pub date: NaiveDate,
    /// Reps with an accepted office day at this office on `date`.
    pub used: u32,
    /// The office does not open on `date`.
    pub closed: bool,
    /// The public holiday that closes it, by name.
    pub holiday: Option<String>,
    /// `used` of the desks in whole percent; `None` when closed or the
    /// office has no desks.
    pub percent: Option<u32>,
    pub level: UseLevel,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeskUse {
    pub office: String,
    pub name: String,
    pub desks: u32,
    /// Every date of the window, in order.
    pub days: Vec<DeskUseDay>,
    /// Desk-days used over the window (closed days included, should any
    /// office day fall on one).
    pub used: u32,
    /// Desk-days offered: desks × the days the office opens.
    pub capacity: u32,
    /// `used` of `capacity` in whole percent.
    pub percent: Option<u32>,
    /// The most reps in on one day.
    pub peak: u32,
}

fn level(used: u32, desks: u32, closed: bool) -> UseLevel {
    if closed {
        return UseLevel::Closed;
    }
    if used > desks {
        return UseLevel::Over;
    }
    if used == 0 {
        return UseLevel::Empty;
    }
    // used ≤ desks and desks > 0 here; compare in integers: used/desks < ½, < ⅘.
    if 2 * used < desks {
        UseLevel::Low
    } else if 5 * used < 4 * desks {
        UseLevel::Medium
    } else {
        UseLevel::High
    }
}

/// Each office's desk use over `window`, in `input.offices`' order.
pub fn desk_use(input: &ReportInput, window: ReportWindow) -> Vec<DeskUse> {
    let mut used: HashMap<(&str, NaiveDate), u32> = HashMap::new();
    for d in input.office_days {
        if window.week_of(d.date).is_some() {
            *used.entry((d.office.as_str(), d.date)).or_insert(0) += 1;
        }
    }
    input
        .offices
        .iter()
        .map(|o| {
            let days: Vec<DeskUseDay> = window
                .dates()
                .map(|date| {
                    let n = used.get(&(o.id.as_str(), date)).copied().unwrap_or(0);
                    let closed = !office_open(o, date);
                    DeskUseDay {
                        date,
                        used: n,
                        closed,
                        holiday: holidays::office_holiday(o, date).map(|h| h.name.to_string()),
                        percent: if closed { None } else { percent(n, o.desks) },
                        level: level(n, o.desks, closed),
                    }
                })
                .collect();
            let open = count(days.iter().filter(|d| !d.closed).count());
            let used: u32 = days.iter().map(|d| d.used).sum();
            let capacity = o.desks.saturating_mul(open);
            DeskUse {
                office: o.id.clone(),
                name: o.name.clone(),
                desks: o.desks,
                peak: days.iter().map(|d| d.used).max().unwrap_or(0),
                used,
                capacity,
                percent: percent(used, capacity),
                days,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_band_use_against_desks() {
        for (used, desks, closed, expected) in [
            (3, 10, true, UseLevel::Closed),
            (0, 10, false, UseLevel::Empty),
            (4, 10, false, UseLevel::Low),
            (5, 10, false, UseLevel::Medium),
            (7, 10, false, UseLevel::Medium),
            (8, 10, false, UseLevel::High),
            (10, 10, false, UseLevel::High),
            (11, 10, false, UseLevel::Over),
            (1, 0, false, UseLevel::Over),
            (0, 0, false, UseLevel::Empty),
        ] {
            assert_eq!(level(used, desks, closed), expected, "{used}/{desks}");
        }
    }
}
