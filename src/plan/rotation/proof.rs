//! Branch and bound over whole weeks of one rep at a time, within a node
//! budget: it proves small offices optimal, and re-optimises a few reps with
//! the rest of the plan fixed (the large-neighbourhood search).

use crate::plan::rotation::sub::{State, Sub, NO_GROUP};

/// Offices up to this size get a whole-office branch and bound when the
/// Lagrangian bound leaves a gap; beyond it the search rarely finishes.
pub(super) const PROOF_MAX_REPS: usize = 24;
/// Search nodes for all proofs of one plan together.
pub(super) const PROOF_BUDGET: usize = 1_000_000;

/// What a branch and bound found: the best plan (the incumbent when nothing
/// better exists), and whether it searched everything (then no plan is
/// better).
pub(super) struct Outcome {
    pub(super) best: State,
    pub(super) done: bool,
}

/// Depth-first branch and bound over whole weeks of one rep at a time.
struct Proof<'a> {
    sub: &'a Sub,
    /// Reps in search order: by team, identical reps next to each other.
    order: Vec<usize>,
    /// Per position: the rep's allowed weekly masks, and whether the rep is
    /// interchangeable with the one before (then its mask may not exceed
    /// that rep's, which removes mirrored branches).
    masks: Vec<Vec<u8>>,
    same_as_prev: Vec<bool>,
    chosen: Vec<u8>,
    buffers: Vec<Vec<(i64, u8)>>,
    /// Per position and day: teammates later in the order who could be in.
    later_mates: Vec<[i64; 7]>,
    best: State,
    nodes: usize,
    budget: usize,
}

impl Sub {
    /// Branch and bound over this subproblem's reps placed on top of `base`
    /// (a state whose desk use and team counts hold the reps kept fixed
    /// elsewhere; its value and rep rows are ignored). `best` is a complete
    /// plan on top of `base`, the incumbent.
    pub(super) fn branch_and_bound(&self, base: &State, best: State, budget: usize) -> Outcome {
        let n = self.reps.len();
        let key = |i: usize| {
            (
                self.team[i],
                self.at[i],
                self.free(i),
                self.forced_in[i],
                self.lo[i],
                self.hi[i],
                self.weight[i],
            )
        };
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| key(i));
        let same_as_prev: Vec<bool> = (0..n)
            .map(|k| k > 0 && key(order[k]) == key(order[k - 1]))
            .collect();
        let masks: Vec<Vec<u8>> = order
            .iter()
            .map(|&i| {
                let allowed = self.free(i) | self.forced_in[i];
                (0..=u8::MAX >> 1)
                    .filter(|&m| {
                        m & !allowed == 0
                            && m & self.forced_in[i] == self.forced_in[i]
                            && i64::from(m.count_ones()) >= self.lo[i]
                            && i64::from(m.count_ones()) <= self.hi[i]
                    })
                    .collect()
            })
            .collect();
        let later_mates: Vec<[i64; 7]> = (0..n)
            .map(|p| {
                let i = order[p];
                std::array::from_fn(|d| {
                    order[p + 1..]
                        .iter()
                        .filter(|&&j| {
                            self.group[i][d] != NO_GROUP
                                && self.group[j][d] == self.group[i][d]
                                && (self.free(j) | self.forced_in[j]) >> d & 1 == 1
                        })
                        .count() as i64
                })
            })
            .collect();
        let mut proof = Proof {
            sub: self,
            order,
            masks,
            same_as_prev,
            later_mates,
            chosen: vec![0; n],
            buffers: vec![Vec::new(); n],
            best,
            nodes: 0,
            budget,
        };
        let mut st = State {
            x: vec![0; n],
            count: vec![0; n],
            used: base.used.clone(),
            team_in: base.team_in.clone(),
            value: 0,
        };
        proof.search(0, &mut st);
        let done = proof.nodes <= proof.budget;
        Outcome {
            best: proof.best,
            done,
        }
    }
}

impl Proof<'_> {
    fn search(&mut self, k: usize, st: &mut State) {
        let sub = self.sub;
        let n = self.order.len();
        if self.nodes > self.budget {
            return;
        }
        self.nodes += 1;
        if k == n {
            if st.value > self.best.value {
                self.best = st.clone();
            }
            return;
        }
        if st.value + self.bound(k, st) <= self.best.value {
            return;
        }
        let i = self.order[k];
        // Best-first: masks by their immediate gain. Buffers are kept per
        // depth so the search allocates nothing once warm.
        let gain: [i64; 7] = std::array::from_fn(|d| sub.gain_in(st, i, d));
        let full = (0..7)
            .filter(|&d| !sub.room(st, i, d))
            .fold(0u8, |m, d| m | 1 << d);
        let cap = if self.same_as_prev[k] {
            self.chosen[k - 1]
        } else {
            u8::MAX
        };
        let mut options = std::mem::take(&mut self.buffers[k]);
        options.clear();
        options.extend(
            self.masks[k]
                .iter()
                .copied()
                .filter(|&m| m <= cap && m & full == 0)
                .map(|m| {
                    let g: i64 = (0..7).filter(|d| m >> d & 1 == 1).map(|d| gain[d]).sum();
                    (g, m)
                }),
        );
        options.sort_unstable_by(|a, b| b.cmp(a));
        for &(_, m) in &options {
            if self.nodes > self.budget {
                break;
            }
            self.place(st, i, m, true);
            self.chosen[k] = m;
            self.search(k + 1, st);
            self.place(st, i, m, false);
        }
        self.buffers[k] = options;
    }

    /// Puts rep `i` in (or takes them out of) the days of mask `m`.
    fn place(&self, st: &mut State, i: usize, m: u8, into: bool) {
        for d in 0..7 {
            if m >> d & 1 == 1 {
                if into {
                    self.sub.put(st, i, d);
                } else {
                    self.sub.take(st, i, d);
                }
            }
        }
    }

    /// An upper bound on what the reps from position `k` on can still add:
    /// each takes its best days, counting teammates already placed and,
    /// once per pair, teammates after it who could be in that day; at least
    /// its weekly minimum, more only while a day adds (weights may be
    /// negative under the Lagrangian bound's desk prices).
    fn bound(&self, k: usize, st: &State) -> i64 {
        let sub = self.sub;
        let n = self.order.len();
        let mut total = 0;
        for p in k..n {
            let i = self.order[p];
            let allowed = sub.free(i) | sub.forced_in[i];
            let mut v: [i64; 7] = [i64::MIN; 7];
            let mut open = 0;
            for (d, slot) in v.iter_mut().enumerate() {
                if allowed >> d & 1 == 0 {
                    continue;
                }
                *slot = sub.gain_in(st, i, d) + self.later_mates[p][d];
                open += 1;
            }
            v.sort_unstable_by(|a, b| b.cmp(a));
            let lo = sub.lo[i].clamp(0, open) as usize;
            let hi = sub.hi[i].clamp(0, open) as usize;
            total += v[..lo].iter().sum::<i64>();
            total += v[lo..hi.max(lo)].iter().filter(|&&x| x > 0).sum::<i64>();
        }
        total
    }
}
