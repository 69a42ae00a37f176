//! The facade's meeting calls: slot suggestions, booking, a rep's agenda and
//! the week calendars. Reads load only the reps asked about and their meetings.

use chrono::NaiveDate;

use super::items::duplicate;
use super::write::Changes;
use super::{invalid, Meridian};
use crate::error::{AppError, Problem};
use crate::io::scenario;
use crate::model::{MeetingRequest, Scenario};
use crate::plan::meeting::{self, MeetingAnswer};
use crate::plan::PlanError;
use crate::store;

impl Meridian {
    /// Answers the meeting requests stored with the team (all of them in
    /// document order, or the one with `id`).
    ///
    /// # Errors
    /// [`AppError::Plan`] with [`PlanError::UnknownRequest`] for an unknown id.
    pub fn suggest_stored_meetings(
        &self,
        id: Option<&str>,
    ) -> Result<Vec<MeetingAnswer>, AppError> {
        let sc = self.scenario()?;
        let reqs: Vec<&MeetingRequest> = match id {
            Some(id) => vec![sc
                .requests
                .meetings
                .iter()
                .find(|r| r.id == id)
                .ok_or_else(|| PlanError::UnknownRequest(id.to_string()))?],
            None => sc.requests.meetings.iter().collect(),
        };
        reqs.into_iter()
            .map(|r| meeting::suggest(&sc, r).map_err(AppError::from))
            .collect()
    }

    /// Suggests slots for an ad-hoc request over the stored team; the request
    /// is checked like one in a document (paths relative to it). Only the
    /// request's attendees and their meetings are read.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for a bad request.
    pub fn suggest_meeting(&self, request: MeetingRequest) -> Result<MeetingAnswer, AppError> {
        let people: Vec<String> = request
            .required
            .iter()
            .chain(&request.optional)
            .cloned()
            .collect();
        let sc = self.read(|c| {
            let known: scenario::IdSet = people
                .iter()
                .filter(|id| store::reps::rep_exists(c, id).unwrap_or(false))
                .cloned()
                .collect();
            let problems = scenario::check_meeting_request(&request, &known);
            if !problems.is_empty() {
                return Err(invalid("request", problems));
            }
            Ok(store::load_for_reps(c, &people, false)?)
        })?;
        Ok(meeting::suggest(&sc, &request)?)
    }

    /// Books a suggestion (or a fair plan) as meetings in one step: all of
    /// them are stored or none.
    ///
    /// # Errors
    /// [`AppError::DuplicateId`] when an id is taken, [`AppError::Invalid`]
    /// for a bad start, zone or attendee.
    pub fn book_meeting(&mut self, booking: meeting::Booking) -> Result<Changes, AppError> {
        let meetings = meeting::booked_meetings(&booking).map_err(|message| {
            invalid(
                "booking",
                vec![Problem {
                    path: "starts".to_string(),
                    message,
                }],
            )
        })?;
        let summary = format!("booked {}", booking.title);
        Ok(self
            .write(&summary, |tx| {
                for m in &meetings {
                    if store::meetings::get_meeting(tx.conn, &m.id)?.is_some() {
                        return Err(duplicate("meeting", &m.id));
                    }
                    let problems = super::Item::check(m, tx.conn)?;
                    if !problems.is_empty() {
                        return Err(invalid("booking", problems));
                    }
                    tx.put_meeting(m)?;
                }
                Ok(())
            })?
            .1)
    }

    /// A rep's agenda (contract §5) over the local dates `[from, to]` in
    /// their zone. Reads the rep, their meetings and office days only.
    ///
    /// # Errors
    /// [`PlanError::UnknownRep`], [`PlanError::Dates`] for backward dates.
    pub fn agenda(
        &self,
        rep: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<crate::plan::agenda::Agenda, AppError> {
        let sc = self.partial(&[rep.to_string()], false)?;
        Ok(crate::plan::agenda::agenda(&sc, rep, from, to)?)
    }

    /// The calendar of `reps` over the dates `[from, to]` of the display
    /// zone `zone`, as wall-clock events for the week screens
    /// ([`crate::plan::week`]). Reads those reps, their meetings and the
    /// meetings' other attendees.
    ///
    /// # Errors
    /// [`PlanError::UnknownRep`], [`PlanError::Zone`] for an unknown zone,
    /// [`PlanError::Dates`] for a backwards or too long span.
    pub fn calendar_view(
        &self,
        reps: &[&str],
        from: NaiveDate,
        to: NaiveDate,
        zone: &str,
        opts: crate::plan::week::ViewOptions,
    ) -> Result<crate::plan::week::CalendarView, AppError> {
        let ids: Vec<String> = reps.iter().map(|r| r.to_string()).collect();
        let sc = self.partial(&ids, true)?;
        Ok(crate::plan::week::calendar_view(
            &sc, reps, from, to, zone, opts,
        )?)
    }

    fn partial(&self, reps: &[String], co_attendees: bool) -> Result<Scenario, AppError> {
        self.read(|c| Ok(store::load_for_reps(c, reps, co_attendees)?))
    }
}
