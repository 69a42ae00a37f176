//! Top-k of a plain request or a weekly series: the cheapest starts summed
//! over the series' weeks, skipping any that overlaps one already taken
//! (contract §2).

use crate::plan::meeting::answer::{empty_answer, MeetingAnswer, Occurrence, Suggestion};
use crate::plan::meeting::explain;
use crate::plan::meeting::planner::Planner;
use crate::tz::{self, Minute};

/// Exact top-k of a plain request or series (no fair rotation).
pub(super) fn top_k(p: &Planner) -> MeetingAnswer {
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
