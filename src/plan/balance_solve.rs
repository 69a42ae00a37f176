//! The balancer's search: given per-rep cumulative capacities and the tasks
//! in scope (already in (due, id) order with their eligible reps), find an
//! assignment minimising, lexicographically, tasks at risk, the highest
//! utilisation, tasks moved and the sum of squared utilisations.
//!
//! Method (see DESIGN.md, "The workload balancer"):
//! 1. **Bounds.** Tasks at risk on every rep they may go to (given pinned
//!    work) and pinned tasks at risk on their own give a lower bound on (1);
//!    pinned load, the largest task on its best rep and per-skill-group
//!    load/capacity ratios give one on (2).
//! 2. **Construction.** Packing with a per-rep load limit `⌊λ·C_r⌋`: either
//!    every rep first keeps what it has (Moore–Hodgson: walk its tasks by due
//!    date and, when one would be at risk or over the limit, drop the largest
//!    so far, which drops the fewest tasks) and the rest is packed, or all
//!    movable tasks are packed; largest task first, best or worst fit among
//!    eligible reps (an ordered index of rooms per skill group), never adding
//!    a task at risk when a safe place exists.
//! 3. **λ search.** Bisection on λ between the bound and the best plan's
//!    highest utilisation, keeping every plan that is lexicographically
//!    better, then attempts strictly below the best.
//! 4. **Local search.** Relieve the busiest reps (move or swap a task so each
//!    drops strictly below the maximum), bring moved tasks back home (directly
//!    or by sending a guest elsewhere), then spread guests to lower the sum of
//!    squares; no step worsens an earlier term.
//! 5. **Overloaded teams** (tasks at risk above the bound): simulated
//!    annealing on tasks at risk, then bisection on λ with annealing under
//!    the limits, and exact re-optimisation of pairs of reps (before the λ
//!    search and after polishing); fixed seeds and step counts.
//! 6. **Exact search** ([`crate::plan::balance_exact`]) on small instances,
//!    seeded with the heuristic plan, proves or improves it on all four terms.
//!
//! Every step is deterministic: orders are total, work budgets are counts.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::sync::Arc;

use crate::plan::balance_exact;

const NONE: usize = usize::MAX;

/// One task in scope that some rep may take.
#[derive(Debug, Clone)]
pub(crate) struct Job {
    pub minutes: i64,
    /// Window day index of the due date.
    pub due: usize,
    /// The current assignee.
    pub home: Option<usize>,
    /// Pinned to `home`.
    pub pinned: bool,
    /// Index into [`Problem::groups`] (a singleton group for pinned tasks).
    pub group: usize,
    /// The eligible reps are `groups[group].members[..n_eligible]`.
    pub n_eligible: usize,
}

/// Reps with a set of skills, ordered by the first window day on which they
/// have working time, so the reps eligible for a task due on day `d` are a
/// prefix.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub members: Vec<usize>,
    bits: Vec<u64>,
    pinned_to: Option<usize>,
}

impl Group {
    pub fn pinned(rep: usize) -> Group {
        Group {
            members: vec![rep],
            bits: Vec::new(),
            pinned_to: Some(rep),
        }
    }

    pub fn skilled(mut members: Vec<usize>, first_day: &[usize], n_reps: usize) -> Group {
        members.sort_by_key(|&r| (first_day[r], r));
        let mut bits = vec![0u64; n_reps.div_ceil(64)];
        for &r in &members {
            bits[r / 64] |= 1 << (r % 64);
        }
        Group {
            members,
            bits,
            pinned_to: None,
        }
    }

    fn contains(&self, r: usize) -> bool {
        match self.pinned_to {
            Some(p) => p == r,
            None => self
                .bits
                .get(r / 64)
                .is_some_and(|w| w & (1 << (r % 64)) != 0),
        }
    }

    /// Every member of `self` is a member of `other`.
    fn subset_of(&self, other: &Group) -> bool {
        match (self.pinned_to, other.pinned_to) {
            (Some(a), _) => other.contains(a),
            (None, Some(_)) => self.members.iter().all(|&r| other.contains(r)),
            (None, None) => self.bits.iter().zip(&other.bits).all(|(a, b)| a & !b == 0),
        }
    }
}

/// The balancer's input, reduced to numbers.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    pub n_days: usize,
    /// `C_r`.
    pub cap: Vec<i64>,
    /// `C_r(D)`, rep-major.
    cum: Vec<i64>,
    /// First day with `C_r(D) > 0` (`n_days` when none).
    first_day: Vec<usize>,
    pub jobs: Vec<Job>,
    pub groups: Vec<Group>,
    /// Risk evaluations of the whole run: packings stop past
    /// [`SEARCH_BUDGET`], so the run's time stays bounded.
    spent: std::cell::Cell<u64>,
    /// Set by the caller to stop the run; phases give up at their next
    /// coarse check and [`solve`] answers `None` (never a partial plan).
    cancel: Arc<AtomicBool>,
}

impl Problem {
    pub fn new(daily: &[Vec<i64>], jobs: Vec<Job>, groups: Vec<Group>) -> Problem {
        let n_days = daily.first().map_or(0, Vec::len);
        let mut cum = Vec::with_capacity(daily.len() * n_days);
        let mut cap = Vec::with_capacity(daily.len());
        let mut first_day = Vec::with_capacity(daily.len());
        for d in daily {
            let mut run = 0;
            for &m in d {
                run += m;
                cum.push(run);
            }
            cap.push(run);
            first_day.push(d.iter().position(|&m| m > 0).unwrap_or(n_days));
        }
        Problem {
            n_days,
            cap,
            cum,
            first_day,
            jobs,
            groups,
            spent: std::cell::Cell::new(0),
            cancel: Arc::default(),
        }
    }

    /// Uses `flag` as this run's cancel flag.
    pub fn with_cancel(mut self, flag: Arc<AtomicBool>) -> Problem {
        self.cancel = flag;
        self
    }

    /// The caller asked the run to stop.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(AtomicOrdering::Relaxed)
    }

    /// `C_r(D)` for window day `d`.
    pub fn cum(&self, r: usize, d: usize) -> i64 {
        self.cum[r * self.n_days + d]
    }

    pub fn candidates(&self, j: usize) -> &[usize] {
        let job = &self.jobs[j];
        &self.groups[job.group].members[..job.n_eligible]
    }

    pub fn eligible(&self, j: usize, r: usize) -> bool {
        let job = &self.jobs[j];
        if job.pinned {
            return job.home == Some(r);
        }
        self.groups[job.group].contains(r) && self.first_day[r] <= job.due
    }

    fn n_reps(&self) -> usize {
        self.cap.len()
    }

    /// Pinned minutes per rep.
    fn pinned_load(&self) -> Vec<i64> {
        let mut load = vec![0; self.n_reps()];
        for j in &self.jobs {
            if let (true, Some(h)) = (j.pinned, j.home) {
                load[h] += j.minutes;
            }
        }
        load
    }

    /// Some rep with no capacity holds pinned work: every plan has an
    /// infinite utilisation and sum of squares.
    pub fn infinite(&self) -> bool {
        self.pinned_load()
            .iter()
            .zip(&self.cap)
            .any(|(&l, &c)| l > 0 && c == 0)
    }
}

/// An exact non-negative ratio `num / den`; `den == 0` is infinity.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ratio {
    num: i64,
    den: i64,
}

impl Default for Ratio {
    fn default() -> Self {
        Ratio { num: 0, den: 1 }
    }
}

impl Ratio {
    pub const INFINITE: Ratio = Ratio { num: 1, den: 0 };

    /// `load / cap` with the contract's conventions (`0/0 = 0`, `x/0 = ∞`).
    pub fn of(load: i64, cap: i64) -> Ratio {
        match (load, cap) {
            (0, _) => Ratio::default(),
            (_, 0) => Ratio::INFINITE,
            _ => Ratio {
                num: load,
                den: cap,
            },
        }
    }

    pub fn is_infinite(self) -> bool {
        self.den == 0
    }

    pub fn to_f64(self) -> Option<f64> {
        (!self.is_infinite()).then(|| self.num as f64 / self.den as f64)
    }

