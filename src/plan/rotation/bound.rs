//! Upper bounds on a subproblem's value, so the answer says how far from
//! optimal a plan can at most be.
//!
//! Two bounds; the planner keeps the least. [`Sub::upper_bound`] is cheap
//! and loose: each rep's best days plus each team's largest possible pair
//! count. [`Sub::lagrangian_bound`] is the tight one: Lagrangian relaxation
//! of the policy's weekly counts. With a price `σ_r` (of either sign) on
//! each office day of rep `r`,
//!
//! ```text
//! L(σ) = Σ_(office, day) max{ Σ_{r in} (w_rd − σ_r) + Σ_teams C(n_tod, 2) : at most `desks_o` in }
//!      + Σ_r (σ_r · max_r if σ_r ≥ 0, else σ_r · min_r)
//! ```
//!
//! bounds the optimum for every `σ` (a plan within the policy loses no more
//! to the prices than the last term gives back), and the (office, day)s no
//! longer interact (a rep is at one office each day: the visited one on a
//! trip day). A day's maximum is exact and cheap: within a team only the
//! number `n` in matters for the pairs, so the team's best `n` are its
//! locked-in members and then its best by price-adjusted weight; a knapsack
//! over the teams (and the reps without one) fills the desks. The prices
//! follow subgradient steps (Polyak's step towards the best plan's value)
//! from `σ = 0`; every `L(σ)` met bounds the optimum, so the least is kept.
//! Teammates' pairs live within a day, so what is relaxed is only how many
//! days each rep comes in: on generated teams this bound meets the optimum
//! CP-SAT proves, or comes within a fraction of a percent (DESIGN.md, "The
//! rotation planner"). Prices are kept in 1/[`PRICE_SCALE`] points so every
//! sum is an exact integer, and every budget is a count, so the bound is
//! the same on every machine.

use crate::plan::rotation::sub::{State, Sub};

/// Prices and weights are counted in 1/`PRICE_SCALE` points.
const PRICE_SCALE: i64 = 64;

/// What the Lagrangian bound found.
pub(super) struct Relaxed {
    /// The least `L(σ)` met, rounded down: an upper bound on the
    /// subproblem's value.
    pub(super) bound: i64,
    /// The best plan made from the relaxed plans (repaired to keep the
    /// policy, then climbed): its value and weekly masks per rep.
    pub(super) plan: Option<(i64, Vec<u8>)>,
}

/// The reps who may be in at one office on one day, as groups whose pairs
/// count together: each team's members (the locked-in ones first), then
/// the reps without a team.
struct Day {
    day: usize,
    /// The office's desks.
    desks: i64,
    groups: Vec<Group>,
}

/// Buffers of [`Sub::best_day`], kept between calls so the steps
/// allocate little: per group the free reps by adjusted weight, and the
/// knapsack's choice (how many of the group are in) per desks taken.
#[derive(Default)]
struct Buffers {
    ranked: Vec<(i64, usize)>,
    choice: Vec<Vec<usize>>,
    order: Vec<Vec<usize>>,
}

