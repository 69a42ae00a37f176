//! The meeting-slot planner (contract §2): exact top-k slots, weekly series,
//! and fair rotation plans that share early and late calls.
//!
//! Method. Candidates are the grid instants whose local date (request zone)
//! lies in the window. Each attendee's calendar is built once ([`Context`]);
//! all candidates are then scored per attendee in one sweep over sorted
//! interval sets, so a request costs O(attendees × (candidates + intervals)).
//! Top-k walks the (cost, start) order and skips overlaps. The fair plan is
//! an exact dynamic programme over weeks on per-person stretch vectors
//! (dominated options and states pruned, vectors bounded by the best
//! worst-off total found by binary search), see [`fair_plan`].

use std::collections::{BTreeMap, HashMap};

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::model::{MeetingRequest, Scenario};
use crate::plan::calendar::{Context, RepCalendar, SlotView};
use crate::plan::meeting_explain as explain;
use crate::plan::PlanError;
use crate::tz::{self, Minute, Zone, DAY};

/// The answer to one meeting request, in the contract's shape (plus
/// `ways_out` and `dst_warnings`, which the contract does not define).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingAnswer {
    pub request: String,
    pub suggestions: Vec<Suggestion>,
    pub fair_plan: Option<FairPlan>,
    pub infeasible_reason: Option<String>,
    /// When nothing fits: the nearest changes that would make a slot fit.
    pub ways_out: Vec<String>,
    /// Weeks of a series in which someone's local time moves (DST).
    pub dst_warnings: Vec<String>,
    /// Why fewer suggestions came back than asked for, when they did. Filled
    /// by the app's facade call only, so the CLI's answer is unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fewer_than_asked: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Suggestion {
    pub start: String,
    pub end: String,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub cost: i64,
    pub occurrences: Vec<Occurrence>,
    /// How the first occurrence looks to each attendee.
    pub attendees: Vec<AttendeeSlot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Occurrence {
    pub start: String,
    pub end: String,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub cost: i64,
    pub attendees: Vec<AttendeeSlot>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Working,
    Stretch,
    Unavailable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AttendeeSlot {
    pub id: String,
    pub time_zone: String,
    pub local_start: String,
    pub local_end: String,
    pub status: Status,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub stretch_minutes: i64,
    /// Why an unavailable attendee is unavailable: `busy: m1, m2`,
    /// `time off` or `outside hours`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub required: bool,
    /// One line a lead can act on ("Tue 08:30–09:15: 30 min in stretch hours").
    pub note: String,
    /// The attendee's local day around the slot, for drawing a ribbon.
    pub day: DayRibbon,
}

/// One attendee's local day as coloured pieces. Minutes count from the
/// start of that local day, so a DST day is 23 or 25 hours long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DayRibbon {
    pub date: String,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub length_minutes: i64,
    pub segments: Vec<RibbonSegment>,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub slot_from: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub slot_to: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RibbonKind {
    Working,
    Stretch,
    Busy,
    TimeOff,
    Off,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RibbonSegment {
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub from: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub to: i64,
    pub kind: RibbonKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FairPlan {
    pub occurrences: Vec<Occurrence>,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub max_person_stretch_minutes: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub total_cost: i64,
    #[cfg_attr(feature = "specta", specta(type = BTreeMap<String, i32>))]
    pub per_person_stretch_minutes: BTreeMap<String, i64>,
}

/// Answers every meeting request of the scenario, in file order.
///
/// # Errors
/// [`PlanError`] when a zone or rule cannot be resolved.
pub fn suggest_all(sc: &Scenario) -> Result<Vec<MeetingAnswer>, PlanError> {
    sc.requests
        .meetings
        .iter()
        .map(|r| suggest(sc, r))
        .collect()
}

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
        Ok(Planner {
            req,
            ctx,
            zone,
            people,
            duration,
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
    /// attendee is unavailable.
    fn cost_of(&self, views: &[SlotView]) -> Option<i64> {
        let mut cost = 0;
        for (p, v) in self.people.iter().zip(views) {
            if v.available() {
                cost += v.stretch;
            } else if p.required {
                return None;
            } else {
                cost += self.duration;
            }
        }
        Some(cost)
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

    /// Cost of each start (`None` when a required attendee is unavailable)
    /// and, when `keep_stretch`, each required attendee's stretch minutes
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
                } else if p.required {
                    cost[i] = None;
                    pruned = true;
                } else {
                    *c += self.duration;
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
            }
        }
        (cost, stretch)
    }

    /// The occurrences starting at `starts`, explained for every attendee.
    /// Person by person rather than slot by slot, so each calendar is
    /// read while it is in cache (a thousand calendars are not).
    pub fn occurrences(&self, starts: &[Minute]) -> Vec<Occurrence> {
        let n = self.people.len();
        let mut views: Vec<SlotView> = Vec::with_capacity(starts.len() * n);
        let mut slots: Vec<Vec<AttendeeSlot>> =
            starts.iter().map(|_| Vec::with_capacity(n)).collect();
        for p in &self.people {
            for (&s, slots) in starts.iter().zip(&mut slots) {
                let v = p.cal.view(s, s + self.duration);
                slots.push(explain::attendee_slot(self, p, &v, s));
                views.push(v);
            }
        }
        // Person-major: person `j`'s view of start `i` is at `j * m + i`.
        let m = starts.len();
        starts
            .iter()
            .zip(slots)
            .enumerate()
            .map(|(i, (&s, attendees))| {
                let views: Vec<SlotView> = (0..n).map(|j| views[j * m + i]).collect();
                self.occurrence_of(s, &views, attendees)
            })
            .collect()
    }

    fn occurrence_of(
        &self,
        s: Minute,
        views: &[SlotView],
        attendees: Vec<AttendeeSlot>,
    ) -> Occurrence {
        let cost = self.cost_of(views).unwrap_or_else(|| {
            // An infeasible slot still has a cost by the formula; only shown
            // when explaining.
            views
                .iter()
                .zip(&self.people)
                .map(|(v, p)| {
                    if v.available() || p.required {
                        v.stretch
                    } else {
                        self.duration
                    }
                })
                .sum()
        });
        Occurrence {
            start: tz::fmt_utc(s),
            end: tz::fmt_utc(s + self.duration),
            cost,
            attendees,
        }
    }
}

/// Answers one meeting request.
///
/// # Errors
/// [`PlanError`] when a zone or rule cannot be resolved.
///
/// # Example
/// ```
/// let doc = r#"{"format": "meridian.scenario/1",
///   "reps": [{"id": "ana", "time_zone": "Europe/Lisbon"},
///            {"id": "kim", "time_zone": "America/New_York"}],
///   "requests": {"meetings": [{"id": "sync", "duration_minutes": 60,
///     "required": ["ana", "kim"], "from": "2026-12-01", "to": "2026-12-01"}]}}"#;
/// let sc = meridian::io::scenario::parse_document(doc, "doc").unwrap();
/// let answer = meridian::plan::meeting::suggest(&sc, &sc.requests.meetings[0]).unwrap();
/// // Lisbon 09:00-17:00 (UTC+0) meets New York 09:00-17:00 (UTC-5) 14:00-17:00Z.
/// assert_eq!(answer.suggestions[0].start, "2026-12-01T14:00:00Z");
/// assert_eq!(answer.suggestions.len(), 3);
/// ```
pub fn suggest(sc: &Scenario, req: &MeetingRequest) -> Result<MeetingAnswer, PlanError> {
    let planner = Planner::new(sc, req)?;
    let mut answer = if req.fair_rotation {
        fair(&planner)
    } else {
        top_k(&planner)
    };
    answer.dst_warnings = explain::dst_warnings(&planner, &answer);
    Ok(answer)
}

fn empty_answer(req: &MeetingRequest) -> MeetingAnswer {
    MeetingAnswer {
        request: req.id.clone(),
        suggestions: Vec::new(),
        fair_plan: None,
        infeasible_reason: None,
        ways_out: Vec::new(),
        dst_warnings: Vec::new(),
        fewer_than_asked: None,
    }
}

/// Exact top-k of a plain request or series (no fair rotation).
fn top_k(p: &Planner) -> MeetingAnswer {
    let req = p.req;
    let k_weeks = i64::from(req.repeat_weeks.max(1));
    let starts0 = p.candidates(0);
    let mut total: Vec<Option<i64>> = vec![Some(0); starts0.len()];
    for k in 0..k_weeks {
        let starts: Vec<Minute> = starts0.iter().map(|&s| p.series_start(s, k)).collect();
        let (cost, _) = p.score(&starts, false);
        for (t, c) in total.iter_mut().zip(cost) {
            *t = match (*t, c) {
                (Some(a), Some(c)) => Some(a + c),
                _ => None,
            };
        }
    }
    let mut feasible: Vec<(i64, Minute)> = total
        .iter()
        .zip(&starts0)
        .filter_map(|(t, &s)| t.map(|c| (c, s)))
        .collect();
    feasible.sort_unstable();
    let mut taken: Vec<(i64, Minute)> = Vec::new();
    for (cost, s) in feasible {
        if taken.len() >= req.max_results as usize {
            break;
        }
        if taken
            .iter()
            .any(|&(_, t)| t < s + p.duration && s < t + p.duration)
        {
            continue;
        }
        taken.push((cost, s));
    }
    // Every occurrence of every suggestion, explained in one pass.
    let starts: Vec<Minute> = taken
        .iter()
        .flat_map(|&(_, s)| (0..k_weeks).map(move |k| p.series_start(s, k)))
        .collect();
    let per_suggestion = usize::try_from(k_weeks).unwrap_or(1);
    let mut occurrences = p.occurrences(&starts).into_iter();
    let mut answer = empty_answer(req);
    for &(cost, s) in &taken {
        let occurrences: Vec<Occurrence> = occurrences.by_ref().take(per_suggestion).collect();
        answer.suggestions.push(Suggestion {
            start: tz::fmt_utc(s),
            end: tz::fmt_utc(s + p.duration),
            cost,
            attendees: occurrences[0].attendees.clone(),
            occurrences,
        });
    }
    if answer.suggestions.is_empty() {
        let (reason, ways) = explain::infeasible(p, &starts0);
        answer.infeasible_reason = Some(reason);
        answer.ways_out = ways;
    }
    answer
}

/// One feasible slot of one week, for the fair plan.
#[derive(Debug, Clone)]
pub struct WeekOption {
    pub start: Minute,
    pub cost: i64,
    /// Stretch minutes of each required attendee.
    pub stretch: Vec<i64>,
}

fn fair(p: &Planner) -> MeetingAnswer {
    let req = p.req;
    let k_weeks = i64::from(req.repeat_weeks.max(1));
    let n_req = p.people.iter().filter(|x| x.required).count();
    let mut weeks: Vec<Vec<WeekOption>> = Vec::new();
    let mut answer = empty_answer(req);
    for k in 0..k_weeks {
        let starts = p.candidates(k);
        let (cost, stretch) = p.score(&starts, true);
        let opts: Vec<WeekOption> = starts
            .iter()
            .enumerate()
            .filter_map(|(i, &s)| {
                cost[i].map(|cost| WeekOption {
                    start: s,
                    cost,
                    stretch: stretch[i * n_req..(i + 1) * n_req].to_vec(),
                })
            })
            .collect();
        if opts.is_empty() {
            let (reason, ways) = explain::infeasible(p, &starts);
            answer.infeasible_reason = Some(format!(
                "week {} ({} to {}): {reason}",
                k + 1,
                req.from + Duration::days(7 * k),
                req.to + Duration::days(7 * k)
            ));
            answer.ways_out = ways;
            return answer;
        }
        weeks.push(opts);
    }
    let Some(chosen) = fair_plan(&weeks) else {
        answer.infeasible_reason = Some("no plan exists".to_string());
        return answer;
    };
    let occurrences: Vec<Occurrence> = p.occurrences(&chosen);
    let mut per_person: BTreeMap<String, i64> = BTreeMap::new();
    for person in &p.people {
        let total = chosen
            .iter()
            .map(|&s| person.cal.view(s, s + p.duration).stretch)
            .sum();
        per_person.insert(person.id.to_string(), total);
    }
    let max_person = p
        .people
        .iter()
        .filter(|x| x.required)
        .map(|x| per_person[x.id])
        .max()
        .unwrap_or(0);
    answer.fair_plan = Some(FairPlan {
        total_cost: occurrences.iter().map(|o| o.cost).sum(),
        max_person_stretch_minutes: max_person,
        per_person_stretch_minutes: per_person,
        occurrences,
    });
    answer
}

/// Most states the fair-plan programme keeps per week before it narrows to
/// the best ones (a beam); never reached by teams of realistic size.
const MAX_STATES: usize = 200_000;

/// The fair plan's starts, one per week, minimising (1) the largest total
/// stretch of any required attendee, (2) the total cost, (3) the starts in
/// lexicographic order. `None` when a week has no option.
///
/// Exact when no week keeps more than [`MAX_STATES`] states (see module docs).
pub fn fair_plan(weeks: &[Vec<WeekOption>]) -> Option<Vec<Minute>> {
    if weeks.is_empty() || weeks.iter().any(Vec::is_empty) {
        return None;
    }
    // Only people who stretch in some option matter for criterion (1).
    let dims = weeks[0][0].stretch.len();
    let active: Vec<usize> = (0..dims)
        .filter(|&d| weeks.iter().flatten().any(|o| o.stretch[d] > 0))
        .collect();
    let weeks: Vec<Vec<WeekOption>> = weeks
        .iter()
        .map(|w| {
            prune_options(
                w.iter()
                    .map(|o| WeekOption {
                        start: o.start,
                        cost: o.cost,
                        stretch: active.iter().map(|&d| o.stretch[d]).collect(),
                    })
                    .collect(),
            )
        })
        .collect();
    // Bounds for binary search on the worst-off total T.
    let lower = (0..active.len())
        .map(|d| {
            weeks
                .iter()
                .map(|w| w.iter().map(|o| o.stretch[d]).min().unwrap_or(0))
                .sum::<i64>()
        })
        .max()
        .unwrap_or(0);
    let upper = greedy_max(&weeks);
    let (mut lo, mut hi) = (lower, upper);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if exists_within(&weeks, mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    best_within(&weeks, lo)
}

/// Drops options another option beats on every criterion: no more stretch
/// for anyone and an earlier (cost, start).
fn prune_options(mut opts: Vec<WeekOption>) -> Vec<WeekOption> {
    opts.sort_by_key(|o| (o.cost, o.start));
    let mut kept: Vec<WeekOption> = Vec::new();
    for o in opts {
        let dominated = kept
            .iter()
            .any(|k| k.stretch.iter().zip(&o.stretch).all(|(a, b)| a <= b));
        if !dominated {
            kept.push(o);
        }
    }
    kept
}

/// The worst-off total of a greedy plan (an upper bound on the optimum).
fn greedy_max(weeks: &[Vec<WeekOption>]) -> i64 {
    let dims = weeks[0][0].stretch.len();
    let mut acc = vec![0i64; dims];
    for w in weeks {
        let best = w
            .iter()
            .min_by_key(|o| {
                let worst = acc
                    .iter()
                    .zip(&o.stretch)
                    .map(|(a, b)| a + b)
                    .max()
                    .unwrap_or(0);
                (worst, o.cost, o.start)
            })
            .map(|o| o.stretch.clone())
            .unwrap_or_default();
        for (a, b) in acc.iter_mut().zip(best) {
            *a += b;
        }
    }
    acc.into_iter().max().unwrap_or(0)
}

/// Whether some plan keeps everyone's total at or below `t`.
fn exists_within(weeks: &[Vec<WeekOption>], t: i64) -> bool {
    let dims = weeks[0][0].stretch.len();
    let mut states: Vec<Vec<i64>> = vec![vec![0; dims]];
    for w in weeks {
        let mut next: Vec<Vec<i64>> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for s in &states {
            for o in w {
                let v: Vec<i64> = s.iter().zip(&o.stretch).map(|(a, b)| a + b).collect();
                if v.iter().all(|&x| x <= t) && seen.insert(v.clone()) {
                    next.push(v);
                }
            }
        }
        if next.is_empty() {
            return false;
        }
        states = pareto_vectors(next);
        if states.len() > MAX_STATES {
            states.sort_by_key(|v| (v.iter().max().copied(), v.iter().sum::<i64>()));
            states.truncate(MAX_STATES);
        }
    }
    true
}

/// Keeps the vectors no other vector is at or below in every component.
fn pareto_vectors(mut vs: Vec<Vec<i64>>) -> Vec<Vec<i64>> {
    vs.sort_by_key(|v| v.iter().sum::<i64>());
    let mut kept: Vec<Vec<i64>> = Vec::new();
    for v in vs {
        if !kept.iter().any(|k| k.iter().zip(&v).all(|(a, b)| a <= b)) {
            kept.push(v);
        }
    }
    kept
}

/// A partial plan: per-person stretch totals → (cost, starts so far).
type State = (Vec<i64>, (i64, Vec<Minute>));

/// Among plans keeping everyone at or below `t`, the least (cost, starts).
fn best_within(weeks: &[Vec<WeekOption>], t: i64) -> Option<Vec<Minute>> {
    let dims = weeks[0][0].stretch.len();
    let mut states: HashMap<Vec<i64>, (i64, Vec<Minute>)> = HashMap::new();
    states.insert(vec![0; dims], (0, Vec::new()));
    for w in weeks {
        let mut next: HashMap<Vec<i64>, (i64, Vec<Minute>)> = HashMap::new();
        for (vec, (cost, starts)) in &states {
            for o in w {
                let v: Vec<i64> = vec.iter().zip(&o.stretch).map(|(a, b)| a + b).collect();
                if v.iter().any(|&x| x > t) {
                    continue;
                }
                let mut ns = starts.clone();
                ns.push(o.start);
                let cand = (cost + o.cost, ns);
                match next.get(&v) {
                    Some(old) if *old <= cand => {}
                    _ => {
                        next.insert(v, cand);
                    }
                }
            }
        }
        // A state beaten on (cost, starts) by one with no more stretch for
        // anyone can never finish better.
        let mut list: Vec<State> = next.into_iter().collect();
        list.sort_by(|a, b| a.1.cmp(&b.1));
        let mut kept: Vec<State> = Vec::new();
        for (v, val) in list {
            if !kept
                .iter()
                .any(|(kv, _)| kv.iter().zip(&v).all(|(a, b)| a <= b))
            {
                kept.push((v, val));
            }
            if kept.len() >= MAX_STATES {
                break;
            }
        }
        states = kept.into_iter().collect();
        if states.is_empty() {
            return None;
        }
    }
    states.into_values().min().map(|(_, starts)| starts)
}

/// A suggestion or fair plan a lead books as meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Booking {
    /// Id of the (first) meeting to create; a fair plan's weeks get `-w2`, `-w3`, ….
    pub id: String,
    pub title: String,
    /// The organiser's zone: the meeting recurs at the same wall-clock time there.
    pub time_zone: String,
    pub duration_minutes: u32,
    /// Required and optional attendees together.
    pub attendees: Vec<String>,
    /// UTC starts (`2026-12-01T15:00:00Z`): one for a single meeting or a
    /// weekly series, one per week for a fair plan.
    pub starts: Vec<String>,
    /// With one start: repeat weekly this many times (1 = a single meeting).
    pub weeks: u32,
}

/// The meetings a booking creates, or a message saying which start is bad.
///
/// # Errors
/// A message naming the unreadable start or zone.
pub fn booked_meetings(b: &Booking) -> Result<Vec<crate::model::Meeting>, String> {
    let zone = Zone::get(&b.time_zone).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for (i, s) in b.starts.iter().enumerate() {
        let t = chrono::DateTime::parse_from_rfc3339(s)
            .map_err(|e| format!("starts[{i}]: {s:?} is not a UTC time: {e}"))?;
        let local = zone.local(t.to_utc());
        let id = if i == 0 {
            b.id.clone()
        } else {
            format!("{}-w{}", b.id, i + 1)
        };
        let series = b.starts.len() == 1 && b.weeks > 1;
        out.push(crate::model::Meeting {
            id,
            title: b.title.clone(),
            start: crate::model::LocalDateTime(local),
            time_zone: b.time_zone.clone(),
            duration_minutes: b.duration_minutes,
            rrule: series.then(|| format!("FREQ=WEEKLY;COUNT={}", b.weeks)),
            attendees: b.attendees.clone(),
            in_person_office: None,
        });
    }
    if out.is_empty() {
        return Err("a booking needs at least one start".to_string());
    }
    Ok(out)
}
