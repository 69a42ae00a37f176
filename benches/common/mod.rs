//! What the benches share: the project's one seeded generator
//! ([`meridian::plan::rng::Rng`]), so every run builds the same teams with
//! no dependency, and the draws the teams are built from.

pub use meridian::plan::rng::Rng;

/// Draws on top of [`Rng::below`] that only the benches need.
// Each bench binary uses its own subset of these.
#[allow(dead_code)]
pub trait Draw {
    fn chance(&mut self, percent: usize) -> bool;
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T;
    /// An index drawn with the given weights.
    fn weighted(&mut self, weights: &[usize]) -> usize;
}

impl Draw for Rng {
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut x = self.below(weights.iter().sum());
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

// Only the rotation benches build teams with office days; the other benches
// include this module without using it.
#[allow(dead_code)]
pub mod rotation_team;

/// The public-holidays region of a zone's main city, for the benches that
/// measure what the holiday lookup costs (issue 15); `None` for zones the
/// benches do not use.
#[allow(dead_code)]
pub fn region_of_zone(zone: &str) -> Option<&'static str> {
    Some(match zone {
        "Europe/London" => "GB-ENG",
        "Europe/Berlin" => "DE-BE",
        "Europe/Paris" => "FR",
        "Europe/Madrid" => "ES-MD",
        "Europe/Warsaw" => "PL",
        "America/New_York" => "US-NY",
        "America/Chicago" => "US-IL",
        "America/Denver" => "US-CO",
        "America/Los_Angeles" => "US-CA",
        "America/Toronto" => "CA-ON",
        "America/Sao_Paulo" => "BR-SP",
        "America/Mexico_City" => "MX",
        "Asia/Dubai" => "AE",
        "Asia/Jerusalem" => "IL",
        "Africa/Johannesburg" => "ZA",
        "Asia/Kolkata" => "IN-KA",
        "Asia/Singapore" => "SG",
        "Asia/Tokyo" => "JP",
        "Australia/Sydney" => "AU-NSW",
        "Pacific/Auckland" => "NZ-AUK",
        "Asia/Kathmandu" => "NP",
        "Asia/Shanghai" => "CN",
        _ => return None,
    })
}

/// Gives every office (and every rep without an office) of a team document
/// the region of its zone: the same team, with public holidays.
#[allow(dead_code)]
pub fn with_holidays(mut doc: serde_json::Value) -> serde_json::Value {
    for key in ["offices", "reps"] {
        // `get_mut`: indexing would add the key as null.
        let Some(items) = doc.get_mut(key).and_then(serde_json::Value::as_array_mut) else {
            continue;
        };
        for item in items {
            let remote = key == "reps" && item.get("office").is_none_or(serde_json::Value::is_null);
            if key == "offices" || remote {
                let zone = item["time_zone"].as_str().unwrap_or("");
                if let Some(region) = region_of_zone(zone) {
                    item["holidays"] = serde_json::Value::from(region);
                }
            }
        }
    }
    doc
}

/// The team of [`with_holidays`] with each public holiday from `from` to
/// `to` typed in by hand instead: offices' as `closed_dates`, reps' as
/// `time_off`, and no `holidays` field. The same plans; the difference in
/// time is what looking holidays up costs.
#[allow(dead_code)]
pub fn holidays_typed_in(
    mut doc: serde_json::Value,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> serde_json::Value {
    use meridian::holidays::Region;
    use serde_json::{json, Value};
    let mut office_region = std::collections::HashMap::new();
    if let Some(offices) = doc.get_mut("offices").and_then(Value::as_array_mut) {
        for o in offices {
            let Some(code) = o.get("holidays").and_then(Value::as_str).map(str::to_owned) else {
                continue;
            };
            let id = o["id"].as_str().unwrap_or("").to_owned();
            let region = Region::find(&code).unwrap_or_else(|| panic!("bench region {code}"));
            office_region.insert(id, region);
            let mut closed: Vec<Value> = o
                .get("closed_dates")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            closed.extend(region.between(from, to).map(|h| json!(h.date.to_string())));
            o["closed_dates"] = Value::from(closed);
            if let Some(map) = o.as_object_mut() {
                map.remove("holidays");
            }
        }
    }
    if let Some(reps) = doc.get_mut("reps").and_then(Value::as_array_mut) {
        for r in reps {
            let own = r
                .get("holidays")
                .and_then(Value::as_str)
                .and_then(Region::find);
            let home = r
                .get("office")
                .and_then(Value::as_str)
                .and_then(|o| office_region.get(o));
            let Some(region) = own.or(home.copied()) else {
                continue;
            };
            let mut off: Vec<Value> = r
                .get("time_off")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            // Dates as text order as dates; blocks may not overlap.
            let inside = |d: &str, blocks: &[Value]| {
                blocks.iter().any(|b| {
                    b["start"].as_str().is_some_and(|s| s <= d)
                        && b["end"].as_str().is_some_and(|e| d <= e)
                })
            };
            let typed: Vec<Value> = region
                .between(from, to)
                .map(|h| h.date.to_string())
                .filter(|d| !inside(d, &off))
                .map(|d| json!({"start": d, "end": d}))
                .collect();
            off.extend(typed);
            r["time_off"] = Value::from(off);
            if let Some(map) = r.as_object_mut() {
                map.remove("holidays");
            }
        }
    }
    doc
}
