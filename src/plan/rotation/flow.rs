//! A first feasible plan of a subproblem: locked days, then each rep's
//! weekly minimum placed by augmenting paths over reps × days with the
//! desks as day capacities (a max-flow), or the shortfalls that make none
//! exist, each with what would remove it.

use crate::model::Scenario;
use crate::plan::rotation::answer::iso_week;
use crate::plan::rotation::sub::{State, Sub};
use crate::rules::office_open;

/// Why an (office, week) has no feasible plan; `rep` and `day` index the
/// subproblem.
pub(super) enum Shortfall {
    /// Locked in on more days than the rep's maximum.
    OverMaximum { rep: usize },
    /// More reps locked in at an office on a day than it has desks.
    DayOverLocked { slot: usize, day: usize },
    /// Lock-outs leave the rep fewer free open days than their minimum.
    LockedOut { rep: usize },
    /// The desks on the rep's open days are all needed by others.
    NoDesk { rep: usize },
}

impl Sub {
    /// A feasible plan (forced days, then the policy minimums placed by
    /// augmenting paths), or the problems that make none exist.
    pub(super) fn initial(&self) -> Result<State, Vec<Shortfall>> {
        let n = self.reps.len();
        let mut st = self.empty_state();
        let mut problems = Vec::new();
        for i in 0..n {
            for d in 0..7 {
                if self.forced_in[i] >> d & 1 == 1 {
                    self.put(&mut st, i, d);
                }
            }
            if st.count[i] > self.hi[i] {
                problems.push(Shortfall::OverMaximum { rep: i });
            }
        }
        for (s, used) in st.used.iter().enumerate() {
            for (d, &u) in used.iter().enumerate() {
                if u > self.desks[s] {
                    problems.push(Shortfall::DayOverLocked { slot: s, day: d });
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        // Flow-assigned days (movable), per rep.
        let mut flow = vec![0u8; n];
        for i in 0..n {
            let need = self.lo[i] - st.count[i];
            for _ in 0..need.max(0) {
                if !self.augment(i, &mut flow, &st) {
                    if i64::from(self.free(i).count_ones()) < self.lo[i] {
                        problems.push(Shortfall::LockedOut { rep: i });
                    } else {
                        problems.push(Shortfall::NoDesk { rep: i });
                    }
                    break;
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        for (i, days) in flow.iter().enumerate() {
            for d in 0..7 {
                if days >> d & 1 == 1 {
                    self.put(&mut st, i, d);
                }
            }
        }
        Ok(st)
    }

    /// Why this subproblem has no plan, in a lead's words, and what would
    /// make it fit: `(failure, fixes)`, each line starting with the
    /// office (the offices a trip links, joined) and the ISO week.
    pub(super) fn infeasible(
        &self,
        problems: &[Shortfall],
        sc: &Scenario,
    ) -> (String, Vec<String>) {
        let week = iso_week(self.days[0]);
        let ids = self.office_ids(sc);
        // Desk-days the offices give over the week, and their open days.
        let open: Vec<i64> = self
            .offices
            .iter()
            .map(|&o| {
                self.days
                    .iter()
                    .filter(|d| office_open(&sc.offices[o], **d))
                    .count() as i64
            })
            .collect();
        let have: i64 = self.desks.iter().zip(&open).map(|(d, o)| d * o).sum();
        let need: i64 = (0..self.reps.len())
            .map(|i| self.lo[i].max(i64::from(self.forced_in[i].count_ones())))
            .sum();
        let mut said: Vec<String> = Vec::new();
        let mut fix_set: Vec<String> = Vec::new();
        for p in problems {
            let (text, fx) = self.describe(p, sc);
            said.push(text);
            fix_set.extend(fx);
        }
        const SHOWN: usize = 4;
        if said.len() > SHOWN {
            let more = said.len() - SHOWN;
            said.truncate(SHOWN);
            said.push(crate::tr!("plan-rotation-and-more", count = more));
        }
        let failure = if need > have {
            crate::tr!(
                "plan-rotation-failure-desks",
                offices = ids.as_str(),
                week = week.as_str(),
                need = need,
                have = have,
                problems = said.join("; ")
            )
        } else {
            crate::tr!(
                "plan-rotation-failure",
                offices = ids.as_str(),
                week = week.as_str(),
                problems = said.join("; ")
            )
        };
        let mut fixes = Vec::new();
        if need > have {
            if let [open] = open[..] {
                if open > 0 {
                    fixes.push(crate::tr!(
                        "plan-rotation-fix-desks",
                        offices = ids.as_str(),
                        week = week.as_str(),
                        desks = (need - have + open - 1) / open,
                        short = need - have
                    ));
                }
            } else {
                fixes.push(crate::tr!(
                    "plan-rotation-fix-more-desks",
                    offices = ids.as_str(),
                    week = week.as_str(),
                    short = need - have
                ));
            }
        }
        fix_set.truncate(SHOWN);
        fixes.extend(fix_set.into_iter().map(|f| {
            crate::tr!(
                "plan-rotation-fix",
                offices = ids.as_str(),
                week = week.as_str(),
                fix = f
            )
        }));
        (failure, fixes)
    }

    /// What a shortfall means, and what would remove it, in a lead's words.
    pub(super) fn describe(&self, p: &Shortfall, sc: &Scenario) -> (String, Vec<String>) {
        let rep_id = |i: usize| sc.reps[self.reps[i]].id.as_str();
        let locked_out = |i: usize| -> Vec<String> {
            (0..7)
                .filter(|&d| self.avail[i] & self.forced_out[i] >> d & 1 == 1)
                .map(|d| self.days[d].to_string())
                .collect()
        };
        match *p {
            Shortfall::OverMaximum { rep } => {
                let locked = self.forced_in[rep].count_ones();
                (
                    crate::tr!(
                        "plan-rotation-over-maximum",
                        rep = rep_id(rep),
                        locked = locked,
                        max = self.hi[rep]
                    ),
                    vec![crate::tr!(
                        "plan-rotation-release-locks",
                        count = i64::from(locked) - self.hi[rep],
                        rep = rep_id(rep)
                    )],
                )
            }
            Shortfall::DayOverLocked { slot, day } => {
                let who: Vec<&str> = (0..self.reps.len())
                    .filter(|&i| self.forced_in[i] >> day & 1 == 1 && self.slot(i, day) == slot)
                    .map(rep_id)
                    .collect();
                let (count, date) = (who.len(), self.days[day].to_string());
                let release = who.len() as i64 - self.desks[slot];
                let desks = self.desks[slot];
                let who = who.join(", ");
                // One office: the message names it already.
                if self.offices.len() > 1 {
                    let office = sc.offices[self.offices[slot]].id.as_str();
                    (
                        crate::tr!(
                            "plan-rotation-day-over-locked-at",
                            count = count,
                            office = office,
                            date = date.as_str(),
                            desks = desks
                        ),
                        vec![crate::tr!(
                            "plan-rotation-release-day-at",
                            count = release,
                            office = office,
                            date = date.as_str(),
                            who = who
                        )],
                    )
                } else {
                    (
                        crate::tr!(
                            "plan-rotation-day-over-locked",
                            count = count,
                            date = date.as_str(),
                            desks = desks
                        ),
                        vec![crate::tr!(
                            "plan-rotation-release-day",
                            count = release,
                            date = date.as_str(),
                            who = who
                        )],
                    )
                }
            }
            Shortfall::LockedOut { rep } => (
                crate::tr!(
                    "plan-rotation-locked-out",
                    rep = rep_id(rep),
                    min = self.lo[rep],
                    free = self.free(rep).count_ones()
                ),
                vec![crate::tr!(
                    "plan-rotation-release-lock-out",
                    rep = rep_id(rep),
                    dates = either(locked_out(rep))
                )],
            ),
            Shortfall::NoDesk { rep } => (
                crate::tr!(
                    "plan-rotation-no-desk",
                    rep = rep_id(rep),
                    min = self.lo[rep],
                    open = self.free(rep).count_ones()
                ),
                vec![crate::tr!(
                    "plan-rotation-desk-more",
                    days = either(
                        (0..7)
                            .filter(|&d| self.free(rep) >> d & 1 == 1)
                            .map(|d| {
                                let day = crate::i18n::date(self.days[d]);
                                // With offices linked by a trip, say which
                                // office's desk.
                                if self.offices.len() > 1 {
                                    crate::tr!(
                                        "plan-rotation-day-at",
                                        day = day,
                                        office =
                                            sc.offices[self.offices[self.slot(rep, d)]].id.as_str()
                                    )
                                } else {
                                    day
                                }
                            })
                            .collect()
                    ),
                    rep = rep_id(rep)
                )],
            ),
        }
    }

    /// One more flow day for rep `start`: a breadth-first search over reps,
    /// where a rep may give up a flow day to take another (bipartite
    /// augmenting path with (office, day) capacities; a rep's day is at the
    /// office they are at that day).
    fn augment(&self, start: usize, flow: &mut [u8], st: &State) -> bool {
        let n = self.reps.len();
        let k = self.desks.len();
        // Desks taken per (office slot, day), slot-major.
        let mut load: Vec<i64> = st.used.iter().flatten().copied().collect();
        for (i, f) in flow.iter().enumerate() {
            for d in 0..7 {
                if f >> d & 1 == 1 {
                    load[self.slot(i, d) * 7 + d] += 1;
                }
            }
        }
        // prev[rep] = (previous rep, day that previous rep takes from this rep)
        let mut prev: Vec<Option<(usize, usize)>> = vec![None; n];
        let mut seen_rep = vec![false; n];
        let mut seen_day = vec![false; 7 * k];
        let mut queue = std::collections::VecDeque::from([start]);
        seen_rep[start] = true;
        while let Some(u) = queue.pop_front() {
            let can = self.free(u) & !self.forced_in[u] & !flow[u];
            for d in 0..7 {
                let s = self.slot(u, d);
                if can >> d & 1 == 0 || seen_day[s * 7 + d] {
                    continue;
                }
                seen_day[s * 7 + d] = true;
                if load[s * 7 + d] < self.desks[s] {
                    // Walk back: u takes d; each predecessor takes the day it
                    // freed from its successor.
                    let (mut rep, mut day) = (u, d);
                    loop {
                        flow[rep] |= 1 << day;
                        match prev[rep] {
                            None => return true,
                            Some((p, freed)) => {
                                flow[rep] &= !(1 << freed);
                                day = freed;
                                rep = p;
                            }
                        }
                    }
                }
                for v in 0..n {
                    if !seen_rep[v] && flow[v] >> d & 1 == 1 && self.slot(v, d) == s {
                        seen_rep[v] = true;
                        prev[v] = Some((u, d));
                        queue.push_back(v);
                    }
                }
            }
        }
        false
    }
}
/// "a or b or c": every alternative joined the same way, as a lead reads a
/// short list of days.
fn either(items: Vec<String>) -> String {
    items
        .into_iter()
        .reduce(|a, b| crate::tr!("plan-rotation-either", a = a, b = b))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::either;
    use crate::i18n::{with_language, Lang};

    #[test]
    fn alternatives_and_fixes_read_in_german() {
        let days = || vec!["2026-12-01".to_string(), "2026-12-02".to_string()];
        assert_eq!(either(days()), "2026-12-01 or 2026-12-02");
        with_language(Lang::De, || {
            assert_eq!(either(days()), "2026-12-01 oder 2026-12-02");
            assert_eq!(
                crate::tr!(
                    "plan-rotation-fix-desks",
                    offices = "lon",
                    week = "2026-W49",
                    desks = 1,
                    short = 3
                ),
                "lon, Woche 2026-W49: 1 Arbeitsplatz mehr, oder wöchentliche Mindestzahlen um insgesamt 3 Arbeitsplatztage senken"
            );
        });
    }
}
