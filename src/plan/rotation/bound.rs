//! Upper bounds on a subproblem's value, so the answer says how far from
//! optimal a plan can at most be: each rep's best days plus each team's
//! largest possible pair count, or, where teams are small, each team's
//! proven optimum with the office's desks to itself.

use crate::plan::rotation::sub::{State, Sub};

impl Sub {
    /// The most rep `i` can score on their own: the weights of their best
    /// open days, as many as their weekly maximum allows.
    fn best_own_days(&self, i: usize) -> i64 {
        let mut w: Vec<i64> = (0..7)
            .filter(|&d| (self.free(i) | self.forced_in[i]) >> d & 1 == 1)
            .map(|d| self.weight[i][d])
            .collect();
        w.sort_unstable_by(|a, b| b.cmp(a));
        w.iter().take(self.hi[i].max(0) as usize).sum::<i64>()
    }

    /// An upper bound on this subproblem's value: each rep's best days for
    /// the weights, plus every team-day's pairs at the most the desks and
    /// availability allow.
    pub(super) fn upper_bound(&self) -> i64 {
        let n = self.reps.len();
        let mut ub = 0;
        for i in 0..n {
            ub += self.best_own_days(i);
        }
        for t in 0..self.n_teams {
            let members: Vec<usize> = (0..n).filter(|&i| self.team[i] == Some(t)).collect();
            // The team's presence over the week is at most P (each member's
            // maximum within their open days), and on day d at most m_d
            // (members open that day, capped by desks). C(k, 2) is convex, so
            // pairs are largest when P is packed into the fullest days first.
            let mut caps: Vec<i64> = (0..7)
                .map(|d| {
                    let m = members
                        .iter()
                        .filter(|&&i| (self.free(i) | self.forced_in[i]) >> d & 1 == 1)
                        .count() as i64;
                    m.min(self.desks)
                })
                .collect();
            caps.sort_unstable_by(|a, b| b.cmp(a));
            let mut presence: i64 = members
                .iter()
                .map(|&i| {
                    let open = i64::from((self.free(i) | self.forced_in[i]).count_ones());
                    self.hi[i].min(open)
                })
                .sum();
            let mut by_day = 0;
            for m in caps {
                let k = m.min(presence);
                by_day += k * (k - 1) / 2;
                presence -= k;
            }
            let k = members.len() as i64;
            let by_rep: i64 = members
                .iter()
                .map(|&i| self.hi[i].min(7) * (k - 1))
                .sum::<i64>()
                / 2;
            ub += by_day.min(by_rep);
        }
        ub
    }

    /// The subproblem of some reps only, as one team, with the same desks.
    fn restrict(&self, members: &[usize]) -> Sub {
        Sub {
            reps: members.iter().map(|&i| self.reps[i]).collect(),
            days: self.days.clone(),
            desks: self.desks,
            avail: members.iter().map(|&i| self.avail[i]).collect(),
            forced_in: members.iter().map(|&i| self.forced_in[i]).collect(),
            forced_out: members.iter().map(|&i| self.forced_out[i]).collect(),
            lo: members.iter().map(|&i| self.lo[i]).collect(),
            hi: members.iter().map(|&i| self.hi[i]).collect(),
            weight: members.iter().map(|&i| self.weight[i]).collect(),
            team: members.iter().map(|_| Some(0)).collect(),
            n_teams: 1,
        }
    }

    /// A tighter upper bound where teams are small: each team's exact
    /// optimum as if it had the office's desks to itself (proven by the
    /// branch and bound, starting from its part of `plan`), plus the best
    /// days of reps without a team. Teams interact only through desks, so
    /// the sum bounds the whole. `None` when a team is too large to prove.
    pub(super) fn team_bound(&self, plan: &State, budget: usize) -> Option<i64> {
        let n = self.reps.len();
        let mut total = 0;
        for i in (0..n).filter(|&i| self.team[i].is_none()) {
            total += self.best_own_days(i);
        }
        for t in 0..self.n_teams {
            let members: Vec<usize> = (0..n).filter(|&i| self.team[i] == Some(t)).collect();
            let team = self.restrict(&members);
            let mut st = team.empty_state();
            for (k, &i) in members.iter().enumerate() {
                for d in 0..7 {
                    if plan.x[i] >> d & 1 == 1 {
                        team.put(&mut st, k, d);
                    }
                }
            }
            let (best, proven) = team.prove(st, budget);
            if !proven {
                return None;
            }
            total += best.value;
        }
        Some(total)
    }
}
