//! The People list: reps sorted by name, filtered by a search box and a
//! team, one page at a time, with their team's and office's names.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{matches, words, Page, Window};
use crate::api::Meridian;
use crate::error::AppError;
use crate::store;

/// Which team's reps a list shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum TeamFilter {
    #[default]
    All,
    /// Reps in no team.
    NoTeam,
    Team(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeopleQuery {
    /// Words that must each appear in the name, id, zone, team, office
    /// ("remote" for no office) or skills.
    pub search: String,
    pub team: TeamFilter,
}

/// One rep as a list row shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonRow {
    pub id: String,
    pub name: String,
    pub team: Option<String>,
    pub team_name: Option<String>,
    pub office: Option<String>,
    pub office_name: Option<String>,
    pub time_zone: String,
    pub skills: Vec<String>,
    pub revision: i64,
}

impl Meridian {
    /// Reps matching `query`, sorted by name (then id), one page of them.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn people(&self, query: &PeopleQuery, window: Window) -> Result<Page<PersonRow>, AppError> {
        self.read(|c| {
            let teams: HashMap<String, String> = store::teams::list_teams(c)?
                .into_iter()
                .map(|s| (s.item.id, s.item.name))
                .collect();
            let offices: HashMap<String, String> = store::offices::list_offices(c)?
                .into_iter()
                .map(|s| (s.item.id, s.item.name))
                .collect();
            let words = words(&query.search);
            let mut rows: Vec<PersonRow> = store::reps::list_rep_cards(c)?
                .into_iter()
                .filter(|rep| match &query.team {
                    TeamFilter::All => true,
                    TeamFilter::NoTeam => rep.team.is_none(),
                    TeamFilter::Team(t) => rep.team.as_deref() == Some(t.as_str()),
                })
                .filter_map(|rep| {
                    let team_name = rep.team.as_ref().and_then(|t| teams.get(t)).cloned();
                    let office_name = rep.office.as_ref().and_then(|o| offices.get(o)).cloned();
                    let mut fields = vec![
                        rep.name.as_str(),
                        rep.id.as_str(),
                        rep.time_zone.as_str(),
                        team_name.as_deref().unwrap_or(""),
                        office_name.as_deref().unwrap_or("remote"),
                    ];
                    fields.extend(rep.skills.iter().map(String::as_str));
                    if !matches(&words, &fields) {
                        return None;
                    }
                    Some(PersonRow {
                        team_name,
                        office_name,
                        id: rep.id,
                        name: rep.name,
                        team: rep.team,
                        office: rep.office,
                        time_zone: rep.time_zone,
                        skills: rep.skills,
                        revision: rep.revision,
                    })
                })
                .collect();
            rows.sort_by_cached_key(|r| (r.name.to_lowercase(), r.id.clone()));
            Ok(window.page(rows, store::changes::counter(c)?))
        })
    }
}