struct Group {
    /// Locked in that day: always in.
    forced: Vec<usize>,
    /// Free to come in or not.
    free: Vec<usize>,
    /// Whether the group's pairs count (false for the reps without a team).
    pairs: bool,
}

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
        let k = self.desks.len();
        for g in 0..self.n_teams * k {
            let (t, s) = (g / k, g % k);
            // A member's days at this office (all days with one office).
            let at = |i: usize| -> u8 {
                (0..7)
                    .filter(|&d| self.slot(i, d) == s)
                    .fold(0u8, |m, d| m | 1 << d)
            };
            let open = |i: usize| (self.free(i) | self.forced_in[i]) & at(i);
            let members: Vec<usize> = (0..n).filter(|&i| self.team[i] == Some(t)).collect();
            // The team's presence over the week at this office is at most P
            // (each member's maximum within their open days there), and on
            // day d at most m_d (members open there that day, capped by
            // desks). C(k, 2) is convex, so pairs are largest when P is
            // packed into the fullest days first.
            let mut caps: Vec<i64> = (0..7)
                .map(|d| {
                    let m = members.iter().filter(|&&i| open(i) >> d & 1 == 1).count() as i64;
                    m.min(self.desks[s])
                })
                .collect();
            caps.sort_unstable_by(|a, b| b.cmp(a));
            let mut presence: i64 = members
                .iter()
                .map(|&i| self.hi[i].min(i64::from(open(i).count_ones())))
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

    /// The subproblem of some reps only, keeping their teams and the
    /// office's desks; `members` index this subproblem.
    pub(super) fn part(&self, members: &[usize]) -> Sub {
        Sub {
            reps: members.iter().map(|&i| self.reps[i]).collect(),
            days: self.days.clone(),
            offices: self.offices.clone(),
            desks: self.desks.clone(),
            at: members.iter().map(|&i| self.at[i]).collect(),
            group: members.iter().map(|&i| self.group[i]).collect(),
            avail: members.iter().map(|&i| self.avail[i]).collect(),
            forced_in: members.iter().map(|&i| self.forced_in[i]).collect(),
            forced_out: members.iter().map(|&i| self.forced_out[i]).collect(),
            lo: members.iter().map(|&i| self.lo[i]).collect(),
            hi: members.iter().map(|&i| self.hi[i]).collect(),
            weight: members.iter().map(|&i| self.weight[i]).collect(),
            team: members.iter().map(|&i| self.team[i]).collect(),
            n_teams: self.n_teams,
        }
    }

    /// The plan of this subproblem whose reps have the given weekly masks.
    pub(super) fn state_of(&self, masks: &[u8]) -> State {
        let mut st = self.empty_state();
        for (i, &m) in masks.iter().enumerate() {
            for d in 0..7 {
                if m >> d & 1 == 1 {
                    self.put(&mut st, i, d);
                }
            }
        }
        st
    }

    /// The reps who may be in at office slot `s` on day `d`, grouped for
    /// that (office, day)'s knapsack.
    fn day_groups(&self, d: usize, s: usize) -> Day {
        let n = self.reps.len();
        let mut groups: Vec<Group> = (0..=self.n_teams)
            .map(|t| Group {
                forced: Vec::new(),
                free: Vec::new(),
                pairs: t < self.n_teams,
            })
            .collect();
        for i in 0..n {
            if self.slot(i, d) != s {
                continue;
            }
            let g = self.team[i].unwrap_or(self.n_teams);
            if self.forced_in[i] >> d & 1 == 1 {
                groups[g].forced.push(i);
            } else if self.free(i) >> d & 1 == 1 {
                groups[g].free.push(i);
            }
        }
        groups.retain(|g| !g.forced.is_empty() || !g.free.is_empty());
        Day {
            day: d,
            desks: self.desks[s],
            groups,
        }
    }

    /// The Lagrangian bound of the module docs after at most `steps` price
    /// updates. `plan` is the best plan known: the steps aim at its value,
    /// and stop once the bound meets it (then the plan is proven optimal).
    pub(super) fn lagrangian_bound(&self, plan: &State, steps: usize) -> Relaxed {
        let n = self.reps.len();
        // The relaxed problem splits by (office, day): desks are per office
        // and pairs per (team, office, day).
        let days: Vec<Day> = (0..self.desks.len())
            .flat_map(|s| (0..7).map(move |d| (d, s)))
            .map(|(d, s)| self.day_groups(d, s))
            .collect();
        let mut price = vec![0f64; n];
        let mut scaled = vec![0i64; n];
        let mut best = i64::MAX;
        let mut fits: Option<(i64, Vec<u8>)> = None;
        let mut masks = vec![0u8; n];
        let mut buffers = Buffers::default();
        // Polyak's step length factor, halved after a few steps without a
        // better bound.
        let mut theta = 1.0;
        let mut stale = 0;
        for _ in 0..steps.max(1) {
            for (s, p) in scaled.iter_mut().zip(&price) {
                *s = (p * PRICE_SCALE as f64).round() as i64;
            }
            let mut value: i64 = (0..n)
                .map(|i| {
                    scaled[i]
                        * if scaled[i] >= 0 {
                            self.hi[i]
                        } else {
                            self.lo[i]
                        }
                })
                .sum();
            masks.iter_mut().for_each(|m| *m = 0);
            for day in &days {
                let Some(top) = self.best_day(day, &scaled, &mut masks, &mut buffers) else {
                    // More reps locked in than desks: no plan, no bound
                    // from here (the planner has said so before asking).
                    return Relaxed {
                        bound: i64::MAX,
                        plan: None,
                    };
                };
                value += top;
            }
            let bound = value.div_euclid(PRICE_SCALE);
            if bound < best {
                best = bound;
                stale = 0;
            } else {
                stale += 1;
                if stale >= 4 {
                    theta /= 2.0;
                    stale = 0;
                }
            }
            // Subgradient of L at σ: the policy's count minus the days the
            // relaxed plan gives each rep.
            let mut norm = 0.0;
            let mut within = true;
            let slope: Vec<f64> = (0..n)
                .map(|i| {
                    let c = i64::from(masks[i].count_ones());
                    within &= self.lo[i] <= c && c <= self.hi[i];
                    let g = if scaled[i] > 0 || (scaled[i] == 0 && c > self.hi[i]) {
                        self.hi[i] - c
                    } else if scaled[i] < 0 || c < self.lo[i] {
                        self.lo[i] - c
                    } else {
                        0
                    } as f64;
                    norm += g * g;
                    g
                })
                .collect();
            // The relaxed plan, made to keep the policy, competes with the
            // search's plans (a Lagrangian heuristic); repaired only where
            // the bound improved, as prices near the best are where the
            // relaxed plan is nearest a good plan, and a repair costs more
            // than a step.
            if within || stale == 0 {
                if let Some(fitted) = self.repair(&masks) {
                    if fits.as_ref().is_none_or(|(v, _)| fitted.value > *v) {
                        fits = Some((fitted.value, fitted.x));
                    }
                }
            }
            let known = plan.value.max(fits.as_ref().map_or(i64::MIN, |f| f.0));
            if best <= known || norm == 0.0 {
                break;
            }
            let step = theta * (value as f64 / PRICE_SCALE as f64 - known as f64) / norm;
            for (p, g) in price.iter_mut().zip(&slope) {
                *p -= step * g;
            }
        }
        Relaxed {
            bound: best,
            plan: fits,
        }
    }

    /// One (office, day)'s maximum of `L` (in 1/[`PRICE_SCALE`] points) under the
    /// scaled prices, and the reps it puts in marked in `masks`: per group
    /// the best `k` in for every `k` (locked-in first, then by adjusted
    /// weight), then a knapsack over the groups for the desks. `None` when
    /// the locked-in reps alone overfill the desks.
    fn best_day(
        &self,
        day: &Day,
        scaled: &[i64],
        masks: &mut [u8],
        buffers: &mut Buffers,
    ) -> Option<i64> {
        // No more desks than reps who may come in: the knapsack stays small
        // in a large office.
        let d = day.day;
        let cap = (day.desks.max(0) as usize).min(
            day.groups
                .iter()
                .map(|g| g.forced.len() + g.free.len())
                .sum(),
        );
        let v = |i: usize| self.weight[i][d] * PRICE_SCALE - scaled[i];
        // best[c]: the day's best value with c desks taken (NONE: no way).
        const NONE: i64 = i64::MIN / 4;
        let Buffers {
            ranked,
            choice: table,
            order,
        } = buffers;
        let mut best = vec![NONE; cap + 1];
        best[0] = 0;
        table.resize_with(day.groups.len(), Vec::new);
        order.resize_with(day.groups.len(), Vec::new);
        for (g, group) in day.groups.iter().enumerate() {
            ranked.clear();
            ranked.extend(group.free.iter().map(|&i| (v(i), i)));
            ranked.sort_unstable_by(|a, b| b.cmp(a));
            let f = group.forced.len();
            let mut gain: Vec<i64> = Vec::with_capacity(ranked.len() + 1);
            let mut sum: i64 = group.forced.iter().map(|&i| v(i)).sum();
            for k in f..=f + ranked.len() {
                if k > f {
                    sum += ranked[k - f - 1].0;
                }
                let pairs = if group.pairs {
                    (k * k.saturating_sub(1) / 2) as i64
                } else {
                    0
                };
                gain.push(sum + pairs * PRICE_SCALE);
            }
            let mut next = vec![NONE; cap + 1];
            let choice = &mut table[g];
            choice.clear();
            choice.resize(cap + 1, 0);
            for c in 0..=cap {
                if best[c] == NONE {
                    continue;
                }
                for (j, &gv) in gain.iter().enumerate() {
                    let k = f + j;
                    if c + k > cap {
                        break;
                    }
                    if best[c] + gv > next[c + k] {
                        next[c + k] = best[c] + gv;
                        choice[c + k] = k;
                    }
                }
            }
            best = next;
            order[g].clear();
            order[g].extend(ranked.iter().map(|&(_, i)| i));
        }
        let (mut c, top) = best
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b != NONE)
            .max_by_key(|&(c, &b)| (b, std::cmp::Reverse(c)))
            .map(|(c, &b)| (c, b))?;
        for (g, group) in day.groups.iter().enumerate().rev() {
            let k = table[g][c];
            for &i in group
                .forced
                .iter()
                .chain(&order[g][..k - group.forced.len()])
            {
                masks[i] |= 1 << d;
            }
            c -= k;
        }
        Some(top)
    }
}