    /// The largest load `L` with `L / cap ≤ self`.
    fn limit(self, cap: i64) -> i64 {
        if self.is_infinite() {
            return i64::MAX / 4;
        }
        let v = i128::from(self.num) * i128::from(cap) / i128::from(self.den);
        i64::try_from(v).unwrap_or(i64::MAX / 4)
    }

    /// The largest load `L` with `L / cap < self` (−1 when none).
    fn limit_below(self, cap: i64) -> i64 {
        if self.is_infinite() {
            return i64::MAX / 4;
        }
        let prod = i128::from(self.num) * i128::from(cap);
        if prod == 0 {
            return -1;
        }
        i64::try_from((prod - 1) / i128::from(self.den)).unwrap_or(i64::MAX / 4)
    }

    /// A ratio between `lo` and `hi` (both finite), on a 2⁻³⁰ grid.
    fn midpoint(lo: Ratio, hi: Ratio) -> Ratio {
        let (a, b) = (lo.to_f64().unwrap_or(0.0), hi.to_f64().unwrap_or(0.0));
        let den = 1i64 << 30;
        Ratio {
            num: ((a + b) / 2.0 * den as f64).floor().max(0.0) as i64,
            den,
        }
    }
}

impl PartialEq for Ratio {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ratio {}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.is_infinite(), other.is_infinite()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => (i128::from(self.num) * i128::from(other.den))
                .cmp(&(i128::from(other.num) * i128::from(self.den))),
        }
    }
}

/// The objective of a complete plan, ordered lexicographically. With an
/// unavoidable infinite utilisation the contract's terms (2) and (4) tie
/// for every plan; the finite reps' maximum and squares then break ties
/// after the moves.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key {
    pub risk: u32,
    pub max: Ratio,
    pub moves: u32,
    pub finite_max: Ratio,
    pub squares: f64,
}

/// Squares closer than this (relative) are taken as equal, so float noise
/// never decides between plans.
pub(crate) const SQUARES_EPS: f64 = 1e-12;

impl Key {
    pub fn cmp(&self, other: &Key) -> Ordering {
        self.risk
            .cmp(&other.risk)
            .then(self.max.cmp(&other.max))
            .then(self.moves.cmp(&other.moves))
            .then(self.finite_max.cmp(&other.finite_max))
            .then_with(|| {
                let tol = SQUARES_EPS * self.squares.abs().max(other.squares.abs()).max(1.0);
                if (self.squares - other.squares).abs() <= tol {
                    Ordering::Equal
                } else {
                    self.squares.total_cmp(&other.squares)
                }
            })
    }

    pub fn better_than(&self, other: &Key) -> bool {
        self.cmp(other) == Ordering::Less
    }
}

/// The square of a rep's utilisation (0 for an infinite one: those are the
/// same in every plan and only the finite part can differ).
pub(crate) fn square(load: i64, cap: i64) -> f64 {
    if cap == 0 {
        return 0.0;
    }
    let u = load as f64 / cap as f64;
    u * u
}

/// A plan under construction: where each job is and each rep's figures.
#[derive(Clone)]
pub(crate) struct Board<'p> {
    p: &'p Problem,
    pub at: Vec<usize>,
    list: Vec<Vec<u32>>,
    load: Vec<i64>,
    risk: Vec<u32>,
    total_risk: u32,
    moves: u32,
    /// Risk evaluations so far: a packing gives up past [`PACK_BUDGET`].
    checks: std::cell::Cell<u64>,
}

