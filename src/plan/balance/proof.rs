//! Exact balancing of small instances: depth-first branch and bound over
//! the tasks in (due, id) order, which is the order in which each rep's
//! at-risk count is computed, so every branch appends to its rep and the
//! four terms of a partial plan only grow.
//!
//! Bound of a node, term by term (each a lower bound on every completion,
//! so comparing it lexicographically with the incumbent prunes soundly):
//! 1. tasks at risk so far, plus pinned tasks that will be at risk on top of
//!    the current load, plus later movable tasks at risk on every eligible rep;
//! 2. the highest ratio of (current + later pinned load) and, per later
//!    task, its best rep;
//! 3. moves so far plus later tasks whose assignee may not keep them;
//! 4. the sum of squares with the later movable minutes spread over all
//!    reps with working time as evenly as squares allow (water-filling on
//!    top of current and later pinned load), eligibility and whole tasks
//!    aside.
//!
//! Reps that are interchangeable (same capacity curve and skills, no pinned
//! or own tasks) are tried once per load level. The search stops after a
//! work budget; it then returns the best plan found, not a proof.

use std::collections::HashMap;

use crate::plan::balance::board::Board;
use crate::plan::balance::problem::{square, Key, Problem, Ratio};

/// Branch-and-bound result.
pub(crate) struct Exact {
    pub rep_of: Vec<usize>,
    /// The search finished: `rep_of` is optimal on all four terms.
    pub complete: bool,
}

/// Searches for a plan better than `incumbent` (a complete plan).
pub(crate) fn search(p: &Problem, incumbent: &[usize], work_budget: u64) -> Exact {
    let n_reps = p.cap.len();
    let mut pinned_after = vec![0i64; n_reps];
    let mut pinned_of: Vec<Vec<usize>> = vec![Vec::new(); n_reps];
    let mut owns = vec![false; n_reps];
    for (j, job) in p.jobs.iter().enumerate() {
        if let Some(h) = job.home {
            owns[h] = true;
            if job.pinned {
                pinned_after[h] += job.minutes;
                pinned_of[h].push(j);
            }
        }
    }
    let mut forced_after = vec![0u32; p.jobs.len() + 1];
    for j in (0..p.jobs.len()).rev() {
        let job = &p.jobs[j];
        let forced = !job.pinned && job.home.is_some_and(|h| !p.eligible(j, h));
        forced_after[j] = forced_after[j + 1] + u32::from(forced);
    }
    let mut s = Dfs {
        p,
        load: vec![0; n_reps],
        pinned_after,
        pinned_of,
        forced_after,
        class: classes(p, &owns),
        risk: 0,
        moves: 0,
        at: vec![0; p.jobs.len()],
        best: incumbent.to_vec(),
        best_key: Board::from_plan(p, incumbent).key(),
        work: 0,
        budget: work_budget,
        infinite: p.infinite(),
    };
    s.dfs(0);
    Exact {
        complete: s.work < s.budget,
        rep_of: s.best,
    }
}

/// Interchangeable reps share a class id; others get `usize::MAX`.
fn classes(p: &Problem, owns: &[bool]) -> Vec<usize> {
    let mut ids: HashMap<(Vec<i64>, Vec<bool>), usize> = HashMap::new();
    (0..p.cap.len())
        .map(|r| {
            if owns[r] {
                return usize::MAX;
            }
            let curve: Vec<i64> = (0..p.n_days).map(|d| p.cum(r, d)).collect();
            let member: Vec<bool> = p.groups.iter().map(|g| g.members.contains(&r)).collect();
            let next = ids.len();
            *ids.entry((curve, member)).or_insert(next)
        })
        .collect()
}

