//! Exact re-optimisation of the tasks of two reps at a time (method step
//! 5), within node budgets, from the reps with tasks at risk or at the
//! highest utilisation.

use crate::plan::balance::board::Board;
use crate::plan::balance::problem::{square, Key, Ratio};
use crate::plan::balance::search::Search;

/// Nodes one pair re-optimisation may visit.
const PAIR_NODES: u64 = 20_000;
/// Pairs with more tasks that may change rep are left alone.
const PAIR_MAX_FREE: usize = 24;
/// Partners per rep, least loaded first.
const PAIR_PARTNERS: usize = 128;

/// One task of a pair re-optimisation.
struct PairJob {
    job: usize,
    minutes: i64,
    /// `C(due)` on each rep of the pair.
    cum: [i64; 2],
    /// Which reps of the pair may hold it (bit 0, bit 1).
    opts: u8,
    /// Holding it there is a move.
    moved: [bool; 2],
}

/// Exhaustive search over the tasks of two reps (depth first in (due, id)
/// order, so each rep's at-risk count only grows), for an assignment whose
/// pair key beats the current one. Bounded by a node count.
struct PairDfs {
    jobs: Vec<PairJob>,
    cap: [i64; 2],
    /// Minutes at index `k` or later that cannot change rep, per rep.
    fixed_after: Vec<[i64; 2]>,
    /// Minutes at index `k` or later.
    rest_after: Vec<i64>,
    infinite: bool,
    load: [i64; 2],
    risk: u32,
    moves: u32,
    side: Vec<u8>,
    best: Option<Vec<u8>>,
    best_key: Key,
    nodes: u64,
    budget: u64,
}

impl PairDfs {
    fn key(&self, load: [i64; 2], risk: u32, moves: u32, mediant: Option<Ratio>) -> Key {
        let mut finite_max = Ratio::default();
        for (&l, &c) in load.iter().zip(&self.cap) {
            let u = Ratio::of(l, c);
            if !u.is_infinite() {
                finite_max = finite_max.max(u);
            }
        }
        if let Some(m) = mediant {
            finite_max = finite_max.max(m);
        }
        Key {
            risk,
            max: if self.infinite {
                Ratio::INFINITE
            } else {
                finite_max
            },
            moves,
            finite_max,
            squares: square(load[0], self.cap[0]) + square(load[1], self.cap[1]),
        }
    }

    fn dfs(&mut self, k: usize) {
        if self.nodes >= self.budget {
            return;
        }
        self.nodes += 1;
        if k == self.jobs.len() {
            let key = self.key(self.load, self.risk, self.moves, None);
            if key.better_than(&self.best_key) {
                self.best_key = key;
                self.best = Some(self.side.clone());
            }
            return;
        }
        // Loads only grow; all that is left lands on one of the two reps,
        // so the larger ratio is at least the ratio of the sums.
        let lb = [
            self.load[0] + self.fixed_after[k][0],
            self.load[1] + self.fixed_after[k][1],
        ];
        let mediant = (self.cap[0] > 0 && self.cap[1] > 0).then(|| {
            Ratio::of(
                self.load[0] + self.load[1] + self.rest_after[k],
                self.cap[0] + self.cap[1],
            )
        });
        if !self
            .key(lb, self.risk, self.moves, mediant)
            .better_than(&self.best_key)
        {
            return;
        }
        let (minutes, cum, opts, moved) = {
            let j = &self.jobs[k];
            (j.minutes, j.cum, j.opts, j.moved)
        };
        // On time first, then where it stays, then the emptier rep.
        let mut order: [(bool, bool, Ratio, usize); 2] = [(true, true, Ratio::INFINITE, 2); 2];
        for (s, slot) in order.iter_mut().enumerate() {
            if opts & (1 << s) != 0 {
                let l = self.load[s] + minutes;
                *slot = (l > cum[s], moved[s], Ratio::of(l, self.cap[s]), s);
            }
        }
        order.sort();
        for &(late, mv, _, s) in &order {
            if s == 2 {
                continue;
            }
            self.load[s] += minutes;
            self.risk += u32::from(late);
            self.moves += u32::from(mv);
            self.side[k] = s as u8;
            self.dfs(k + 1);
            self.load[s] -= minutes;
            self.risk -= u32::from(late);
            self.moves -= u32::from(mv);
            if self.nodes >= self.budget {
                return;
            }
        }
    }
}

