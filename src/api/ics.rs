//! The facade's calendar interop (`Meridian::export_ics`,
//! `Meridian::preview_ics_busy`, `Meridian::import_ics_busy`): thin calls
//! into [`crate::io::ics`], with its errors mapped to [`AppError`].

use chrono::{DateTime, NaiveDate, Utc};

use super::items::not_found;
use super::Meridian;
use super::{Changes, Item};
use crate::error::{AppError, Problem};
use crate::io::ics::export::{self, ExportError, IcsScope};
use crate::io::ics::import::{self, IcsPreview};
use crate::io::scenario::ScenarioError;
use crate::plan::PlanError;
use crate::store::{self, changes::ItemKind};

impl Meridian {
    /// The stored calendar of one rep or one team as iCalendar text
    /// (RFC 5545), with `stamp` as every event's `DTSTAMP` (the desktop
    /// passes now; tests pass a fixed instant).
    ///
    /// # Errors
    /// [`AppError::NotFound`] for an unknown rep or team,
    /// [`AppError::Storage`].
    pub fn export_ics(&self, scope: IcsScope, stamp: DateTime<Utc>) -> Result<String, AppError> {
        let sc = self.scenario()?;
        export::write_calendar(&sc, &scope, stamp).map_err(|e| match e {
            ExportError::UnknownRep(id) => not_found("rep", &id),
            ExportError::UnknownTeam(id) => not_found("team", &id),
            ExportError::Meeting { meeting, message } => {
                AppError::Plan(PlanError::Rule { meeting, message })
            }
        })
    }

    /// The file name a save dialog should offer for `scope`
    /// (`meridian-rep-ana.ics`).
    pub fn ics_file_name(scope: &IcsScope) -> String {
        export::file_name(scope)
    }
}

impl Meridian {
    /// What importing `text` (an `.ics` file from Google Calendar, Outlook…)
    /// as busy times of `rep` would store, with rules expanded around
    /// `today`: the meetings, the problems (line and reason) and the
    /// events left out (free, cancelled, past). Nothing is stored.
    ///
    /// # Errors
    /// [`AppError::NotFound`] for an unknown rep; [`AppError::Invalid`]
    /// (problem path `line N`) when the file cannot be read at all.
    pub fn preview_ics_busy(
        &self,
        rep: &str,
        text: &str,
        today: NaiveDate,
    ) -> Result<IcsPreview, AppError> {
        let sc = self.scenario()?;
        let r = sc
            .reps
            .iter()
            .find(|r| r.id == rep)
            .ok_or_else(|| not_found("rep", rep))?;
        import::read_busy(text, rep, &r.time_zone, today).map_err(|e| {
            invalid(vec![Problem {
                path: line_path(e.line()),
                message: e.to_string(),
            }])
        })
    }

    /// Stores the busy times of `text` as meetings of `rep` (see
    /// [`Meridian::preview_ics_busy`]): new ones are added, ones an
    /// earlier import of the same events stored are replaced, cancelled
    /// ones removed; all or nothing. With problems in the file it refuses
    /// unless `skip_bad` (the user agreed to leave those events out).
    ///
    /// # Errors
    /// [`AppError::Invalid`] listing every problem as `line N` and its
    /// reason when `skip_bad` is false, or when the result breaks a rule;
    /// [`AppError::NotFound`] for an unknown rep.
    pub fn import_ics_busy(
        &mut self,
        rep: &str,
        text: &str,
        today: NaiveDate,
        skip_bad: bool,
    ) -> Result<Changes, AppError> {
        let preview = self.preview_ics_busy(rep, text, today)?;
        if !preview.problems.is_empty() && !skip_bad {
            return Err(invalid(
                preview
                    .problems
                    .iter()
                    .map(|p| Problem {
                        path: line_path(p.line),
                        message: p.message.clone(),
                    })
                    .collect(),
            ));
        }
        let summary = crate::tr!("api-log-imported-busy", rep = rep);
        Ok(self
            .write(&summary, |tx| {
                for id in &preview.cancelled_ids {
                    tx.capture(ItemKind::Meeting, id)?;
                    if store::meetings::delete_meeting(tx.conn, id)? {
                        tx.removed(ItemKind::Meeting, id);
                    }
                }
                for busy in &preview.events {
                    let problems = Item::check(&busy.meeting, tx.conn)?;
                    if !problems.is_empty() {
                        return Err(invalid(problems));
                    }
                    tx.put_meeting(&busy.meeting)?;
                }
                Ok(())
            })?
            .1)
    }
}

fn line_path(line: u32) -> String {
    if line == 0 {
        String::new()
    } else {
        format!("line {line}")
    }
}

fn invalid(problems: Vec<Problem>) -> AppError {
    AppError::Invalid(ScenarioError {
        file: "calendar file".to_string(),
        problems,
    })
}
