//! Top-k of a plain request or a weekly series: the cheapest starts summed
//! over the series' weeks, skipping any that overlaps one already taken
//! (contract §2), and the app's varied list.

use crate::plan::meeting::answer::{
    empty_answer, ListOrder, MeetingAnswer, Occurrence, Suggestion,
};
use crate::plan::meeting::explain;
use crate::plan::meeting::planner::Planner;
use crate::tz::{self, Minute};

/// Top-k of a plain request or series (no fair rotation): the contract's
/// exact list, or the varied one.
pub(super) fn top_k(p: &Planner, order: ListOrder) -> MeetingAnswer {
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
    let k = req.max_results as usize;
    let mut taken = walk(p, &feasible, Vec::new(), k, false);
    let mut varied_note = None;
    if order == ListOrder::Varied {
        let spread = walk(p, &feasible, Vec::new(), k.div_ceil(2), true);
        let times = spread.len();
        let mut varied = walk(p, &feasible, spread, k, false);
        varied.sort_unstable();
        // A start taken for its time of day can overlap two cheaper starts
        // of its day that the exact walk takes both of: a varied list that
        // comes out shorter is not offered.
        if varied != taken && varied.len() >= taken.len() {
            varied_note = Some(crate::tr!("plan-meeting-varied", times = times, k = k));
            taken = varied;
        }
    }
    // Every occurrence of every suggestion, explained in one pass.
    let starts: Vec<Minute> = taken
        .iter()
        .flat_map(|&(_, s)| (0..k_weeks).map(move |k| p.series_start(s, k)))
        .collect();
    let per_suggestion = usize::try_from(k_weeks).unwrap_or(1);
    let mut occurrences = p.occurrences(&starts).into_iter();
    let mut answer = empty_answer(req);
    answer.varied = varied_note;
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

/// Walks `feasible` in (cost, start) order, adding to `taken` each start
/// that overlaps none taken, until `k` are taken. With `new_times`, a start
/// is also skipped when its time of day in the request's zone is within a
/// meeting's length of one taken (it would overlap it on the same day): the
/// first pass of the varied list, which spreads over times of day.
fn walk(
    p: &Planner,
    feasible: &[(i64, Minute)],
    mut taken: Vec<(i64, Minute)>,
    k: usize,
    new_times: bool,
) -> Vec<(i64, Minute)> {
    let time_of_day = |s: Minute| p.zone.local_minute(s).rem_euclid(tz::DAY);
    for &(cost, s) in feasible {
        if taken.len() >= k {
            break;
        }
        let clash = taken.iter().any(|&(_, t)| {
            if t == s || (t < s + p.duration && s < t + p.duration) {
                return true;
            }
            if !new_times {
                return false;
            }
            let gap = (time_of_day(s) - time_of_day(t)).rem_euclid(tz::DAY);
            gap < p.duration || tz::DAY - gap < p.duration
        });
        if !clash {
            taken.push((cost, s));
        }
    }
    taken
}