impl<'p> Search<'p> {
    /// Re-optimises the tasks of two reps together, exactly (within a node
    /// budget): the pair's key (tasks at risk on the two, their highest
    /// utilisation, moves, squares) must drop. True when it changed.
    fn pair_opt(&self, b: &mut Board<'p>, pair: [usize; 2], nodes: &mut u64) -> bool {
        let p = self.p;
        let mut js: Vec<usize> = b.list[pair[0]]
            .iter()
            .chain(&b.list[pair[1]])
            .map(|&j| j as usize)
            .collect();
        js.sort_unstable();
        let mut jobs = Vec::with_capacity(js.len());
        let mut free = 0usize;
        for &j in &js {
            let job = &p.jobs[j];
            let here = usize::from(b.at[j] == pair[1]);
            let mut opts = 1u8 << here;
            let other = 1 - here;
            if !job.pinned && p.eligible(j, pair[other]) {
                opts |= 1 << other;
                free += 1;
            }
            jobs.push(PairJob {
                job: j,
                minutes: job.minutes,
                cum: [p.cum(pair[0], job.due), p.cum(pair[1], job.due)],
                opts,
                moved: [
                    job.home.is_some_and(|h| h != pair[0]),
                    job.home.is_some_and(|h| h != pair[1]),
                ],
            });
        }
        if free == 0 || free > PAIR_MAX_FREE {
            return false;
        }
        let n = jobs.len();
        let mut fixed_after = vec![[0i64; 2]; n + 1];
        let mut rest_after = vec![0i64; n + 1];
        for k in (0..n).rev() {
            let j = &jobs[k];
            fixed_after[k] = fixed_after[k + 1];
            if j.opts != 3 {
                fixed_after[k][usize::from(j.opts == 2)] += j.minutes;
            }
            rest_after[k] = rest_after[k + 1] + j.minutes;
        }
        let cap = [p.cap[pair[0]], p.cap[pair[1]]];
        let mut dfs = PairDfs {
            jobs,
            cap,
            fixed_after,
            rest_after,
            infinite: self.infinite,
            load: [0; 2],
            risk: 0,
            moves: 0,
            side: vec![0; n],
            best: None,
            best_key: Key {
                risk: 0,
                max: Ratio::default(),
                moves: 0,
                finite_max: Ratio::default(),
                squares: 0.0,
            },
            nodes: 0,
            budget: PAIR_NODES,
        };
        let moves_now: u32 = js
            .iter()
            .map(|&j| u32::from(p.jobs[j].home.is_some_and(|h| h != b.at[j])))
            .sum();
        dfs.best_key = dfs.key(
            [b.load[pair[0]], b.load[pair[1]]],
            b.risk[pair[0]] + b.risk[pair[1]],
            moves_now,
            None,
        );
        dfs.dfs(0);
        *nodes += dfs.nodes;
        let Some(side) = dfs.best else { return false };
        for (k, &s) in side.iter().enumerate() {
            let (j, r) = (dfs.jobs[k].job, pair[usize::from(s)]);
            if b.at[j] != r {
                b.relocate(j, r);
            }
        }
        true
    }

    /// Pair re-optimisation from every rep with tasks at risk (while above
    /// the bound) or at the highest utilisation (while above its bound),
    /// with the reps sharing a skill group with it, least loaded first.
    /// Keeps the best plan seen; stops after a node budget.
    pub(super) fn pair_search(&self, b: &mut Board<'p>, budget: u64) {
        let p = self.p;
        let mut best = b.key();
        if best.risk <= self.bounds.risk && !self.infinite && best.finite_max <= self.bounds.max {
            return;
        }
        let mut best_board = b.clone();
        let mut nodes = 0u64;
        let mut mark = vec![false; p.n_reps()];
        for _pass in 0..32 {
            let key = b.key();
            let risky = key.risk > self.bounds.risk;
            let high = self.infinite || key.finite_max > self.bounds.max;
            let sources: Vec<usize> = (0..p.n_reps())
                .filter(|&r| (risky && b.risk[r] > 0) || (high && b.ratio(r) == key.finite_max))
                .collect();
            if sources.is_empty() {
                break;
            }
            let mut improved = false;
            for r in sources {
                let mut partners: Vec<usize> = Vec::new();
                for &g in &self.groups_of[r] {
                    for &t in &p.groups[g].members {
                        if t != r && !mark[t] {
                            mark[t] = true;
                            partners.push(t);
                        }
                    }
                }
                for &t in &partners {
                    mark[t] = false;
                }
                partners.sort_by(|&x, &y| b.ratio(x).cmp(&b.ratio(y)).then(x.cmp(&y)));
                partners.truncate(PAIR_PARTNERS);
                for t in partners {
                    if nodes >= budget || p.cancelled() {
                        break;
                    }
                    if self.pair_opt(b, [r, t], &mut nodes) {
                        improved = true;
                        // The pair improves; the whole may not (more
                        // moves at the same maximum elsewhere).
                        let k = b.key();
                        if k.better_than(&best) {
                            best = k;
                            best_board = b.clone();
                        }
                    }
                }
            }
            if !improved || nodes >= budget {
                break;
            }
        }
        if best.better_than(&b.key()) {
            *b = best_board;
        }
    }
}
