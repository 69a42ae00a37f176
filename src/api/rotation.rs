//! The facade's office-day calls: plan, explain a plan's rep-weeks on
//! demand, the stored window and locks, and accepting a plan as the saved
//! office days.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;

use super::items::not_found;
use super::write::{Changes, Tx};
use super::{invalid, Meridian};
use crate::error::{AppError, Problem};
use crate::io::scenario;
use crate::model::{Lock, Office, OfficeDay, Rep, RotationRequest, Scenario};
use crate::plan::ledger;
use crate::plan::rotation::{self, Explanations, RepWeek, RotationAnswer};
use crate::plan::PlanError;
use crate::store;

/// A plan of the stored team as the app holds it until it is accepted.
#[derive(Debug, Clone)]
pub struct RotationRun {
    pub answer: RotationAnswer,
    /// The change counter of the team it planned.
    pub counter: i64,
    /// The locks it was planned with (the lead's inside its weeks, and the
    /// accepted past the run fixed): what its explanations say "locked in"
    /// from.
    pub locks: Vec<Lock>,
}

impl Meridian {
    /// Plans the stored rotation request.
    ///
    /// # Errors
    /// [`AppError::Plan`] with [`PlanError::MissingRequest`] when none is stored.
    pub fn rotate_stored(&self) -> Result<RotationAnswer, AppError> {
        Ok(rotation::rotate_stored(&self.scenario()?)?)
    }

    /// Plans office days over the stored team with the stored locks: the
    /// stored rotation window unless `from`/`weeks` say otherwise (locks
    /// outside the window are left out), for one office or all.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for a window the contract refuses,
    /// [`PlanError::MissingRequest`] when no window is given or stored,
    /// [`PlanError::UnknownOffice`].
    pub fn plan_rotation(
        &self,
        from: Option<NaiveDate>,
        weeks: Option<u32>,
        office: Option<&str>,
    ) -> Result<RotationAnswer, AppError> {
        self.plan_rotation_from(from, weeks, office, None, &AtomicBool::new(false))
    }

    /// [`Meridian::plan_rotation`] as the app runs it: days before `today`
    /// have happened, so the accepted office days on them are fixed (as
    /// lock-ins the run alone sees, where rule 1 and the lead's own locks
    /// allow) and count toward the week's policy and desks; the app then
    /// shows and saves only the plan's days from `today` on (see
    /// [`Meridian::accept_rotation_from`]). `cancel` stops the run.
    ///
    /// # Errors
    /// As [`Meridian::plan_rotation`], and [`PlanError::Cancelled`].
    pub fn plan_rotation_from(
        &self,
        from: Option<NaiveDate>,
        weeks: Option<u32>,
        office: Option<&str>,
        today: Option<NaiveDate>,
        cancel: &AtomicBool,
    ) -> Result<RotationAnswer, AppError> {
        Ok(self
            .plan_rotation_at(from, weeks, office, today, cancel)?
            .answer)
    }

    /// [`Meridian::plan_rotation_from`] with the change counter of the team
    /// it planned (read in the same snapshot), for
    /// [`Meridian::accept_rotation_at`] to refuse the plan once the team
    /// has changed since, and the locks it kept, for
    /// [`Meridian::rotation_explanation`].
    ///
    /// # Errors
    /// As [`Meridian::plan_rotation_from`].
    pub fn plan_rotation_at(
        &self,
        from: Option<NaiveDate>,
        weeks: Option<u32>,
        office: Option<&str>,
        today: Option<NaiveDate>,
        cancel: &AtomicBool,
    ) -> Result<RotationRun, AppError> {
        let (sc, counter) =
            self.read(|c| Ok((store::load_scenario(c)?, store::changes::counter(c)?)))?;
        let stored = sc.requests.rotation.clone();
        let from = match (from, &stored) {
            (Some(f), _) => f,
            (None, Some(r)) => r.from,
            (None, None) => return Err(PlanError::MissingRequest("rotation").into()),
        };
        let weeks = weeks.or(stored.as_ref().map(|r| r.weeks)).unwrap_or(4);
        let req = window(stored, from, weeks);
        // The stored locks passed the rules when stored; only the window is new.
        let problems = scenario::check_rotation_request(
            &RotationRequest {
                locks: Vec::new(),
                ..req.clone()
            },
            &[],
            &[],
        );
        if !problems.is_empty() {
            return Err(invalid("request", problems));
        }
        let mut req = req;
        if let Some(today) = today {
            req.locks.extend(past_locks(&sc, &req, today));
        }
        let fairness = app_fairness(&sc, today);
        let answer = rotation::rotate_office_fair(&sc, &req, office, cancel, fairness.as_ref())?;
        Ok(RotationRun {
            answer,
            counter,
            locks: req.locks,
        })
    }

