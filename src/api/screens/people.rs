//! The People list: reps sorted by name, filtered by a search box and a
//! team, one page at a time, with their team's and office's names.

use serde::{Deserialize, Serialize};

use super::{matches, words, Page, Window};
use crate::api::Meridian;
use crate::error::AppError;
use crate::rules::limits;
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

/// Someone a request can name: id, name and zone (what a picker shows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamMember {
    pub id: String,
    pub name: String,
    pub time_zone: String,
}

/// A team's members, sorted by name, at most a request's attendee limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamMembers {
    pub members: Vec<TeamMember>,
    /// Members the team has in all (more than `members` when over the limit).
    pub total: u32,
}

impl Meridian {
    /// The members of `team` a request may name, sorted by name (then id),
    /// cut at [`limits::ATTENDEES`], read in one snapshot: "add a whole
    /// team" asks once instead of paging the team into the web view.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn team_members(&self, team: &str) -> Result<TeamMembers, AppError> {
        self.read(|c| {
            let mut members: Vec<TeamMember> = store::reps::list_rep_lines(c)?
                .into_iter()
                .filter(|r| r.team.as_deref() == Some(team))
                .map(|r| TeamMember {
                    id: r.id,
                    name: r.name,
                    time_zone: r.time_zone,
                })
                .collect();
            members.sort_by_cached_key(|m| (m.name.to_lowercase(), m.id.clone()));
            let total = u32::try_from(members.len()).unwrap_or(u32::MAX);
            members.truncate(limits::ATTENDEES);
            Ok(TeamMembers { members, total })
        })
    }

    /// Reps matching `query`, sorted by name (then id), one page of them.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn people(&self, query: &PeopleQuery, window: Window) -> Result<Page<PersonRow>, AppError> {
        self.read(|c| {
            let (teams, offices) = super::team_and_office_names(c)?;
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
