//! A request's people with their calendars, its candidate starts, and the
//! scoring of starts in one sweep per person. The explained occurrences of
//! chosen starts are `Planner::occurrences`, in `explain.rs`.

use chrono::Duration;

use crate::model::{MeetingRequest, Scenario};
use crate::plan::calendar::{Context, RepCalendar, SlotView};
use crate::plan::PlanError;
use crate::tz::{self, Minute, Zone, DAY};

/// The request's people: required first, then optional.
pub(crate) struct Person<'a> {
    pub id: &'a str,
    pub required: bool,
    pub cal: RepCalendar,
}

pub(crate) struct Planner<'a> {
    pub req: &'a MeetingRequest,
    pub ctx: Context<'a>,
    pub zone: Zone,
    pub people: Vec<Person<'a>>,
    pub duration: Minute,
    /// The fewest optional attendees a feasible slot has available (the
    /// request's quorum; 0 without one).
    pub quorum: usize,
}

impl<'a> Planner<'a> {
    pub fn new(sc: &'a Scenario, req: &'a MeetingRequest) -> Result<Planner<'a>, PlanError> {
        let zone = Zone::get(&req.time_zone)?;
        let duration = Minute::from(req.duration_minutes);
        let weeks = i64::from(req.repeat_weeks.max(1));
        let lo = tz::day_index(req.from) * DAY - 2 * DAY;
        let hi = (tz::day_index(req.to) + 1 + 7 * (weeks - 1)) * DAY + 2 * DAY + duration;
        let ids: Vec<&str> = req
            .required
            .iter()
            .chain(&req.optional)
            .map(String::as_str)
            .collect();
        let ctx = Context::new(sc, lo, hi, &ids)?;
        let mut people = Vec::new();
        for (ids, required) in [(&req.required, true), (&req.optional, false)] {
            for id in ids {
                people.push(Person {
                    id,
                    required,
                    cal: ctx.calendar(id)?,
                });
            }
        }
        let quorum = req
            .min_optional
            .map_or(0, |q| q.threshold(req.optional.len()));
        Ok(Planner {
            req,
            ctx,
            zone,
            people,
            duration,
            quorum,
        })
    }

    /// Grid starts whose local date lies in week `k`'s window, ascending.
    pub fn candidates(&self, k: i64) -> Vec<Minute> {
        let g = Minute::from(self.req.granularity_minutes.max(1));
        let from = self.req.from + Duration::days(7 * k);
        let to = self.req.to + Duration::days(7 * k);
        let mut out = Vec::new();
        for (a, b) in self.zone.local_dates(from, to) {
            let mut s = a.div_euclid(g) * g;
            if s < a {
                s += g;
            }
            while s < b {
                out.push(s);
                s += g;
            }
        }
        out.dedup();
        out
    }

    /// Occurrence `k` of the series whose first occurrence starts at `s0`.
    pub fn series_start(&self, s0: Minute, k: i64) -> Minute {
        if k == 0 {
            return s0;
        }
        self.zone
            .minute_at_local(self.zone.local_minute(s0) + 7 * k * DAY)
    }

    /// Cost of a slot from its attendees' views, or `None` when a required
    /// attendee is unavailable or fewer optional ones than the quorum are.
    pub(super) fn cost_of(&self, views: &[SlotView]) -> Option<i64> {
        let mut cost = 0;
        let mut optional_in = 0;
        for (p, v) in self.people.iter().zip(views) {
            if v.available() {
                cost += v.stretch;
                optional_in += usize::from(!p.required);
            } else if p.required {
                return None;
            } else {
                cost += self.duration;
            }
        }
        (optional_in >= self.quorum).then_some(cost)
    }

    /// Views of every person for each start (one sweep per person):
    /// `result[i][p]`. For explanations; scoring uses [`Planner::score`].
    pub fn views(&self, starts: &[Minute]) -> Vec<Vec<SlotView>> {
        let per_person: Vec<Vec<SlotView>> = self
            .people
            .iter()
            .map(|p| p.cal.views(starts, self.duration))
            .collect();
        (0..starts.len())
            .map(|i| per_person.iter().map(|v| v[i]).collect())
            .collect()
    }

    /// Cost of each start (`None` when a required attendee is unavailable,
    /// or fewer optional attendees than the quorum are available) and, when `keep_stretch`, each required attendee's stretch minutes
    /// (`stretch[i * n_required + r]`, meaningful for feasible starts only).
    /// One sweep per person, no per-slot allocation. People come required
    /// first, and each is asked only about the starts still feasible: in an
    /// all-hands a few required people rule out most of the window before
    /// the many optional ones are looked at.
    pub fn score(&self, starts: &[Minute], keep_stretch: bool) -> (Vec<Option<i64>>, Vec<i64>) {
        let n_req = self.people.iter().filter(|p| p.required).count();
        let mut cost: Vec<Option<i64>> = vec![Some(0); starts.len()];
        let mut stretch = if keep_stretch {
            vec![0; starts.len() * n_req]
        } else {
            Vec::new()
        };
        // Indexes of the starts still feasible (ascending) and those starts.
        let mut alive: Vec<usize> = (0..starts.len()).collect();
        let mut alive_starts: Vec<Minute> = starts.to_vec();
        let mut r = 0;
        // Per start, optional attendees available so far, and how many
        // optional ones are still to be asked: a start that can no longer
        // reach the quorum is dropped like one a required person rules out.
        let mut optional_in: Vec<usize> = vec![0; starts.len()];
        let mut optional_left = self.people.len() - n_req;
        for p in &self.people {
            if alive.is_empty() {
                break;
            }
            let views = p.cal.views(&alive_starts, self.duration);
            let mut pruned = false;
            for (&i, v) in alive.iter().zip(&views) {
                let Some(c) = cost[i].as_mut() else { continue };
                if v.available() {
                    *c += v.stretch;
                    optional_in[i] += usize::from(!p.required);
                } else if p.required {
                    cost[i] = None;
                    pruned = true;
                } else {
                    *c += self.duration;
                }
                if !p.required && optional_in[i] + optional_left - 1 < self.quorum {
                    cost[i] = None;
                    pruned = true;
                }
                if keep_stretch && p.required {
                    stretch[i * n_req + r] = v.stretch;
                }
            }
            if pruned {
                alive.retain(|&i| cost[i].is_some());
                alive_starts = alive.iter().map(|&i| starts[i]).collect();
            }
            if p.required {
                r += 1;
            } else {
                optional_left -= 1;
            }
        }
        (cost, stretch)
    }
}