struct Dfs<'p> {
    p: &'p Problem,
    load: Vec<i64>,
    /// Pinned minutes per rep at or after the current depth.
    pinned_after: Vec<i64>,
    pinned_of: Vec<Vec<usize>>,
    /// Movable tasks from index `i` on whose assignee may not keep them.
    forced_after: Vec<u32>,
    class: Vec<usize>,
    risk: u32,
    moves: u32,
    at: Vec<usize>,
    best: Vec<usize>,
    best_key: Key,
    work: u64,
    budget: u64,
    infinite: bool,
}

impl Dfs<'_> {
    fn assign(&mut self, j: usize, r: usize) -> (bool, bool) {
        let job = &self.p.jobs[j];
        self.load[r] += job.minutes;
        let late = self.load[r] > self.p.cum(r, job.due);
        let moved = job.home.is_some_and(|h| h != r);
        self.risk += u32::from(late);
        self.moves += u32::from(moved);
        if job.pinned {
            self.pinned_after[r] -= job.minutes;
        }
        self.at[j] = r;
        (late, moved)
    }

    fn undo(&mut self, j: usize, r: usize, (late, moved): (bool, bool)) {
        let job = &self.p.jobs[j];
        self.load[r] -= job.minutes;
        self.risk -= u32::from(late);
        self.moves -= u32::from(moved);
        if job.pinned {
            self.pinned_after[r] += job.minutes;
        }
    }

    fn dfs(&mut self, depth: usize) {
        // A cancelled run spends its budget at once; the caller discards it.
        if self.work >= self.budget {
            return;
        }
        if self.p.cancelled() {
            self.work = self.budget;
            return;
        }
        // Pinned tasks have one place: take them without branching.
        let mut i = depth;
        let mut undo = Vec::new();
        while i < self.p.jobs.len() && self.p.jobs[i].pinned {
            let r = self.p.jobs[i].home.unwrap_or(0);
            let u = self.assign(i, r);
            undo.push((i, r, u));
            i += 1;
        }
        if self.bound(i).better_than(&self.best_key) {
            if i == self.p.jobs.len() {
                let key = self.leaf_key();
                if key.better_than(&self.best_key) {
                    self.best_key = key;
                    self.best = self.at.clone();
                }
            } else {
                self.branch(i);
            }
        }
        for (j, r, u) in undo.into_iter().rev() {
            self.undo(j, r, u);
        }
    }

    fn branch(&mut self, j: usize) {
        let p = self.p;
        let job = &p.jobs[j];
        let mut order: Vec<usize> = p.candidates(j).to_vec();
        let home = job.home;
        order.sort_by(|&a, &b| {
            let ka = (
                home != Some(a),
                Ratio::of(self.load[a] + job.minutes, p.cap[a]),
                a,
            );
            let kb = (
                home != Some(b),
                Ratio::of(self.load[b] + job.minutes, p.cap[b]),
                b,
            );
            ka.cmp(&kb)
        });
        let mut tried: Vec<(usize, i64)> = Vec::new();
        for r in order {
            let c = self.class[r];
            if c != usize::MAX {
                if tried.contains(&(c, self.load[r])) {
                    continue;
                }
                tried.push((c, self.load[r]));
            }
            let u = self.assign(j, r);
            self.dfs(j + 1);
            self.undo(j, r, u);
            if self.work >= self.budget {
                return;
            }
        }
    }

    /// A lower bound on the key of every completion from job `i` on.
    fn bound(&mut self, i: usize) -> Key {
        let p = self.p;
        let n_reps = p.cap.len();
        self.work += n_reps as u64 + 1;
        let mut risk = self.risk;
        for r in 0..n_reps {
            if self.pinned_after[r] == 0 {
                continue;
            }
            let mut run = self.load[r];
            for &k in &self.pinned_of[r] {
                if k >= i {
                    run += p.jobs[k].minutes;
                    risk += u32::from(run > p.cum(r, p.jobs[k].due));
                }
            }
        }
        let base = |r: usize| self.load[r] + self.pinned_after[r];
        let mut finite_max = (0..n_reps)
            .map(|r| Ratio::of(base(r), p.cap[r]))
            .filter(|u| !u.is_infinite())
            .max()
            .unwrap_or_default();
        let pinned_between = |r: usize, k: usize| -> i64 {
            self.pinned_of[r]
                .iter()
                .filter(|&&x| x >= i && x < k)
                .map(|&x| p.jobs[x].minutes)
                .sum()
        };
        for k in i..p.jobs.len() {
            let job = &p.jobs[k];
            if job.pinned {
                continue;
            }
            self.work += job.n_eligible as u64;
            let mut all_late = true;
            let mut best = Ratio::INFINITE;
            for &r in p.candidates(k) {
                if all_late
                    && self.load[r] + pinned_between(r, k) + job.minutes <= p.cum(r, job.due)
                {
                    all_late = false;
                }
                best = best.min(Ratio::of(base(r) + job.minutes, p.cap[r]));
            }
            risk += u32::from(all_late);
            if !best.is_infinite() {
                finite_max = finite_max.max(best);
            }
        }
        Key {
            risk,
            max: if self.infinite {
                Ratio::INFINITE
            } else {
                finite_max
            },
            moves: self.moves + self.forced_after[i],
            finite_max,
            squares: self.least_squares(i),
        }
    }

    /// The least sum of squares once the movable minutes from job `i` on
    /// are added to the current and pinned loads, as if they could be split
    /// among all reps with working time (water-filling: each rep filled up
    /// to a common level of `load / C²`).
    fn least_squares(&mut self, i: usize) -> f64 {
        let p = self.p;
        let base = |r: usize| (self.load[r] + self.pinned_after[r]) as f64;
        let fixed: f64 = (0..p.cap.len())
            .map(|r| square(base(r) as i64, p.cap[r]))
            .sum();
        let mut rest: f64 = p.jobs[i..]
            .iter()
            .filter(|j| !j.pinned)
            .map(|j| j.minutes as f64)
            .sum();
        if rest == 0.0 {
            return fixed;
        }
        // (level at which the rep starts to take work, C²)
        let mut reps: Vec<(f64, f64)> = (0..p.cap.len())
            .filter(|&r| p.cap[r] > 0)
            .map(|r| {
                let c2 = (p.cap[r] as f64).powi(2);
                (base(r) / c2, c2)
            })
            .collect();
        if reps.is_empty() {
            return fixed;
        }
        reps.sort_by(|a, b| a.0.total_cmp(&b.0));
        self.work += reps.len() as u64;
        // Raise the lowest reps together until the minutes run out.
        let mut level = reps[0].0;
        let mut weight = 0.0;
        let mut k = 0;
        while k < reps.len() {
            weight += reps[k].1;
            let next = reps.get(k + 1).map_or(f64::INFINITY, |x| x.0);
            let need = (next - level) * weight;
            if need >= rest {
                level += rest / weight;
                break;
            }
            rest -= need;
            level = next;
            k += 1;
        }
        // Each raised rep ends at load = level·C², utilisation level·C.
        let mut total = 0.0;
        for (r, &(start, c2)) in reps.iter().enumerate() {
            let u = if r <= k { level.max(start) } else { start };
            total += u * u * c2;
        }
        // Reps without working time add nothing (an infinite utilisation
        // is the same in every plan). Shaved so float rounding never lifts
        // the bound above a plan's exact figure.
        total * (1.0 - 1e-9)
    }

    fn leaf_key(&self) -> Key {
        let p = self.p;
        let finite_max = (0..p.cap.len())
            .map(|r| Ratio::of(self.load[r], p.cap[r]))
            .filter(|u| !u.is_infinite())
            .max()
            .unwrap_or_default();
        Key {
            risk: self.risk,
            max: if self.infinite {
                Ratio::INFINITE
            } else {
                finite_max
            },
            moves: self.moves,
            finite_max,
            squares: (0..p.cap.len())
                .map(|r| square(self.load[r], p.cap[r]))
                .sum(),
        }
    }
}
