//! The facade's meeting calls: slot suggestions, booking, a rep's agenda and
//! the week calendars. Reads load only the reps asked about and their meetings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::items::duplicate;
use super::write::Changes;
use super::{invalid, Meridian};
use crate::error::{AppError, Problem};
use crate::io::scenario;
use crate::model::{MeetingRequest, Scenario};
use crate::plan::meeting::{self, ListOrder, MeetingAnswer};
use crate::plan::PlanError;
use crate::store;

/// A booking as the app's form sends it: the meeting id is made from the
/// title ([`Meridian::book_new_meeting`]), so nobody types one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewBooking {
    pub title: String,
    /// The organiser's zone: the meeting recurs at the same wall-clock time there.
    pub time_zone: String,
    pub duration_minutes: u32,
    /// Required and optional attendees together.
    pub attendees: Vec<String>,
    /// UTC starts: one for a single meeting or a weekly series, one per
    /// week for a fair plan.
    pub starts: Vec<String>,
    /// With one start: repeat weekly this many times (1 = a single meeting).
    pub weeks: u32,
}

/// An id from a title: lower-case ASCII letters and digits, runs of
/// anything else (accented letters included) as one `-`,
/// at most 40 characters; `meeting` when nothing is left.
pub(crate) fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "meeting".to_string()
    } else {
        out
    }
}

impl Meridian {
    /// Answers the meeting requests stored with the team (all of them in
    /// document order, or the one with `id`), each list chosen as `order` says.
    ///
    /// # Errors
    /// [`AppError::Plan`] with [`PlanError::UnknownRequest`] for an unknown id.
    pub fn suggest_stored_meetings(
        &self,
        id: Option<&str>,
        order: ListOrder,
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
            .map(|r| meeting::suggest_listed(&sc, r, order).map_err(AppError::from))
            .collect()
    }

    /// Suggests slots for an ad-hoc request over the stored team; the request
    /// is checked like one in a document (paths relative to it). Only the
    /// request's attendees and their meetings are read. The app asks for the
    /// varied list; the contract's answer is the exact one.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for a bad request.
    pub fn suggest_meeting(
        &self,
        request: MeetingRequest,
        order: ListOrder,
    ) -> Result<MeetingAnswer, AppError> {
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
        let mut answer = meeting::suggest_listed(&sc, &request, order)?;
        answer.fewer_than_asked = meeting::fewer_than_asked(&sc, &request, &answer)?;
        Ok(answer)
    }

    /// Books a suggestion (or a fair plan) as meetings in one step: all of
    /// them are stored or none.
    ///
    /// # Errors
    /// [`AppError::DuplicateId`] when an id is taken, [`AppError::Invalid`]
    /// for a bad start, zone or attendee.
    pub fn book_meeting(&mut self, booking: meeting::Booking) -> Result<Changes, AppError> {
        self.book(booking, false)
    }

    /// Books a suggestion (or a fair plan) under an id made from its title:
    /// `Pipeline review` → `pipeline-review`, or `pipeline-review-2`… when
    /// that id (or a week's `-w2`…) is taken; chosen inside the write, so
    /// two bookings never race for one id.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for an empty title, a bad start, zone or attendee.
    ///
    /// # Example
    /// ```
    /// use meridian::api::NewBooking;
    /// let mut core = meridian::Meridian::open_in_memory().unwrap();
    /// core.load_sample_team().unwrap();
    /// let booking = NewBooking {
    ///     title: "Pipeline review".into(), time_zone: "Europe/London".into(),
    ///     duration_minutes: 30, attendees: vec!["kai".into()],
    ///     starts: vec!["2026-12-01T15:00:00Z".into()], weeks: 1,
    /// };
    /// let changes = core.book_new_meeting(booking.clone()).unwrap();
    /// assert_eq!(changes.meetings[0].item.id, "pipeline-review");
    /// let again = core.book_new_meeting(booking).unwrap();
    /// assert_eq!(again.meetings[0].item.id, "pipeline-review-2");
    /// ```
    pub fn book_new_meeting(&mut self, booking: NewBooking) -> Result<Changes, AppError> {
        if booking.title.trim().is_empty() {
            return Err(invalid(
                "booking",
                vec![Problem {
                    path: "title".to_string(),
                    message: crate::tr!("api-booking-no-title"),
                }],
            ));
        }
        self.book(
            meeting::Booking {
                id: String::new(),
                title: booking.title.trim().to_string(),
                time_zone: booking.time_zone,
                duration_minutes: booking.duration_minutes,
                attendees: booking.attendees,
                starts: booking.starts,
                weeks: booking.weeks,
            },
            true,
        )
    }

    /// Stores a booking; with `pick_id` its id is made from the title inside
    /// the write transaction.
    fn book(&mut self, mut booking: meeting::Booking, pick_id: bool) -> Result<Changes, AppError> {
        let meetings = meeting::booked_meetings(&booking).map_err(|message| {
            invalid(
                "booking",
                vec![Problem {
                    path: "starts".to_string(),
                    message,
                }],
            )
        })?;
        let summary = crate::tr!("api-log-booked", title = booking.title.as_str());
        Ok(self
            .write(&summary, |tx| {
                tx.describe(crate::tr!("api-undo-book", title = booking.title.as_str()));
                let mut meetings = meetings;
                if pick_id {
                    let base = slug(&booking.title);
                    let weeks = meetings.len();
                    let free = |id: &str| -> Result<bool, AppError> {
                        for w in 0..weeks {
                            let m = if w == 0 {
                                id.to_string()
                            } else {
                                format!("{id}-w{}", w + 1)
                            };
                            if store::meetings::get_meeting(tx.conn, &m)?.is_some() {
                                return Ok(false);
                            }
                        }
                        Ok(true)
                    };
                    let mut id = base.clone();
                    let mut n = 2;
                    while !free(&id)? {
                        id = format!("{base}-{n}");
                        n += 1;
                    }
                    booking.id = id;
                    meetings = meeting::booked_meetings(&booking).map_err(|message| {
                        invalid(
                            "booking",
                            vec![Problem {
                                path: "starts".to_string(),
                                message,
                            }],
                        )
                    })?;
                }
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
