//! App-wide commands: version and storage info, the whole team, time zones,
//! the sample team and the planning policy.

use meridian::model::Policy;
use meridian::{About, Changes};
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// The language the window shows (`en`, `de`, or a locale such as `de-AT`):
/// the texts Rust writes from now on (explanations, problems, errors) are in
/// it. A language without a catalogue means English.
#[tauri::command]
#[specta::specta]
pub async fn set_language(language: String) {
    meridian::i18n::set_language(
        meridian::i18n::Lang::from_tag(&language).unwrap_or(meridian::i18n::Lang::En),
    );
}

/// The app version, the bundled tzdata version and where the database lives.
#[tauri::command]
#[specta::specta]
pub async fn about(db: State<'_, Db>) -> Result<About, CommandError> {
    db.run(|core| Ok(core.about())).await
}

/// The IANA zone names the pickers offer.
#[tauri::command]
#[specta::specta]
pub async fn zone_names() -> Result<Vec<String>, CommandError> {
    Ok(meridian::tz::zone_names())
}

/// Holidays regions matching what the lead types (the region picker).
#[tauri::command]
#[specta::specta]
pub async fn search_regions(
    query: String,
    limit: u32,
) -> Result<Vec<meridian::holidays::RegionInfo>, CommandError> {
    Ok(meridian::api::screens::regions::search_regions(
        &query, limit,
    ))
}

/// A region's name and next holidays from `from` (the picker's preview).
#[tauri::command]
#[specta::specta]
pub async fn region_preview(
    code: String,
    from: chrono::NaiveDate,
) -> Result<meridian::api::screens::regions::RegionPreview, CommandError> {
    Ok(meridian::api::screens::regions::region_preview(
        &code, from,
    )?)
}

/// Replaces the stored team with the bundled sample team.
#[tauri::command]
#[specta::specta]
pub async fn load_sample_team(db: State<'_, Db>) -> Result<Changes, CommandError> {
    db.run(|core| core.load_sample_team()).await
}

/// Replaces the planning policy.
#[tauri::command]
#[specta::specta]
pub async fn update_policy(db: State<'_, Db>, policy: Policy) -> Result<Changes, CommandError> {
    db.run(move |core| core.update_policy(policy)).await
}
