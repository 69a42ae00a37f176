//! The holidays region picker of the office and rep forms: regions found by
//! what the lead types, and a region's next holidays as a preview. Neither
//! reads the database: the table is bundled.

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{AppError, Problem};
use crate::holidays::{self, Holiday, Region, RegionInfo};
use crate::io::scenario::ScenarioError;

/// At most this many regions per answer: a picker shows a screenful.
pub const MAX_REGIONS: usize = 50;
/// Holidays a preview shows.
pub const PREVIEW_HOLIDAYS: usize = 3;

/// A region and its next holidays from a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RegionPreview {
    pub region: RegionInfo,
    /// The next [`PREVIEW_HOLIDAYS`] holidays on or after the date asked
    /// for; fewer near the end of the bundled years.
    pub next: Vec<Holiday>,
    /// The python-holidays release and the years the data covers, for the
    /// note under the picker.
    pub source: String,
}

/// Regions whose code, name or country holds every word of `query`, exact
/// codes first, then countries, then subdivisions, at most `limit`
/// (capped at [`MAX_REGIONS`]).
pub fn search_regions(query: &str, limit: u32) -> Vec<RegionInfo> {
    let limit = usize::try_from(limit)
        .unwrap_or(MAX_REGIONS)
        .min(MAX_REGIONS);
    holidays::search(query, limit)
}

/// The region `code` names and its next holidays from `from`.
///
/// # Errors
/// [`AppError::Invalid`] for a code that names no region, with the nearest
/// codes.
pub fn region_preview(code: &str, from: NaiveDate) -> Result<RegionPreview, AppError> {
    let found = (code.chars().count() <= crate::rules::limits::REGION_CHARS)
        .then(|| Region::find(code))
        .flatten();
    let Some(region) = found else {
        let shown = format!(
            "{:?}",
            code.chars()
                .take(crate::rules::limits::REGION_CHARS)
                .collect::<String>()
        );
        let message = if code.chars().count() <= crate::rules::limits::REGION_CHARS {
            crate::tr!(
                "api-region-unknown-near",
                code = shown,
                nearest = holidays::nearest(code, 3).join(", ")
            )
        } else {
            crate::tr!("api-region-unknown", code = shown)
        };
        return Err(AppError::Invalid(ScenarioError {
            file: "holidays".to_string(),
            problems: vec![Problem {
                path: "holidays".to_string(),
                message,
            }],
        }));
    };
    let (first, last) = holidays::years();
    let to = NaiveDate::from_ymd_opt(last, 12, 31).unwrap_or(from);
    Ok(RegionPreview {
        region: region.info(),
        next: region.between(from, to).take(PREVIEW_HOLIDAYS).collect(),
        source: format!(
            "python-holidays {}, {first}–{last}",
            holidays::data_version()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preview_shows_the_next_three_holidays() {
        let from = NaiveDate::from_ymd_opt(2026, 12, 20).expect("date");
        let p = region_preview("gb-eng", from).expect("known");
        assert_eq!(p.region.code, "GB-ENG");
        let names: Vec<&str> = p.next.iter().map(|h| h.name).collect();
        assert_eq!(
            names,
            ["Christmas Day", "Boxing Day", "Boxing Day (observed)"]
        );
        let err = region_preview("GB-ENGLAND", from).expect_err("unknown");
        assert!(err.to_string().contains("GB-ENG"), "{err}");
        assert!(search_regions("", 1000).len() <= MAX_REGIONS);
    }

    #[test]
    fn an_unknown_region_is_named_in_german() {
        use crate::i18n::{with_language, Lang};
        let from = NaiveDate::from_ymd_opt(2026, 12, 20).expect("date");
        let err = region_preview("GB-ENGLAND", from).expect_err("unknown");
        let en = err.problems()[0].message.clone();
        assert!(
            en.starts_with("unknown holidays region \"GB-ENGLAND\"; the nearest are "),
            "{en}"
        );
        let de = with_language(Lang::De, || {
            region_preview("GB-ENGLAND", from)
                .expect_err("unknown")
                .problems()[0]
                .message
                .clone()
        });
        assert!(
            de.starts_with("unbekannte Feiertagsregion \"GB-ENGLAND\"; am nächsten kommen "),
            "{de}"
        );
    }
}