impl<'p> Board<'p> {
    fn new(p: &'p Problem) -> Board<'p> {
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
    fn risk_with(&self, r: usize, out: Option<usize>, into: Option<usize>) -> u32 {
        let cost = 1 + self.list[r].len() as u64 / 8;
        self.checks.set(self.checks.get() + cost);
        self.p.spent.set(self.p.spent.get() + cost);
        self.count_risk(r, out, into)
    }

    /// [`Board::risk_with`] without charging the packing budgets (the
    /// annealing has its own step count).
    fn count_risk(&self, r: usize, out: Option<usize>, into: Option<usize>) -> u32 {
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
    fn risk_with_swap(&self, r: usize, out: usize, into: usize) -> u32 {
        self.risk_with(r, Some(out), Some(into))
    }

    fn move_delta(&self, j: usize, from: usize, to: usize) -> i64 {
        let home = self.p.jobs[j].home;
        let cost = |r: usize| i64::from(home.is_some_and(|h| h != r));
        let before = if from == NONE { 0 } else { cost(from) };
        cost(to) - before
    }

    fn place(&mut self, j: usize, r: usize) {
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

    fn unplace(&mut self, j: usize) {
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
    fn shift(&mut self, j: usize, r: usize) {
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

    fn set_risk(&mut self, r: usize, n: u32) {
        self.total_risk = self.total_risk - self.risk[r] + n;
        self.risk[r] = n;
    }

    fn relocate(&mut self, j: usize, r: usize) {
        self.unplace(j);
        self.place(j, r);
    }

    fn refresh_risk(&mut self, r: usize) {
        let new = self.risk_with(r, None, None);
        self.total_risk = self.total_risk - self.risk[r] + new;
        self.risk[r] = new;
    }

    fn ratio(&self, r: usize) -> Ratio {
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

    fn complete(&self) -> bool {
        self.at.iter().all(|&r| r != NONE)
    }
}

/// What the search proves and finds.
pub(crate) struct Solved {
    pub rep_of: Vec<usize>,
    pub at_risk_bound: u32,
    pub max_bound: Ratio,
    pub optimal: bool,
}

/// How a packing treats current assignees and picks among reps.
#[derive(Debug, Clone, Copy)]
struct Variant {
    /// Reps first keep their own tasks (fewest drops).
    keep: bool,
    /// Kept tasks must respect the load limit too (off only when an
    /// infinite utilisation makes moves outrank the maximum).
    keep_within_limit: bool,
    /// Among reps that fit, the tightest (best fit) or the roomiest.
    best_fit: bool,
    /// A task goes back to its assignee when it fits there.
    prefer_home: bool,
    /// Walk tasks by due date instead of by size, trading a large safe task
    /// for a smaller one when a task fits nowhere (Moore–Hodgson over all
    /// reps), and place the tasks that cannot be safe last, where they put
    /// the fewest others at risk. Best for overloaded teams.
    edf: bool,
}

/// Below this many movable tasks the exact search runs.
const EXACT_MAX_JOBS: usize = 40;
/// Work budget of the exact search (bound evaluations, in rep-task units).
const EXACT_WORK: u64 = 60_000_000;
/// Risk evaluations one packing may spend before it gives up (a packing of
/// 20,000 tasks needs well under a tenth of it; hopeless limits on
/// overloaded teams would otherwise cost seconds).
const PACK_BUDGET: u64 = 3_000_000;
/// Risk evaluations all packings of one run may spend together.
const SEARCH_BUDGET: u64 = 15_000_000;
/// Candidate checks a local-search phase may spend (keeps large instances
/// fast and the result deterministic).
const WORK_BUDGET: u64 = 30_000_000;

/// Annealing steps per movable task, and at most in all.
const ANNEAL_PER_JOB: u64 = 20_000;
const ANNEAL_STEPS: u64 = 3_000_000;
/// Bisection steps on λ by annealing.
const ANNEAL_ROUNDS: u64 = 8;
/// Starting and final temperature (in tasks at risk).
const ANNEAL_T0: f64 = 0.6;
const ANNEAL_T1: f64 = 0.03;
/// Nodes one pair re-optimisation may visit.
const PAIR_NODES: u64 = 20_000;
/// Nodes the pair re-optimisations of one phase may visit together.
const PAIR_WORK: u64 = 4_000_000;
/// Pairs with more tasks that may change rep are left alone.
const PAIR_MAX_FREE: usize = 24;
/// Partners per rep, least loaded first.
const PAIR_PARTNERS: usize = 128;

/// Finds the plan. Every job is placed. `None` when the run was cancelled:
/// phases stop early once the flag is set, so what they hold is discarded.
pub(crate) fn solve(p: &Problem) -> Option<Solved> {
    let n_jobs = p.jobs.len();
    let bounds = Bounds::new(p);
    if n_jobs == 0 {
        return Some(Solved {
            rep_of: Vec::new(),
            at_risk_bound: bounds.risk,
            max_bound: bounds.max,
            optimal: true,
        });
    }
    let infinite = p.infinite();
    let mut s = Search::new(p, &bounds, infinite);
    let mut best = s.initial();
    debug_assert!(best.complete());
    // Checks between phases; inside them, packings, annealing and the pair
    // and exact searches check too, so a cancel lands within a fraction of
    // a second on the largest teams.
    if p.cancelled() {
        return None;
    }
    s.reduce_risk(&mut best);
    s.anneal_search(&mut best);
    if p.cancelled() {
        return None;
    }
    // Before the λ search only for tasks at risk: on other teams packings
    // reach the highest utilisation's bound far sooner.
    if best.total_risk > bounds.risk {
        s.pair_search(&mut best, PAIR_WORK);
    }
    best = s.lambda_search(best);
    if p.cancelled() {
        return None;
    }
    best = s.polish(best);
    s.pair_search(&mut best, PAIR_WORK);
    if p.cancelled() {
        return None;
    }
    let mut optimal = false;
    let mut rep_of = best.at.clone();
    let movable = p.jobs.iter().filter(|j| !j.pinned).count();
    if movable <= EXACT_MAX_JOBS {
        let out = balance_exact::search(p, &rep_of, EXACT_WORK);
        optimal = out.complete;
        rep_of = out.rep_of;
    }
    if p.cancelled() {
        return None;
    }
    Some(Solved {
        rep_of,
        at_risk_bound: bounds.risk,
        max_bound: bounds.max,
        optimal,
    })
}

/// Lower bounds on tasks at risk and on the highest utilisation.
struct Bounds {
    risk: u32,
    max: Ratio,
    /// Jobs at risk on every eligible rep whatever else happens.
    doomed: Vec<bool>,
}

impl Bounds {
    fn new(p: &Problem) -> Bounds {
        let n = p.n_reps();
        // Pinned tasks alone, per rep, in (due, id) order.
        let mut pinned_jobs: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (j, job) in p.jobs.iter().enumerate() {
            if let (true, Some(h)) = (job.pinned, job.home) {
                pinned_jobs[h].push(j);
            }
        }
        let mut prefix: Vec<Vec<i64>> = Vec::with_capacity(n);
        let mut doomed = vec![false; p.jobs.len()];
        let mut risk = 0u32;
        for (r, js) in pinned_jobs.iter().enumerate() {
            let mut run = 0;
            let mut pre = Vec::with_capacity(js.len());
            for &j in js {
                run += p.jobs[j].minutes;
                pre.push(run);
                if run > p.cum(r, p.jobs[j].due) {
                    doomed[j] = true;
                    risk += 1;
                }
            }
            prefix.push(pre);
        }
        // Pinned minutes on `r` ordered before job `j`.
        let before = |r: usize, j: usize| -> i64 {
            let k = pinned_jobs[r].partition_point(|&x| x < j);
            if k == 0 {
                0
            } else {
                prefix[r][k - 1]
            }
        };
        for (j, job) in p.jobs.iter().enumerate() {
            if job.pinned {
                continue;
            }
            let all_late = p
                .candidates(j)
                .iter()
                .all(|&r| before(r, j) + job.minutes > p.cum(r, job.due));
            if all_late {
                doomed[j] = true;
                risk += 1;
            }
        }
        let pinned_load = p.pinned_load();
        let mut max = (0..n)
            .map(|r| Ratio::of(pinned_load[r], p.cap[r]))
            .max()
            .unwrap_or_default();
        // The largest task of a group on its best rep. A job with a larger
        // or equal size and no more eligible reps dominates, so per group
        // only jobs with fewer eligible reps than every larger job count.
        let mut by_group: Vec<Vec<usize>> = vec![Vec::new(); p.groups.len()];
        for (j, job) in p.jobs.iter().enumerate() {
            if !job.pinned {
                by_group[job.group].push(j);
            }
        }
        for js in &mut by_group {
            js.sort_by_key(|&j| (std::cmp::Reverse(p.jobs[j].minutes), p.jobs[j].n_eligible));
            let mut fewest = usize::MAX;
            for &j in js.iter() {
                let job = &p.jobs[j];
                if job.n_eligible >= fewest {
                    continue;
                }
                fewest = job.n_eligible;
                let best = p
                    .candidates(j)
                    .iter()
                    .map(|&r| Ratio::of(pinned_load[r] + job.minutes, p.cap[r]))
                    .min()
                    .unwrap_or(Ratio::INFINITE);
                max = max.max(best);
            }
        }
        // Work that only a set of reps can do, over their capacity: per
        // skill group, every job whose eligible reps all lie in the group.
        let group_load: Vec<i64> = by_group
            .iter()
            .map(|js| js.iter().map(|&j| p.jobs[j].minutes).sum())
            .collect();
        // Subset tests cost |groups|² bit scans: with many distinct skill
        // sets only the groups' own jobs count (still a valid bound).
        let nested = p.groups.len() <= 200;
        for (gi, g) in p.groups.iter().enumerate() {
            if g.pinned_to.is_some() {
                continue;
            }
            let mut load: i64 = g.members.iter().map(|&r| pinned_load[r]).sum();
            for (h, other) in p.groups.iter().enumerate() {
                let inside = h == gi || (nested && other.pinned_to.is_none() && other.subset_of(g));
                if inside {
                    load += group_load[h];
                }
            }
            let cap: i64 = g.members.iter().map(|&r| p.cap[r]).sum();
            max = max.max(Ratio::of(load, cap));
        }
        Bounds { risk, max, doomed }
    }
}

/// Search state shared by the phases.
struct Search<'p> {
    p: &'p Problem,
    bounds: &'p Bounds,
    infinite: bool,
    /// Movable jobs in packing order: largest first (then fewest eligible
    /// reps, earliest due), the nearly fixed ones before all others.
    by_size: Vec<usize>,
    /// Skill groups each rep belongs to.
    groups_of: Vec<Vec<usize>>,
    pinned_load: Vec<i64>,
}

impl<'p> Search<'p> {
    fn new(p: &'p Problem, bounds: &'p Bounds, infinite: bool) -> Search<'p> {
        let mut by_size: Vec<usize> = (0..p.jobs.len()).filter(|&j| !p.jobs[j].pinned).collect();
        // Tasks with one or two possible reps first: they have no choice.
        by_size.sort_by_key(|&j| {
            let job = &p.jobs[j];
            (
                job.n_eligible > 2,
                std::cmp::Reverse(job.minutes),
                job.n_eligible,
                job.due,
                j,
            )
        });
        let mut groups_of = vec![Vec::new(); p.n_reps()];
        for (g, group) in p.groups.iter().enumerate() {
            if group.pinned_to.is_none() {
                for &r in &group.members {
                    groups_of[r].push(g);
                }
            }
        }
        Search {
            p,
            bounds,
            infinite,
            by_size,
            groups_of,
            pinned_load: p.pinned_load(),
        }
    }

    fn limits(&self, lambda: Ratio) -> Vec<i64> {
        (0..self.p.n_reps())
            .map(|r| lambda.limit(self.p.cap[r]).max(self.pinned_load[r]))
            .collect()
    }

    /// Plans without a load limit; the fewest tasks at risk among them
    /// sets the at-risk target of every later phase.
    fn initial(&self) -> Board<'p> {
        let unlimited = self.limits(Ratio::INFINITE);
        let mut best: Option<Board<'p>> = None;
        // Without a limit "best fit" would stack everything on the busiest
        // rep; only the roomiest-first packings make sense here.
        for v in self.variants(true).into_iter().filter(|v| !v.best_fit) {
            if let Some(b) = self.pack(&unlimited, u32::MAX, v) {
                if best.as_ref().is_none_or(|x| b.key().better_than(&x.key())) {
                    best = Some(b);
                }
            }
        }
        // Packing without a limit always completes: every job has an
        // eligible rep. The fallback keeps the type total.
        best.unwrap_or_else(|| {
            let rep_of: Vec<usize> = (0..self.p.jobs.len())
                .map(|j| self.p.candidates(j).first().copied().unwrap_or(0))
                .collect();
            Board::from_plan(self.p, &rep_of)
        })
    }

    /// The packings to try: keeping or not, best or worst fit (tight
    /// packing suits the load limit, spreading suits deadlines and squares).
    fn variants(&self, all: bool) -> Vec<Variant> {
        let keep_within_limit = !self.infinite;
        let v = |keep, best_fit, prefer_home| Variant {
            keep,
            keep_within_limit,
            best_fit,
            prefer_home,
            edf: false,
        };
        let mut out = vec![
            v(true, true, true),
            v(true, false, true),
            v(false, true, true),
            v(false, false, true),
            Variant {
                edf: true,
                ..v(false, false, true)
            },
        ];
        if all {
            out.extend([v(false, true, false), v(false, false, false)]);
        }
        if self.infinite {
            // Moves outrank the maximum: only plans that keep what they can.
            out.retain(|v| v.keep || v.edf);
        }
        out
    }

    /// Moves and swaps that lower the number of tasks at risk, from the
    /// reps that have some (term 1 outranks everything, so no limit).
    fn reduce_risk(&self, b: &mut Board<'p>) {
        let p = self.p;
        let mut work = 0u64;
        while work < WORK_BUDGET && b.total_risk > self.bounds.risk && !p.cancelled() {
            let mut improved = false;
            for r in 0..p.n_reps() {
                if b.risk[r] == 0 {
                    continue;
                }
                let jobs: Vec<usize> = b.list[r].iter().map(|&j| j as usize).collect();
                for j in jobs {
                    if p.jobs[j].pinned || b.at[j] != r {
                        continue;
                    }
                    let out = b.risk_with(r, Some(j), None);
                    // Move j: (risk change, moves change, target).
                    let mut best: Option<(i64, i64, usize)> = None;
                    for &t in p.candidates(j) {
                        work += 1;
                        if t == r {
                            continue;
                        }
                        let d = i64::from(out + b.risk_with(t, None, Some(j)))
                            - i64::from(b.risk[r] + b.risk[t]);
                        let key = (d, b.move_delta(j, r, t), t);
                        if d < 0 && best.is_none_or(|x| key < x) {
                            best = Some(key);
                        }
                    }
                    if let Some((_, _, t)) = best {
                        b.relocate(j, t);
                        improved = true;
                        continue;
                    }
                    // Swap j with a task k of another rep t.
                    'swap: for &t in p.candidates(j) {
                        if t == r || work >= WORK_BUDGET {
                            continue;
                        }
                        for k in b.list[t].clone() {
                            let k = k as usize;
                            work += 1;
                            if p.jobs[k].pinned || !p.eligible(k, r) {
                                continue;
                            }
                            let before = b.risk[r] + b.risk[t];
                            b.relocate(j, t);
                            b.relocate(k, r);
                            if b.risk[r] + b.risk[t] < before {
                                improved = true;
                                break 'swap;
                            }
                            b.relocate(k, t);
                            b.relocate(j, r);
                        }
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// Bisection on λ between the lower bound and the best plan's maximum.
    fn lambda_search(&self, mut best: Board<'p>) -> Board<'p> {
        let risk_target = best.key().risk;
        let mut lo = if self.infinite {
            Ratio::default()
        } else {
            self.bounds.max
        };
        let mut tries = 0;
        loop {
            let hi = best.key().finite_max;
            if hi <= lo || tries >= 60 {
                break;
            }
            tries += 1;
            let (lo_f, hi_f) = (lo.to_f64().unwrap_or(0.0), hi.to_f64().unwrap_or(0.0));
            let close = hi_f - lo_f <= 1e-5 * hi_f.max(1e-9);
            // The bound is often reached: try it first.
            let at_bound = tries == 1 && !self.infinite && lo > Ratio::default();
            let limits: Vec<i64> = if at_bound {
                self.limits(lo)
            } else if close {
                // Last steps: strictly below the best plan's maximum.
                (0..self.p.n_reps())
                    .map(|r| hi.limit_below(self.p.cap[r]).max(self.pinned_load[r]))
                    .collect()
            } else {
                self.limits(Ratio::midpoint(lo, hi))
            };
            let found = self
                .variants(false)
                .into_iter()
                .filter_map(|v| self.pack(&limits, risk_target, v))
                .filter(|b| b.key().better_than(&best.key()))
                .min_by(|a, b| a.key().cmp(&b.key()));
            match found {
                Some(b) => best = b,
                None if close => break,
                None if at_bound => {}
                None => lo = Ratio::midpoint(lo, hi),
            }
        }
        // Every packing at the final maximum, for the fewest moves and squares.
        let limits = self.limits(best.key().finite_max);
        for v in self.variants(true) {
            if let Some(b) = self.pack(&limits, risk_target, v) {
                if b.key().better_than(&best.key()) {
                    best = b;
                }
            }
        }
        best
    }

    /// Packs every job under per-rep load `limits` with at most `budget`
    /// tasks at risk; `None` when some job finds no place.
    fn pack(&self, limits: &[i64], budget: u32, v: Variant) -> Option<Board<'p>> {
        if self.p.spent.get() > SEARCH_BUDGET || self.p.cancelled() {
            return None;
        }
        if v.edf {
            self.pack_edf(limits, budget)
        } else {
            self.pack_size(limits, budget, v)
        }
    }

    /// The size-ordered packing: keep-first or not, best or worst fit.
    fn pack_size(&self, limits: &[i64], budget: u32, v: Variant) -> Option<Board<'p>> {
        let p = self.p;
        let mut b = Board::new(p);
        // Pinned work first: it is where it is.
        for (j, job) in p.jobs.iter().enumerate() {
            if let (true, Some(h)) = (job.pinned, job.home) {
                b.list[h].push(j as u32);
                b.at[j] = h;
                b.load[h] += job.minutes;
            }
        }
        if v.keep {
            self.keep_home(&mut b, limits, v.keep_within_limit);
        }
        for r in 0..p.n_reps() {
            b.refresh_risk(r);
        }
        if b.total_risk > budget {
            return None;
        }
        let mut index = RoomIndex::new(p, &self.groups_of, limits, &b.load);
        let mut queue: std::collections::VecDeque<usize> = self
            .by_size
            .iter()
            .copied()
            .filter(|&j| b.at[j] == NONE)
            .collect();
        // Ejections only take out strictly smaller tasks, so chains end; the
        // cap bounds the work on hopeless limits.
        let mut ejections_left = 2 * queue.len() + 16;
        while let Some(j) = queue.pop_front() {
            if b.checks.get() > PACK_BUDGET {
                return None;
            }
            let minutes = p.jobs[j].minutes;
            if let Some(r) = self.choose(&b, &index, limits, budget, j, v) {
                b.place(j, r);
                index.update(
                    &self.groups_of[r],
                    r,
                    limits[r] - b.load[r] + minutes,
                    limits[r] - b.load[r],
                );
                continue;
            }
            if self.make_room(&mut b, limits, j) {
                // Several reps changed: rebuild the index (rare).
                index = RoomIndex::new(p, &self.groups_of, limits, &b.load);
                continue;
            }
            let (r, k) = self.eject(&b, limits, j)?;
            if ejections_left == 0 {
                return None;
            }
            ejections_left -= 1;
            let before = limits[r] - b.load[r];
            b.unplace(k);
            b.place(j, r);
            index.update(&self.groups_of[r], r, before, limits[r] - b.load[r]);
            queue.push_back(k);
        }
        Some(b)
    }

    /// Places job `j` on one of its reps after moving up to three tasks of
    /// that rep to reps where they fit now (guests before tasks at home,
    /// tasks that relieve the problem before others), adding no risk. Of
    /// all reps, the one costing the fewest moves wins. False (and nothing
    /// changed) when no rep works.
    fn make_room(&self, b: &mut Board<'p>, limits: &[i64], j: usize) -> bool {
        let p = self.p;
        let (risk0, moves0) = (b.total_risk, b.moves);
        // ((moves added, tasks moved), the moves as (task, rep)).
        type Found = Option<((i64, usize), Vec<(usize, usize)>)>;
        let mut best: Found = None;
        for &r in p.candidates(j) {
            let mut log: Vec<(usize, usize)> = Vec::new();
            b.place(j, r);
            for _ in 0..3 {
                if b.load[r] <= limits[r] && b.total_risk <= risk0 {
                    break;
                }
                let over = b.load[r] - limits[r];
                // The first task of r at risk: only earlier work relieves it.
                let late_due = {
                    let mut run = 0;
                    b.list[r].iter().map(|&k| k as usize).find_map(|k| {
                        run += p.jobs[k].minutes;
                        (run > p.cum(r, p.jobs[k].due)).then_some(p.jobs[k].due)
                    })
                };
                let mut pick: Option<((bool, bool, i64), usize, usize)> = None;
                for &k in &b.list[r] {
                    let k = k as usize;
                    let job = &p.jobs[k];
                    if k == j || job.pinned {
                        continue;
                    }
                    let helps = job.minutes >= over && late_due.is_none_or(|d| job.due <= d);
                    let rank = (job.home == Some(r), !helps, -job.minutes);
                    if pick.as_ref().is_some_and(|(m, ..)| rank >= *m) {
                        continue;
                    }
                    let to = p.candidates(k).iter().copied().find(|&t| {
                        t != r
                            && b.load[t] + job.minutes <= limits[t]
                            && b.risk_with(t, None, Some(k)) == b.risk[t]
                    });
                    if let Some(t) = to {
                        pick = Some((rank, k, t));
                    }
                }
                let Some((_, k, t)) = pick else { break };
                log.push((k, r));
                b.relocate(k, t);
            }
            if b.load[r] <= limits[r] && b.total_risk <= risk0 {
                let cost = (i64::from(b.moves) - i64::from(moves0), log.len());
                if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                    let mut moves: Vec<(usize, usize)> =
                        log.iter().map(|&(k, _)| (k, b.at[k])).collect();
                    moves.push((j, r));
                    best = Some((cost, moves));
                }
            }
            for (k, from) in log.into_iter().rev() {
                b.relocate(k, from);
            }
            b.unplace(j);
        }
        let Some((_, moves)) = best else { return false };
        for (k, to) in moves {
            if b.at[k] == NONE {
                b.place(k, to);
            } else {
                b.relocate(k, to);
            }
        }
        true
    }

    /// A rep for job `j` after taking out one more flexible movable task:
    /// a guest rather than a task at home (that would cost a move), then the
    /// smallest that makes `j` fit without adding risk. `(rep, task taken
    /// out)`.
    fn eject(&self, b: &Board<'p>, limits: &[i64], j: usize) -> Option<(usize, usize)> {
        let p = self.p;
        let pj = p.jobs[j].minutes;
        let mut best: Option<((bool, i64), usize, usize)> = None;
        for &r in p.candidates(j) {
            let need = b.load[r] + pj - limits[r];
            for &k in &b.list[r] {
                let k = k as usize;
                let job = &p.jobs[k];
                // Only a more flexible task (more eligible reps, or as many
                // and smaller) is taken out, so ejection chains end.
                let flexible = job.n_eligible > p.jobs[j].n_eligible
                    || (job.n_eligible == p.jobs[j].n_eligible && job.minutes < pj);
                let rank = (job.home == Some(r), job.minutes);
                if job.pinned
                    || !flexible
                    || job.minutes < need
                    || best.is_some_and(|(m, _, _)| rank >= m)
                {
                    continue;
                }
                if b.risk_with_swap(r, k, j) <= b.risk[r] {
                    best = Some((rank, r, k));
                }
            }
        }
        best.map(|(_, r, k)| (r, k))
    }

    /// The due-date packing of [`Variant::edf`]. Walking in (due, id) order
    /// appends to every rep, so a safe place stays safe.
    fn pack_edf(&self, limits: &[i64], budget: u32) -> Option<Board<'p>> {
        let p = self.p;
        let mut b = Board::new(p);
        for (j, job) in p.jobs.iter().enumerate() {
            if let (true, Some(h)) = (job.pinned, job.home) {
                b.place(j, h);
            }
        }
        let mut index = RoomIndex::new(p, &self.groups_of, limits, &b.load);
        let mut unsafe_jobs: Vec<usize> = Vec::new();
        let put = |b: &mut Board<'p>, index: &mut RoomIndex, j: usize, r: usize, place: bool| {
            let before = limits[r] - b.load[r];
            if place {
                b.place(j, r);
            } else {
                b.unplace(j);
            }
            index.update(&self.groups_of[r], r, before, limits[r] - b.load[r]);
        };
        for j in 0..p.jobs.len() {
            let job = &p.jobs[j];
            if job.pinned {
                continue;
            }
            if b.checks.get() > PACK_BUDGET {
                return None;
            }
            let fits = |b: &Board<'p>, r: usize| b.load[r] + job.minutes <= limits[r];
            let safe = |b: &Board<'p>, r: usize| b.risk_with(r, None, Some(j)) == b.risk[r];
            if let Some(h) = job
                .home
                .filter(|&h| p.eligible(j, h) && fits(&b, h) && safe(&b, h))
            {
                put(&mut b, &mut index, j, h, true);
                continue;
            }
            const SCAN: usize = 256;
            let (mut looked, mut pick) = (0, None);
            index.visit(job.group, job.minutes, false, |r| {
                looked += 1;
                if p.eligible(j, r) && safe(&b, r) {
                    pick = Some(r);
                    return false;
                }
                looked < SCAN
            });
            if let Some(r) = pick {
                put(&mut b, &mut index, j, r, true);
                continue;
            }
            // Trade the largest larger safe task for this one where that
            // keeps everything else as it was.
            let mut trade: Option<(i64, usize, usize)> = None;
            for &r in p.candidates(j) {
                for &k in &b.list[r] {
                    let k = k as usize;
                    let pk = p.jobs[k].minutes;
                    if p.jobs[k].pinned
                        || pk <= job.minutes
                        || trade.is_some_and(|(m, _, _)| pk <= m)
                        || b.load[r] - pk + job.minutes > limits[r]
                    {
                        continue;
                    }
                    if b.risk_with_swap(r, k, j) <= b.risk[r] {
                        trade = Some((pk, r, k));
                    }
                }
            }
            match trade {
                Some((_, r, k)) => {
                    put(&mut b, &mut index, k, r, false);
                    put(&mut b, &mut index, j, r, true);
                    unsafe_jobs.push(k);
                }
                None => unsafe_jobs.push(j),
            }
        }
        // Tasks that cannot be safe: largest first, where they add the least
        // risk (themselves only, ideally), at home if that is as good.
        unsafe_jobs.sort_by_key(|&j| (std::cmp::Reverse(p.jobs[j].minutes), j));
        for j in unsafe_jobs {
            let job = &p.jobs[j];
            let mut best: Option<(u32, bool, Ratio, usize)> = None;
            for &r in p.candidates(j) {
                if b.load[r] + job.minutes > limits[r] {
                    continue;
                }
                let key = (
                    b.risk_with(r, None, Some(j)) - b.risk[r],
                    job.home != Some(r),
                    Ratio::of(b.load[r] + job.minutes, p.cap[r]),
                    r,
                );
                if best.is_none_or(|x| key < x) {
                    best = Some(key);
                }
            }
            let (_, _, _, r) = best?;
            put(&mut b, &mut index, j, r, true);
        }
        (b.total_risk <= budget).then_some(b)
    }

    /// Moore–Hodgson per rep over its own tasks (and pinned ones, which
    /// cannot leave): walking by due date, when the newest task would be at
    /// risk (unless it is at risk everywhere) or the load passes the limit,
    /// the largest movable task so far is dropped.
    fn keep_home(&self, b: &mut Board<'p>, limits: &[i64], within_limit: bool) {
        let p = self.p;
        let mut own: Vec<Vec<usize>> = vec![Vec::new(); p.n_reps()];
        for (j, job) in p.jobs.iter().enumerate() {
            match job.home {
                Some(h) if job.pinned || p.eligible(j, h) => own[h].push(j),
                _ => {}
            }
        }
        for (r, js) in own.into_iter().enumerate() {
            if js.iter().all(|&j| p.jobs[j].pinned) {
                continue;
            }
            let mut kept: Vec<usize> = Vec::with_capacity(js.len());
            let mut run = 0i64;
            for j in js {
                kept.push(j);
                run += p.jobs[j].minutes;
                loop {
                    let late = run > p.cum(r, p.jobs[j].due) && !self.bounds.doomed[j];
                    let over = within_limit && run > limits[r];
                    if !(late || over) {
                        break;
                    }
                    // The largest task that can go elsewhere; one that
                    // cannot is dropped only as a last resort.
                    let drop = kept
                        .iter()
                        .enumerate()
                        .filter(|(_, &k)| !p.jobs[k].pinned)
                        .max_by_key(|(_, &k)| (p.jobs[k].n_eligible > 1, p.jobs[k].minutes, k));
                    let Some((pos, &k)) = drop else { break };
                    kept.remove(pos);
                    run -= p.jobs[k].minutes;
                    if k == j {
                        break;
                    }
                }
            }
            for j in kept {
                if !p.jobs[j].pinned {
                    let list = &mut b.list[r];
                    let pos = list.partition_point(|&k| (k as usize) < j);
                    list.insert(pos, j as u32);
                    b.at[j] = r;
                    b.load[r] += p.jobs[j].minutes;
                }
            }
        }
    }

    /// Where job `j` goes: home if preferred and it fits safely, else the
    /// best (or worst) fitting eligible rep where it adds no risk, else the
    /// eligible rep that adds the least risk within `budget`.
    fn choose(
        &self,
        b: &Board<'p>,
        index: &RoomIndex,
        limits: &[i64],
        budget: u32,
        j: usize,
        v: Variant,
    ) -> Option<usize> {
        let p = self.p;
        let job = &p.jobs[j];
        let fits = |r: usize| b.load[r] + job.minutes <= limits[r];
        let safe = |r: usize| b.risk_with(r, None, Some(j)) == b.risk[r];
        if v.prefer_home {
            if let Some(h) = job.home.filter(|&h| p.eligible(j, h) && fits(h) && safe(h)) {
                return Some(h);
            }
        }
        const SCAN: usize = 64;
        let mut looked = 0;
        let mut pick = None;
        index.visit(job.group, job.minutes, v.best_fit, |r| {
            looked += 1;
            if p.eligible(j, r) && safe(r) {
                pick = Some(r);
                return false;
            }
            looked < SCAN
        });
        if pick.is_some() {
            return pick;
        }
        // Slow path: every eligible rep, least added risk first.
        let mut best: Option<(u32, i64, usize)> = None;
        for &r in p.candidates(j) {
            if !fits(r) {
                continue;
            }
            let added = b.risk_with(r, None, Some(j)) - b.risk[r];
            if b.total_risk + added > budget {
                continue;
            }
            let room = limits[r] - b.load[r] - job.minutes;
            let fit = if v.best_fit { room } else { -room };
            if best.is_none_or(|(a, f, _)| (added, fit) < (a, f)) {
                best = Some((added, fit, r));
            }
        }
        best.map(|(_, _, r)| r)
    }

    /// Local search on a complete plan: relieve the busiest reps, bring
    /// moved tasks home, spread guests; each step keeps every earlier term.
    fn polish(&mut self, mut best: Board<'p>) -> Board<'p> {
        let mut work = 0u64;
        self.relieve_max(&mut best, &mut work);
        let risk_target = best.key().risk;
        let limits = self.limits(best.key().finite_max);
        // Fewest moves: every packing at the lowered maximum, each brought
        // home as far as it goes (different starts end in different
        // local optima).
        let mut starts = vec![best.clone()];
        starts.extend(
            self.variants(true)
                .into_iter()
                .filter_map(|v| self.pack(&limits, risk_target, v)),
        );
        for mut b in starts {
            self.bring_home(&mut b, &limits, &mut work);
            if b.key().better_than(&best.key()) {
                best = b;
            }
        }
        self.spread(&mut best, &limits, &mut work);
        best
    }

    /// Repeatedly moves or swaps a task off every rep at the maximum so that
    /// all of them end strictly below it; a round that cannot relieve every
    /// such rep is undone.
    fn relieve_max(&self, b: &mut Board<'p>, work: &mut u64) {
        let p = self.p;
        while *work < WORK_BUDGET && !p.cancelled() {
            let key = b.key();
            let m = key.finite_max;
            if m == Ratio::default() {
                return;
            }
            let below: Vec<i64> = (0..p.n_reps()).map(|r| m.limit_below(p.cap[r])).collect();
            let at_max: Vec<usize> = (0..p.n_reps()).filter(|&r| b.ratio(r) == m).collect();
            let saved = b.clone();
            let mut ok = true;
            for r in at_max {
                if b.load[r] <= below[r] {
                    continue;
                }
                if !self.relieve(b, r, &below, work) {
                    ok = false;
                    break;
                }
            }
            let after = b.key();
            if !ok || after.risk > key.risk || (self.infinite && after.moves > key.moves) {
                *b = saved;
                return;
            }
        }
    }

    /// One move or swap that takes rep `r` to `below[r]` or less.
    fn relieve(&self, b: &mut Board<'p>, r: usize, below: &[i64], work: &mut u64) -> bool {
        let p = self.p;
        let excess = b.load[r] - below[r];
        let mine: Vec<usize> = b.list[r]
            .iter()
            .map(|&j| j as usize)
            .filter(|&j| !p.jobs[j].pinned && p.jobs[j].minutes >= excess)
            .collect();
        // Move: (moves added, squares change, job, target).
        let mut best: Option<(i64, f64, usize, usize)> = None;
        for &j in &mine {
            let pj = p.jobs[j].minutes;
            let out_risk = b.risk_with(r, Some(j), None);
            for &t in p.candidates(j) {
                *work += 1;
                if t == r || b.load[t] + pj > below[t] {
                    continue;
                }
                let dm = b.move_delta(j, r, t);
                if self.infinite && dm > 0 {
                    continue;
                }
                if out_risk + b.risk_with(t, None, Some(j)) > b.risk[r] + b.risk[t] {
                    continue;
                }
                let dsq = square(b.load[r] - pj, p.cap[r]) - square(b.load[r], p.cap[r])
                    + square(b.load[t] + pj, p.cap[t])
                    - square(b.load[t], p.cap[t]);
                if best.is_none_or(|(m, s, _, _)| (dm, dsq) < (m, s)) {
                    best = Some((dm, dsq, j, t));
                }
            }
        }
        if let Some((_, _, j, t)) = best {
            b.relocate(j, t);
            return true;
        }
        if *work >= WORK_BUDGET {
            return false;
        }
        // Swap a task of r with a smaller one elsewhere.
        for &j in &b.list[r].clone() {
            let j = j as usize;
            if p.jobs[j].pinned {
                continue;
            }
            let pj = p.jobs[j].minutes;
            for &t in p.candidates(j) {
                if t == r {
                    continue;
                }
                for &k in &b.list[t].clone() {
                    *work += 1;
                    let k = k as usize;
                    let pk = p.jobs[k].minutes;
                    if p.jobs[k].pinned
                        || pk >= pj
                        || b.load[r] - pj + pk > below[r]
                        || b.load[t] - pk + pj > below[t]
                        || !p.eligible(k, r)
                    {
                        continue;
                    }
                    if self.infinite && b.move_delta(j, r, t) + b.move_delta(k, t, r) > 0 {
                        continue;
                    }
                    let before = b.risk[r] + b.risk[t];
                    b.relocate(j, t);
                    b.relocate(k, r);
                    if b.risk[r] + b.risk[t] <= before {
                        return true;
                    }
                    b.relocate(k, t);
                    b.relocate(j, r);
                }
                if *work >= WORK_BUDGET {
                    return false;
                }
            }
        }
        false
    }

    /// Moves tasks back to their current assignee where they fit under
    /// `limits`, making room there if needed by sending guests (tasks whose
    /// own assignee is someone else, or nobody) to other reps with room.
    /// A change is kept only when it saves moves and adds no risk.
    fn bring_home(&self, b: &mut Board<'p>, limits: &[i64], work: &mut u64) {
        let p = self.p;
        for _pass in 0..4 {
            let mut changed = false;
            for j in 0..p.jobs.len() {
                if *work >= WORK_BUDGET {
                    return;
                }
                let job = &p.jobs[j];
                let Some(h) = job.home else { continue };
                if b.at[j] == h || job.pinned || !p.eligible(j, h) {
                    continue;
                }
                changed |= self.send_home(b, limits, j, h, work);
            }
            if !changed {
                break;
            }
        }
    }

    fn send_home(
        &self,
        b: &mut Board<'p>,
        limits: &[i64],
        j: usize,
        h: usize,
        work: &mut u64,
    ) -> bool {
        let p = self.p;
        let (risk0, moves0) = (b.total_risk, b.moves);
        let mut log: Vec<(usize, usize)> = vec![(j, b.at[j])];
        b.relocate(j, h);
        // Guests leave h, largest first, until it is within its limit.
        let mut guests: Vec<usize> = b.list[h]
            .iter()
            .map(|&k| k as usize)
            .filter(|&k| k != j && !p.jobs[k].pinned && p.jobs[k].home != Some(h))
            .collect();
        guests.sort_by_key(|&k| (std::cmp::Reverse(p.jobs[k].minutes), k));
        for g in guests {
            if b.load[h] <= limits[h] {
                break;
            }
            let pg = p.jobs[g].minutes;
            let mut target: Option<(bool, i64, usize)> = None;
            for &t in p.candidates(g) {
                *work += 1;
                if t == h || b.load[t] + pg > limits[t] {
                    continue;
                }
                // Home first (saves a move), then the roomiest.
                let key = (p.jobs[g].home != Some(t), b.load[t] + pg - limits[t], t);
                if target.is_none_or(|x| key < x) {
                    target = Some(key);
                }
            }
            if let Some((_, _, t)) = target {
                log.push((g, h));
                b.relocate(g, t);
            }
        }
        if b.load[h] <= limits[h] && b.total_risk <= risk0 && b.moves < moves0 {
            return true;
        }
        for (k, r) in log.into_iter().rev() {
            b.relocate(k, r);
        }
        false
    }

    /// Moves guests (tasks away from their assignee, or new ones) to reps
    /// where the sum of squares drops, without adding moves or risk and
    /// within `limits`. Candidates are the least loaded eligible reps.
    fn spread(&self, b: &mut Board<'p>, limits: &[i64], work: &mut u64) {
        let p = self.p;
        const LOOK: usize = 48;
        for _pass in 0..8 {
            let mut improved = false;
            // Reps of each group by utilisation, refreshed per pass.
            let order: Vec<Vec<usize>> = p
                .groups
                .iter()
                .map(|g| {
                    if g.pinned_to.is_some() {
                        return Vec::new();
                    }
                    let mut m = g.members.clone();
                    m.sort_by(|&x, &y| b.ratio(x).cmp(&b.ratio(y)).then(x.cmp(&y)));
                    m
                })
                .collect();
            for j in 0..p.jobs.len() {
                let job = &p.jobs[j];
                let r = b.at[j];
                if job.pinned || job.home == Some(r) {
                    continue;
                }
                let pj = job.minutes;
                let out_gain = square(b.load[r] - pj, p.cap[r]) - square(b.load[r], p.cap[r]);
                let mut best: Option<(f64, usize)> = None;
                let mut look = |t: usize, b: &Board<'p>, work: &mut u64| {
                    *work += 1;
                    if t == r || !p.eligible(j, t) || b.load[t] + pj > limits[t] {
                        return;
                    }
                    let d =
                        out_gain + square(b.load[t] + pj, p.cap[t]) - square(b.load[t], p.cap[t]);
                    let tol = SQUARES_EPS * 16.0;
                    if d < -tol && best.is_none_or(|(x, _)| d < x) {
                        best = Some((d, t));
                    }
                };
                for &t in order[job.group].iter().take(LOOK) {
                    look(t, b, work);
                }
                if let Some(h) = job.home {
                    look(h, b, work);
                }
                if let Some((_, t)) = best {
                    let risk0 = b.risk[r] + b.risk[t];
                    if b.risk_with(r, Some(j), None) + b.risk_with(t, None, Some(j)) <= risk0 {
                        b.relocate(j, t);
                        improved = true;
                    }
                }
            }
            if !improved || *work >= WORK_BUDGET {
                break;
            }
        }
    }
}

/// SplitMix64: the annealing's deterministic source of choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

impl<'p> Search<'p> {
    /// Simulated annealing: random moves and swaps, a worse plan accepted
    /// with probability `exp(−Δ/T)` as `T` cools geometrically.
    ///
    /// Without `limits` the cost is the number of tasks at risk. Tasks at
    /// risk still take capacity, so good plans gather hopeless tasks where
    /// they delay nothing else; reaching them takes many changes that each
    /// gain nothing, which a descent never makes. Only a plan with fewer
    /// tasks at risk replaces `b`.
    ///
    /// With `limits` (a load limit per rep) the cost is the minutes over the
    /// limits plus, per task at risk beyond `b`'s count, a weight of two
    /// average tasks; the first plan with no excess at all replaces `b`
    /// (true).
    fn anneal(&self, b: &mut Board<'p>, limits: Option<&[i64]>, steps: u64, seed: u64) -> bool {
        let p = self.p;
        let target = match limits {
            None => self.bounds.risk,
            Some(_) => b.total_risk,
        };
        let movable: Vec<usize> = (0..p.jobs.len())
            .filter(|&j| !p.jobs[j].pinned && p.jobs[j].n_eligible > 1)
            .collect();
        if movable.is_empty() || (limits.is_none() && b.total_risk <= target) {
            return false;
        }
        let mean =
            movable.iter().map(|&j| p.jobs[j].minutes).sum::<i64>() as f64 / movable.len() as f64;
        // Temperatures are in tasks at risk; with limits, in minutes.
        let (scale, weight) = match limits {
            None => (1.0, 1.0),
            Some(_) => (mean.max(1.0), 2.0 * mean.max(1.0)),
        };
        let over = |r: usize, load: i64| limits.map_or(0, |l| (load - l[r]).max(0));
        let mut excess: i64 = (0..p.n_reps()).map(|r| over(r, b.load[r])).sum();
        let cost = |risk: u32, excess: i64| {
            weight * f64::from(risk.saturating_sub(target)) + excess as f64
        };
        let mut rng = Rng(seed);
        let mut cur = b.clone();
        let mut best_risk = b.total_risk;
        let mut best_at: Option<Vec<usize>> = None;
        let (t0, t1) = (ANNEAL_T0 * scale, ANNEAL_T1 * scale);
        let mut temp = t0;
        for step in 0..steps {
            if step % 1024 == 0 {
                if p.cancelled() {
                    break;
                }
                temp = t0 * (t1 / t0).powf(step as f64 / steps as f64);
            }
            let j = movable[rng.below(movable.len())];
            let r = cur.at[j];
            let cands = p.candidates(j);
            let t = cands[rng.below(cands.len())];
            if t == r {
                continue;
            }
            let swap_with = if rng.next() & 1 == 0 || cur.list[t].is_empty() {
                None
            } else {
                let k = cur.list[t][rng.below(cur.list[t].len())] as usize;
                if p.jobs[k].pinned || !p.eligible(k, r) {
                    continue;
                }
                Some(k)
            };
            let (nr, nt, shift) = match swap_with {
                None => (
                    cur.count_risk(r, Some(j), None),
                    cur.count_risk(t, None, Some(j)),
                    p.jobs[j].minutes,
                ),
                Some(k) => (
                    cur.count_risk(r, Some(j), Some(k)),
                    cur.count_risk(t, Some(k), Some(j)),
                    p.jobs[j].minutes - p.jobs[k].minutes,
                ),
            };
            let new_risk = cur.total_risk - cur.risk[r] - cur.risk[t] + nr + nt;
            let new_excess = excess - over(r, cur.load[r]) - over(t, cur.load[t])
                + over(r, cur.load[r] - shift)
                + over(t, cur.load[t] + shift);
            let delta = cost(new_risk, new_excess) - cost(cur.total_risk, excess);
            if delta > 0.0 && rng.unit() >= (-delta / temp).exp() {
                continue;
            }
            cur.shift(j, t);
            if let Some(k) = swap_with {
                cur.shift(k, r);
            }
            cur.set_risk(r, nr);
            cur.set_risk(t, nt);
            excess = new_excess;
            if limits.is_some() {
                if excess == 0 && cur.total_risk <= target {
                    *b = Board::from_plan(p, &cur.at);
                    return true;
                }
            } else if cur.total_risk < best_risk {
                best_risk = cur.total_risk;
                best_at = Some(cur.at.clone());
                if best_risk <= target {
                    break;
                }
            }
        }
        match best_at {
            Some(at) => {
                *b = Board::from_plan(p, &at);
                true
            }
            None => false,
        }
    }

    /// Annealing for tasks at risk, then bisection on λ with annealing
    /// under the limits `⌊λ·C_r⌋` for the highest utilisation, keeping
    /// the number at risk. For teams where packings do not reach the
    /// fewest tasks at risk found.
    fn anneal_search(&self, b: &mut Board<'p>) {
        let movable = self.by_size.len() as u64;
        let steps = ANNEAL_STEPS.min(ANNEAL_PER_JOB * movable);
        if b.total_risk <= self.bounds.risk {
            return;
        }
        if self.anneal(b, None, steps, 0x6d65_7269_6469_616e) {
            self.reduce_risk(b);
        }
        if self.infinite {
            return;
        }
        let steps = ANNEAL_STEPS.min(ANNEAL_PER_JOB / 4 * movable);
        let mut lo = self.bounds.max;
        for round in 0..ANNEAL_ROUNDS {
            let hi = b.key().finite_max;
            if hi <= lo {
                break;
            }
            let lambda = Ratio::midpoint(lo, hi);
            let limits: Vec<i64> = if lambda >= hi {
                (0..self.p.n_reps())
                    .map(|r| hi.limit_below(self.p.cap[r]).max(self.pinned_load[r]))
                    .collect()
            } else {
                self.limits(lambda)
            };
            if !self.anneal(b, Some(&limits), steps, 0x6c61_6d62_6461 + round) {
                lo = lambda;
            }
        }
    }
}

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
    fn pair_search(&self, b: &mut Board<'p>, budget: u64) {
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

/// Per skill group, the member reps ordered by room left under the limits,
/// for best-fit and worst-fit queries.
struct RoomIndex {
    sets: Vec<BTreeSet<(i64, usize)>>,
}

impl RoomIndex {
    fn new(p: &Problem, groups_of: &[Vec<usize>], limits: &[i64], load: &[i64]) -> RoomIndex {
        let mut sets = vec![BTreeSet::new(); p.groups.len()];
        for (r, gs) in groups_of.iter().enumerate() {
            for &g in gs {
                sets[g].insert((limits[r] - load[r], r));
            }
        }
        RoomIndex { sets }
    }

    fn update(&mut self, groups: &[usize], r: usize, old_room: i64, new_room: i64) {
        for &g in groups {
            self.sets[g].remove(&(old_room, r));
            self.sets[g].insert((new_room, r));
        }
    }

    /// Calls `f` on the members of `group` with room for `minutes`, tightest
    /// first (`best_fit`) or roomiest first, until it returns false.
    fn visit(&self, group: usize, minutes: i64, best_fit: bool, mut f: impl FnMut(usize) -> bool) {
        let Some(set) = self.sets.get(group) else {
            return;
        };
        let range = set.range((minutes, 0)..);
        if best_fit {
            for &(_, r) in range {
                if !f(r) {
                    return;
                }
            }
        } else {
            for &(_, r) in range.rev() {
                if !f(r) {
                    return;
                }
            }
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.sets.iter().map(BTreeSet::len).sum()
    }
}

impl Board<'_> {
    #[cfg(test)]
    fn check(&self) {
        let fresh = Board::from_plan(self.p, &self.at);
        assert_eq!(fresh.load, self.load);
        assert_eq!(fresh.risk, self.risk);
        assert_eq!(fresh.total_risk, self.total_risk);
        assert_eq!(fresh.moves, self.moves);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reps with flat daily capacity `per_day` over `days` days; jobs as
    /// (minutes, due, home, pinned), all needing no skill.
    fn problem(reps: &[i64], days: usize, jobs: &[(i64, usize, Option<usize>, bool)]) -> Problem {
        let daily: Vec<Vec<i64>> = reps.iter().map(|&c| vec![c; days]).collect();
        let first: Vec<usize> = daily
            .iter()
            .map(|d| d.iter().position(|&m| m > 0).unwrap_or(days))
            .collect();
        let mut groups = vec![Group::skilled(
            (0..reps.len()).collect(),
            &first,
            reps.len(),
        )];
        let jobs = jobs
            .iter()
            .map(|&(minutes, due, home, pinned)| {
                if pinned {
                    groups.push(Group::pinned(home.unwrap_or(0)));
                    Job {
                        minutes,
                        due,
                        home,
                        pinned,
                        group: groups.len() - 1,
                        n_eligible: 1,
                    }
                } else {
                    let n = groups[0].members.partition_point(|&r| first[r] <= due);
                    Job {
                        minutes,
                        due,
                        home,
                        pinned,
                        group: 0,
                        n_eligible: n,
                    }
                }
            })
            .collect();
        Problem::new(&daily, jobs, groups)
    }

    #[test]
    fn ratios_compare_exactly_and_infinity_is_largest() {
        assert!(Ratio::of(38, 75) > Ratio::of(1, 2));
        assert_eq!(Ratio::of(2, 4), Ratio::of(1, 2));
        assert!(Ratio::INFINITE > Ratio::of(1_000_000, 1));
        assert_eq!(Ratio::of(0, 0), Ratio::default());
        assert_eq!(Ratio::of(38, 75).limit(75), 38);
        assert_eq!(Ratio::of(38, 75).limit_below(75), 37);
        assert_eq!(Ratio::of(38, 75).limit_below(150), 75);
    }

    #[test]
    fn an_overloaded_rep_sheds_its_largest_task_first() {
        // ana: 600 + 300 + 300 over 1,000 minutes; bo idle.
        let p = problem(
            &[200, 200],
            5,
            &[
                (600, 4, Some(0), false),
                (300, 4, Some(0), false),
                (300, 4, Some(0), false),
            ],
        );
        let s = solve(&p).expect("nobody cancels");
        let b = Board::from_plan(&p, &s.rep_of);
        b.check();
        let k = b.key();
        assert_eq!(
            (k.risk, k.finite_max, k.moves),
            (0, Ratio::of(600, 1000), 1)
        );
        assert!(s.optimal);
    }

    #[test]
    fn a_cancelled_run_answers_nothing_and_an_uncancelled_one_is_unchanged() {
        let jobs = [
            (600, 4, Some(0), false),
            (300, 4, Some(0), false),
            (300, 4, Some(0), false),
        ];
        let flag = Arc::new(AtomicBool::new(true));
        let p = problem(&[200, 200], 5, &jobs).with_cancel(Arc::clone(&flag));
        assert!(solve(&p).is_none());
        flag.store(false, AtomicOrdering::Relaxed);
        let again = solve(&p).expect("the flag is clear");
        let fresh = solve(&problem(&[200, 200], 5, &jobs)).expect("nobody cancels");
        assert_eq!(again.rep_of, fresh.rep_of);
    }

    #[test]
    fn a_pinned_task_stays_even_when_it_is_at_risk() {
        let p = problem(
            &[100, 100],
            3,
            &[(500, 0, Some(0), true), (50, 2, Some(0), false)],
        );
        let s = solve(&p).expect("nobody cancels");
        assert_eq!(s.rep_of, vec![0, 1]);
        assert_eq!(s.at_risk_bound, 1);
    }

    #[test]
    fn the_room_index_tracks_every_member_once() {
        let p = problem(&[100, 200, 300], 2, &[(50, 1, None, false)]);
        let bounds = Bounds::new(&p);
        let s = Search::new(&p, &bounds, false);
        let idx = RoomIndex::new(&p, &s.groups_of, &[10, 20, 30], &[0, 0, 0]);
        assert_eq!(idx.len(), 3);
        let mut seen = Vec::new();
        idx.visit(0, 15, true, |r| {
            seen.push(r);
            true
        });
        assert_eq!(seen, vec![1, 2]);
    }
}
