//! A plan under construction or change: where each job is, each rep's jobs
//! in (due, id) order, load and tasks at risk, kept up to date move by move
//! and charged to the packing budgets.

use crate::plan::balance::problem::{square, Key, Problem, Ratio};

/// The rep of a job not placed yet.
pub(super) const NONE: usize = usize::MAX;

/// A plan under construction: where each job is and each rep's figures.
#[derive(Clone)]
pub(crate) struct Board<'p> {
    p: &'p Problem,
    pub at: Vec<usize>,
    pub(super) list: Vec<Vec<u32>>,
    pub(super) load: Vec<i64>,
    pub(super) risk: Vec<u32>,
    pub(super) total_risk: u32,
    pub(super) moves: u32,
    /// Risk evaluations so far: a packing gives up past [`PACK_BUDGET`](super::pack::PACK_BUDGET).
    pub(super) checks: std::cell::Cell<u64>,
}

impl<'p> Board<'p> {
    pub(super) fn new(p: &'p Problem) -> Board<'p> {
        let n = p.n_reps();
        Board {
            p,
            at: vec![NONE; p.jobs.len()],
            list: vec![Vec::new(); n],
            load: vec![0; n],
            risk: vec![0; n],
            total_risk: 0,
            moves: 0,
            checks: std::cell::Cell::new(0),
        }
    }

    /// A board with every job at `rep_of`.
    pub fn from_plan(p: &'p Problem, rep_of: &[usize]) -> Board<'p> {
        let mut b = Board::new(p);
        for (j, &r) in rep_of.iter().enumerate() {
            b.list[r].push(j as u32);
            b.at[j] = r;
            b.load[r] += p.jobs[j].minutes;
            if p.jobs[j].home.is_some_and(|h| h != r) {
                b.moves += 1;
            }
        }
        for r in 0..p.n_reps() {
            b.risk[r] = b.risk_with(r, None, None);
            b.total_risk += b.risk[r];
        }
        b
    }

    /// At-risk tasks of rep `r` if `out` left and `into` joined it.
    pub(super) fn risk_with(&self, r: usize, out: Option<usize>, into: Option<usize>) -> u32 {
        let cost = 1 + self.list[r].len() as u64 / 8;
        self.checks.set(self.checks.get() + cost);
        self.p.spent.set(self.p.spent.get() + cost);
        self.count_risk(r, out, into)
    }

    /// [`Board::risk_with`] without charging the packing budgets (the
    /// annealing has its own step count).
    pub(super) fn count_risk(&self, r: usize, out: Option<usize>, into: Option<usize>) -> u32 {
        let p = self.p;
        let (mut run, mut n) = (0i64, 0u32);
        let mut step = |j: usize| {
            run += p.jobs[j].minutes;
            if run > p.cum(r, p.jobs[j].due) {
                n += 1;
            }
        };
        let mut pending = into;
        for &j in &self.list[r] {
            let j = j as usize;
            if let Some(k) = pending.filter(|&k| k < j) {
                step(k);
                pending = None;
            }
            if Some(j) != out {
                step(j);
            }
        }
        if let Some(k) = pending {
            step(k);
        }
        n
    }

    /// At-risk tasks of rep `r` if `out` left and `into` joined.
    pub(super) fn risk_with_swap(&self, r: usize, out: usize, into: usize) -> u32 {
        self.risk_with(r, Some(out), Some(into))
    }

    pub(super) fn move_delta(&self, j: usize, from: usize, to: usize) -> i64 {
        let home = self.p.jobs[j].home;
        let cost = |r: usize| i64::from(home.is_some_and(|h| h != r));
        let before = if from == NONE { 0 } else { cost(from) };
        cost(to) - before
    }

    pub(super) fn place(&mut self, j: usize, r: usize) {
        let list = &mut self.list[r];
        let pos = list.partition_point(|&k| (k as usize) < j);
        list.insert(pos, j as u32);
        self.at[j] = r;
        self.load[r] += self.p.jobs[j].minutes;
        if self.p.jobs[j].home.is_some_and(|h| h != r) {
            self.moves += 1;
        }
        self.refresh_risk(r);
    }

    pub(super) fn unplace(&mut self, j: usize) {
        let r = self.at[j];
        if r == NONE {
            return;
        }
        let list = &mut self.list[r];
        if let Ok(pos) = list.binary_search(&(j as u32)) {
            list.remove(pos);
        }
        self.at[j] = NONE;
        self.load[r] -= self.p.jobs[j].minutes;
        if self.p.jobs[j].home.is_some_and(|h| h != r) {
            self.moves -= 1;
        }
        self.refresh_risk(r);
    }

    /// Moves job `j` to rep `r` without recounting risk (the caller sets it).
    pub(super) fn shift(&mut self, j: usize, r: usize) {
        let from = self.at[j];
        let home = self.p.jobs[j].home;
        let minutes = self.p.jobs[j].minutes;
        if let Ok(pos) = self.list[from].binary_search(&(j as u32)) {
            self.list[from].remove(pos);
        }
        self.load[from] -= minutes;
        let list = &mut self.list[r];
        let pos = list.partition_point(|&k| (k as usize) < j);
        list.insert(pos, j as u32);
        self.load[r] += minutes;
        self.at[j] = r;
        self.moves = self.moves + u32::from(home.is_some_and(|h| h != r))
            - u32::from(home.is_some_and(|h| h != from));
    }

    pub(super) fn set_risk(&mut self, r: usize, n: u32) {
        self.total_risk = self.total_risk - self.risk[r] + n;
        self.risk[r] = n;
    }

    pub(super) fn relocate(&mut self, j: usize, r: usize) {
        self.unplace(j);
        self.place(j, r);
    }

    pub(super) fn refresh_risk(&mut self, r: usize) {
        let new = self.risk_with(r, None, None);
        self.total_risk = self.total_risk - self.risk[r] + new;
        self.risk[r] = new;
    }

    pub(super) fn ratio(&self, r: usize) -> Ratio {
        Ratio::of(self.load[r], self.p.cap[r])
    }

    fn finite_max(&self) -> Ratio {
        (0..self.p.n_reps())
            .map(|r| self.ratio(r))
            .filter(|u| !u.is_infinite())
            .max()
            .unwrap_or_default()
    }

    pub fn key(&self) -> Key {
        let finite_max = self.finite_max();
        let infinite = (0..self.p.n_reps()).any(|r| self.ratio(r).is_infinite());
        Key {
            risk: self.total_risk,
            max: if infinite {
                Ratio::INFINITE
            } else {
                finite_max
            },
            moves: self.moves,
            finite_max,
            squares: (0..self.p.n_reps())
                .map(|r| square(self.load[r], self.p.cap[r]))
                .sum(),
        }
    }

    pub(super) fn complete(&self) -> bool {
        self.at.iter().all(|&r| r != NONE)
    }
}

impl Board<'_> {
    #[cfg(test)]
    pub(super) fn check(&self) {
        let fresh = Board::from_plan(self.p, &self.at);
        assert_eq!(fresh.load, self.load);
        assert_eq!(fresh.risk, self.risk);
        assert_eq!(fresh.total_risk, self.total_risk);
        assert_eq!(fresh.moves, self.moves);
    }
}
