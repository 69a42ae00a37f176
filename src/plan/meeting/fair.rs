//! The fair rotation plan: one start per week sharing the stretch hours
//! between required attendees ([`fair_plan`], an exact dynamic programme),
//! and the answer built from it.

use std::collections::{BTreeMap, HashMap};

use chrono::Duration;

use crate::plan::meeting::answer::{empty_answer, FairPlan, MeetingAnswer, Occurrence};
use crate::plan::meeting::explain;
use crate::plan::meeting::planner::Planner;
use crate::tz::Minute;

/// One feasible slot of one week, for the fair plan.
#[derive(Debug, Clone)]
pub struct WeekOption {
    pub start: Minute,
    pub cost: i64,
    /// Stretch minutes of each required attendee.
    pub stretch: Vec<i64>,
}

/// The fair plan's answer, or why some week has no slot.
pub(super) fn fair(p: &Planner) -> MeetingAnswer {
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
            answer.infeasible_reason = Some(crate::tr!(
                "plan-meeting-fair-week",
                week = k + 1,
                from = (req.from + Duration::days(7 * k)).to_string(),
                to = (req.to + Duration::days(7 * k)).to_string(),
                reason = reason
            ));
            answer.ways_out = ways;
            return answer;
        }
        weeks.push(opts);
    }
    let Some(chosen) = fair_plan(&weeks) else {
        answer.infeasible_reason = Some(crate::tr!("plan-meeting-fair-none"));
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