    /// Every rep-week of `plan` (a plan of the stored team, as
    /// [`Meridian::plan_rotation`] or [`Meridian::rotate_stored`] made it)
    /// explained, handed to `with` one at a time in the answer's order, so
    /// a caller writes them out without holding them all (the CLI's
    /// `--explain`). The locks are the stored ones inside the plan's weeks,
    /// as the plan was made with.
    ///
    /// # Errors
    /// [`AppError::Storage`], [`AppError::Plan`] when a meeting's rule or
    /// zone cannot be resolved, and what `with` returns.
    pub fn explain_rotation<T>(
        &self,
        plan: &RotationAnswer,
        with: impl FnOnce(Explanations<'_>) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let sc = self.scenario()?;
        let locks = window(sc.requests.rotation.clone(), plan.from, plan.weeks).locks;
        let explanations = Explanations::new(&sc, plan, &locks)?;
        with(explanations)
    }

    /// Why `rep` is in on the days `plan` gives them in the ISO week holding
    /// `date` (the board's "why" for a selected day), from the plan's
    /// assignments, the `locks` it was planned with (see [`RotationRun`])
    /// and what is stored about the rep: their team, teammates and office,
    /// the policy and their in-person meetings, read in one snapshot. Only
    /// that rep-week is computed.
    ///
    /// `None` when the plan is infeasible or does not cover the rep or the
    /// date, or the rep is gone.
    ///
    /// # Errors
    /// [`AppError::Storage`], [`AppError::Plan`] when a meeting's rule or
    /// zone cannot be resolved.
    pub fn rotation_explanation(
        &self,
        plan: &RotationAnswer,
        locks: &[Lock],
        rep: &str,
        date: NaiveDate,
    ) -> Result<Option<RepWeek>, AppError> {
        let Some(sc) = self.read(|c| rep_week_part(c, rep))? else {
            return Ok(None);
        };
        Ok(rotation::explain_rep_week(&sc, plan, locks, rep, date)?)
    }

    /// Sets the weeks the rotation covers; locks outside them are dropped
    /// (the lead moved on from those weeks).
    ///
    /// # Errors
    /// [`AppError::Invalid`] for a window the contract refuses.
    pub fn set_rotation_window(
        &mut self,
        from: NaiveDate,
        weeks: u32,
    ) -> Result<Changes, AppError> {
        let summary = crate::tr!("api-log-window", weeks = weeks, from = from.to_string());
        Ok(self
            .write(&summary, |tx| {
                tx.describe(crate::tr!(
                    "api-undo-window",
                    weeks = weeks,
                    from = from.to_string()
                ));
                let mut requests = store::requests::get_requests(tx.conn)?;
                let req = window(requests.rotation.take(), from, weeks);
                store_rotation(tx, requests, req)
            })?
            .1)
    }

    /// Locks a rep in (`Some(true)`) or out (`Some(false)`) of the office on
    /// a date of the stored rotation window, or releases the lock (`None`).
    ///
    /// # Errors
    /// [`PlanError::MissingRequest`] when no window is stored,
    /// [`AppError::Invalid`] when the lock breaks a rule (e.g. the office is
    /// closed that day) or lies outside the window.
    pub fn set_rotation_lock(
        &mut self,
        rep: &str,
        date: NaiveDate,
        in_office: Option<bool>,
    ) -> Result<Changes, AppError> {
        let summary = crate::tr!("api-log-lock", rep = rep, date = date.to_string());
        Ok(self
            .write(&summary, |tx| {
                if !store::reps::rep_exists(tx.conn, rep)? {
                    return Err(not_found("rep", rep));
                }
                let mut requests = store::requests::get_requests(tx.conn)?;
                let mut req = requests
                    .rotation
                    .take()
                    .ok_or(PlanError::MissingRequest("rotation"))?;
                req.locks.retain(|l| !(l.rep == rep && l.date == date));
                if let Some(in_office) = in_office {
                    req.locks.push(Lock {
                        rep: rep.to_string(),
                        date,
                        in_office,
                    });
                }
                req.locks
                    .sort_by(|a, b| (a.date, &a.rep).cmp(&(b.date, &b.rep)));
                store_rotation(tx, requests, req)
            })?
            .1)
    }

    /// Saves a plan as the accepted office days: the stored office days of
    /// the plan's weeks (of its office's reps, when the plan is for one
    /// office) are replaced by the plan's, all or nothing.
    ///
    /// # Errors
    /// [`AppError::Invalid`] when an assignment breaks a rule (paths
    /// `assignments[3].office`).
    pub fn accept_rotation(&mut self, plan: &RotationAnswer) -> Result<Changes, AppError> {
        self.accept_rotation_from(plan, None)
    }

    /// [`Meridian::accept_rotation`] that leaves days before `today` as they
    /// were accepted: the plan's assignments on them are not saved and the
    /// stored office days on them stay (the past is not re-planned).
    ///
    /// # Errors
    /// As [`Meridian::accept_rotation`].
    pub fn accept_rotation_from(
        &mut self,
        plan: &RotationAnswer,
        today: Option<NaiveDate>,
    ) -> Result<Changes, AppError> {
        self.accept_rotation_at(plan, today, None)
    }

    /// [`Meridian::accept_rotation_from`] that, given the change counter
    /// the plan was made at (see [`Meridian::plan_rotation_at`]), refuses
    /// the plan when the counter read inside the accepting write differs.
    ///
    /// # Errors
    /// As [`Meridian::accept_rotation`], and [`AppError::StalePlan`] when
    /// the team changed since the plan was made.
    pub fn accept_rotation_at(
        &mut self,
        plan: &RotationAnswer,
        today: Option<NaiveDate>,
        expected_counter: Option<i64>,
    ) -> Result<Changes, AppError> {
        let (monday, last) = scenario::rotation_days(plan.from, plan.weeks.max(1));
        let first = today.map_or(monday, |t| t.max(monday));
        let summary = crate::tr!(
            "api-log-accepted",
            first = first.to_string(),
            last = last.to_string()
        );
        Ok(self
            .write(&summary, |tx| {
                tx.describe(crate::tr!(
                    "api-undo-accept",
                    first = first.to_string(),
                    last = last.to_string()
                ));
                tx.expect_counter(expected_counter)?;
                let homes: HashMap<String, Option<String>> = store::reps::list_rep_lines(tx.conn)?
                    .into_iter()
                    .map(|r| (r.id, r.office))
                    .collect();
                let offices: HashMap<String, Office> = store::offices::list_offices(tx.conn)?
                    .into_iter()
                    .map(|s| (s.item.id.clone(), s.item))
                    .collect();
                let trips = store::reps::trips_by_rep(tx.conn)?;
                // The office a rep works from on a date: the visited one on
                // a trip day, else home (as `Rep::office_on`).
                let office_on = |rep: &str, date: NaiveDate| -> Option<&str> {
                    trips
                        .get(rep)
                        .and_then(|ts| {
                            // Stored sorted and apart: a binary search.
                            let i = ts.partition_point(|t| t.to < date);
                            ts.get(i).filter(|t| t.from <= date)
                        })
                        .map(|t| t.office.as_str())
                        .or_else(|| homes.get(rep).and_then(|h| h.as_deref()))
                };
                let covered = |rep: &str| match &plan.office {
                    None => true,
                    Some(o) => homes
                        .get(rep)
                        .is_some_and(|h| h.as_deref() == Some(o.as_str())),
                };
                let mut problems = Vec::new();
                let mut seen = HashSet::new();
                for (i, a) in plan.assignments.iter().enumerate() {
                    if a.date < first && a.date >= monday {
                        continue;
                    }
                    let p = format!("assignments[{i}]");
                    let message = match homes.get(&a.rep) {
                        None => Some((
                            format!("{p}.rep"),
                            crate::tr!("api-accept-unknown-rep", rep = format!("{:?}", a.rep)),
                        )),
                        Some(_) if office_on(&a.rep, a.date) != Some(a.office.as_str()) => Some((
                            format!("{p}.office"),
                            crate::tr!(
                                "api-accept-not-rep-office",
                                office = format!("{:?}", a.office),
                                rep = format!("{:?}", a.rep),
                                date = a.date.to_string()
                            ),
                        )),
                        _ if a.date < first || a.date > last => Some((
                            format!("{p}.date"),
                            crate::tr!(
                                "api-accept-outside",
                                date = a.date.to_string(),
                                first = first.to_string(),
                                last = last.to_string()
                            ),
                        )),
                        _ if !offices
                            .get(&a.office)
                            .is_some_and(|o| scenario::office_open(o, a.date)) =>
                        {
                            Some((
                                format!("{p}.date"),
                                crate::tr!(
                                    "api-accept-office-closed",
                                    office = format!("{:?}", a.office),
                                    date = a.date.to_string()
                                ),
                            ))
                        }
                        _ if !seen.insert((a.rep.as_str(), a.date)) => Some((
                            p.clone(),
                            crate::tr!(
                                "api-accept-twice",
                                rep = format!("{:?}", a.rep),
                                date = a.date.to_string()
                            ),
                        )),
                        _ => None,
                    };
                    if let Some((path, message)) = message {
                        problems.push(Problem { path, message });
                    }
                }
                if !problems.is_empty() {
                    return Err(invalid("plan", problems));
                }
                for d in store::office_days::office_days_between(tx.conn, first, last)? {
                    if covered(&d.rep) {
                        tx.remove_office_day(&d.rep, d.date)?;
                    }
                }
                for a in plan.assignments.iter().filter(|a| a.date >= first) {
                    tx.add_office_day(&OfficeDay {
                        rep: a.rep.clone(),
                        date: a.date,
                        office: a.office.clone(),
                    })?;
                }
                Ok(())
            })?
            .1)
    }
}

/// The part of the stored team one rep-week's explanation reads: the rep
/// (first), their teammates, team, home office and the offices they visit,
/// the policy, and the rep's in-person meetings at those offices (in
/// document order, as the titles are listed). `None` for an unknown rep.
fn rep_week_part(c: &rusqlite::Connection, rep: &str) -> Result<Option<Scenario>, AppError> {
    let Some(rep) = store::reps::get_rep(c, rep)?.map(|s| s.item) else {
        return Ok(None);
    };
    let mut sc = Scenario {
        policy: store::settings::get_policy(c)?,
        ..Scenario::default()
    };
    // The offices the rep works from: home, and every office a trip visits
    // (a trip day reads the visited office's rules and meetings).
    let mut offices: Vec<&String> = rep.office.iter().collect();
    for t in &rep.travel {
        if !offices.contains(&&t.office) {
            offices.push(&t.office);
        }
    }
    for office in &offices {
        sc.offices
            .extend(store::offices::get_office(c, office)?.map(|s| s.item));
    }
    if !offices.is_empty() {
        for id in store::meetings::meetings_of(c, &rep.id)? {
            if let Some(m) = store::meetings::get_meeting(c, &id)? {
                if m.item
                    .in_person_office
                    .as_ref()
                    .is_some_and(|o| offices.contains(&o))
                {
                    sc.meetings.push(m.item);
                }
            }
        }
    }
    let mut mates = Vec::new();
    if let Some(team) = &rep.team {
        sc.teams
            .extend(store::teams::get_team(c, team)?.map(|s| s.item));
        for id in store::reps::reps_in_team(c, team)? {
            if id != rep.id {
                mates.extend(store::reps::get_rep(c, &id)?.map(|s| s.item));
            }
        }
    }
    sc.reps.push(rep);
    sc.reps.extend(mates);
    Ok(Some(sc))
}

/// Lock-ins for the accepted office days before `today` inside the request's
/// weeks: what happened stands. Left out where the lead has a lock of their
/// own or rule 1 now blocks the day (a lock there would be refused).
/// The app's plans break ties with the fairness ledger's preferred days
/// over the 13 weeks up to today (what the Fairness screen shows first);
/// the command line's plans, without `today`, do not.
pub(super) fn app_fairness(sc: &Scenario, today: Option<NaiveDate>) -> Option<rotation::Fairness> {
    today.map(|t| {
        let (first, last) = ledger::default_period(t);
        rotation::Fairness::from_counts(ledger::preferred_days(sc, first, last))
    })
}

pub(super) fn past_locks(
    sc: &crate::model::Scenario,
    req: &RotationRequest,
    today: NaiveDate,
) -> Vec<Lock> {
    let (first, _) = scenario::rotation_days(req.from, req.weeks.max(1));
    if today <= first {
        return Vec::new();
    }
    let locked: HashSet<(&str, NaiveDate)> =
        req.locks.iter().map(|l| (l.rep.as_str(), l.date)).collect();
    let reps: HashMap<&str, &Rep> = sc.reps.iter().map(|r| (r.id.as_str(), r)).collect();
    let offices: HashMap<&str, &Office> = sc.offices.iter().map(|o| (o.id.as_str(), o)).collect();
    sc.office_days
        .iter()
        .filter(|d| d.date >= first && d.date < today)
        .filter(|d| !locked.contains(&(d.rep.as_str(), d.date)))
        .filter(|d| {
            reps.get(d.rep.as_str()).is_some_and(|r| {
                r.office_on(d.date) == Some(d.office.as_str())
                    && crate::rules::rule1_blocks_at(
                        r,
                        offices.get(d.office.as_str()).copied(),
                        d.date,
                    )
                    .is_none()
            })
        })
        .map(|d| Lock {
            rep: d.rep.clone(),
            date: d.date,
            in_office: true,
        })
        .collect()
}

/// The rotation request over `weeks` from `from`, keeping the stored locks
/// that fall inside it.
pub(super) fn window(
    stored: Option<RotationRequest>,
    from: NaiveDate,
    weeks: u32,
) -> RotationRequest {
    let (first, last) = scenario::rotation_days(from, weeks.max(1));
    let locks = stored
        .map(|r| r.locks)
        .unwrap_or_default()
        .into_iter()
        .filter(|l| l.date >= first && l.date <= last)
        .collect();
    RotationRequest { from, weeks, locks }
}

/// Checks a rotation request against the locked reps and their offices, then
/// stores it.
fn store_rotation(
    tx: &mut Tx,
    mut requests: crate::model::Requests,
    req: RotationRequest,
) -> Result<(), AppError> {
    let mut reps: Vec<Rep> = Vec::new();
    let mut offices: Vec<Office> = Vec::new();
    let mut seen = HashSet::new();
    for l in &req.locks {
        if !seen.insert(l.rep.as_str()) {
            continue;
        }
        if let Some(r) = store::reps::get_rep(tx.conn, &l.rep)? {
            // A lock on a trip day is at the visited office: its rules apply.
            store::offices::add_rep_offices(tx.conn, &r.item, &mut offices)?;
            reps.push(r.item);
        }
    }
    let problems = scenario::check_rotation_request(&req, &reps, &offices);
    if !problems.is_empty() {
        return Err(invalid("request", problems));
    }
    requests.rotation = Some(req);
    tx.set_requests(&requests)
}
