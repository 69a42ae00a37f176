//! Terms (3) and (4) exactly on small teams: with the highest utilisation
//! fixed at λ and `R` tasks at risk, a plan is as good on terms (1) and (2)
//! when every rep stays within `⌊λ·C_r⌋` and at most `R` tasks are late:
//! the doomed ones (at risk on every rep whatever the plan, see
//! `bounds.rs`) and at most `R − doomed` others. Among those plans, a
//! depth-first branch and bound finds the fewest moves, then the least sum
//! of squares. When `R` is the doomed count, every other task is on time;
//! otherwise which tasks turn late is a choice: a task placed before
//! others on a rep may make them late while lates are left (a late task
//! stays late as tasks are added, so the count only grows down a branch).
//!
//! Tasks are decided by minutes per eligible rep, most first (those the
//! relaxation leaves one rep before all; heavy tasks with few places to go
//! decide most; the squares bound is tightest once only small tasks are
//! left), each first where the relaxation puts it, then at home, then on
//! the reps where it adds least to the squares. Bounds of a node, each a
//! lower bound on every completion:
//! - **moves**: moves so far, plus undecided tasks whose assignee may not
//!   keep them, plus, per rep, the fewest of its undecided own tasks that
//!   must leave it (Moore–Hodgson over its own tasks in (due, id) order,
//!   each with the room that the tasks already on the rep, its deadlines and
//!   its limit leave; the rooms are raised to a running maximum so the
//!   deadlines are agreeable, which only loosens the bound). With `k`
//!   lates left, each late saves at most one such task, or on a rep taking
//!   its first late, what Moore–Hodgson without the decided tasks' due
//!   dates allows (`drops_bound`);
//! - **squares**: the undecided minutes spread over the reps as evenly as
//!   squares allow within each rep's limit (water-filling), whole tasks and
//!   skills aside. When the moves bound equals the best plan's moves (and
//!   no lates are left), no
//!   rep may lose more own tasks than Moore–Hodgson drops, so each first
//!   holds the least minutes of own tasks it can keep (Moore–Hodgson's set
//!   is the lightest of the largest): the bound that prunes most;
//! - **moves, when the team is small enough**: the Lagrangian relaxation of
//!   `lagrange.rs` at the root, with the task-rep pairs that cannot be in
//!   a plan good enough removed; it also gives each rep a least load (the
//!   team's slack is shared), which the squares bound uses. Before the
//!   search, the relaxation's fewest moves are sought directly by closing
//!   reps one at a time (see `fewest_moves_first`).
//!
//! Identical tasks (same size, due date, skills, assignee) are placed in
//! rep order, which drops only mirror images of plans already searched
//! (not when lates are a choice: their order by id decides which is late).
//! The search stops after a node budget (a count, so the result never
//! depends on the machine); it then keeps the best plan found.

use std::collections::BinaryHeap;

use crate::plan::balance::board::Board;
use crate::plan::balance::lagrange::{priced_bound, Aim, Ascent, AtRisk, Fill, PricedBound};
use crate::plan::balance::problem::{square, Problem, SQUARES_EPS};
use crate::plan::balance::search::{Search, EXACT34_NODES};

/// Programme cells per node as first set, about ten times their time:
/// the unit of `LAGRANGE_WORK`, whose cap the teams were measured with.
const CELLS_PER_NODE: u64 = 200;
/// Programme cells that cost as much time as a node of the search, for
/// the relaxation's own steps (measured: about 1.3 ns a cell, 2-4 µs a
/// node; a cell takes about half that since the programme's loop was
/// vectorised, and the charge was kept so that plans stay as they were).
const ASCENT_CELLS_PER_NODE: u64 = 2_000;
/// Steps of the relaxation; each new try at the fewest moves takes more
/// (other prices, another order of closing reps).
const STEPS: usize = 250;
const STEPS_MORE: usize = 150;
/// A group re-planned alone (`subteam.rs`) climbs to its prices by the
/// volume algorithm, this many times the steps (and cells) of the whole
/// team's subgradient: its programmes are small, and a bound within a
/// fraction of a move of its fewest is what lets its search finish.
const VOLUME_STEPS_PER_STEP: usize = 16;
/// Tries at a plan with the fewest moves the relaxation allows, and the
/// nodes of each.
const FILL_TRIES: usize = 6;
const FILL_NODES: u64 = 150_000;
/// Nodes all tries together may use.
const FILL_SHARE: u64 = 800_000;
/// Programme cells one relaxation by subgradient may spend
/// (`lagrange.rs`), so that a team whose programmes are large (task
/// minutes without a common divisor) goes without rather than taking
/// seconds; by the volume algorithm, as many times more as it takes steps.
const LAGRANGE_WORK: u64 = EXACT34_NODES * CELLS_PER_NODE;

impl<'p> Search<'p> {
    /// Fewest moves, then least squares, among the plans with at most
    /// `b`'s tasks at risk and every rep within `limits`. Improves `b` in
    /// place; true when the search finished, so `b` is optimal on terms
    /// (3) and (4) given terms (1) and (2) (when `b`'s tasks at risk are
    /// their lower bound, those are optimal too).
    pub(super) fn exact_moves_squares(
        &self,
        b: &mut Board<'p>,
        limits: &[i64],
        budget: u64,
    ) -> bool {
        self.exact_within(b, limits, None, budget).0
    }

    /// As [`exact_moves_squares`](Self::exact_moves_squares), but with
    /// `group`, only the tasks on those reps change rep, among them (a
    /// large-neighbourhood step). Answers (finished, nodes used).
    pub(super) fn exact_within(
        &self,
        b: &mut Board<'p>,
        limits: &[i64],
        group: Option<&[usize]>,
        budget: u64,
    ) -> (bool, u64) {
        // Tasks late beyond the doomed ones that the plans may have.
        let Some(lates) = b.total_risk.checked_sub(self.bounds.risk) else {
            return (false, 0);
        };
        let doomed = &self.bounds.doomed;
        if lates == 0 {
            return self.exact_model(b, limits, group, budget, AtRisk { doomed, lates });
        }
        // Which tasks are late is a choice, which widens the search and
        // loosens its bounds. The plan's own late tasks first, as if
        // doomed and every other on time: the search of a team without
        // that choice, which keeps the tasks at risk and finds most of
        // what there is. Then the full model, with half as many nodes
        // again; only it can prove the fewest moves.
        let late_now = self.late_now(b);
        let first = AtRisk {
            doomed: &late_now,
            lates: 0,
        };
        let max_before = b.key().finite_max;
        let (_, used) = self.exact_model(b, limits, group, budget, first);
        // A lower highest utilisation found there outranks fewer moves:
        // the full model keeps it.
        let key = b.key();
        let limits: Vec<i64> = if key.finite_max < max_before {
            let lower = self.limits(key.finite_max);
            limits.iter().zip(lower).map(|(&a, b)| a.min(b)).collect()
        } else {
            limits.to_vec()
        };
        let lates = b.total_risk.saturating_sub(self.bounds.risk);
        let full = AtRisk { doomed, lates };
        let (done, rest) = self.exact_model(b, &limits, group, budget / 2, full);
        (done, used + rest)
    }

    /// The doomed tasks and those late in `b`.
    pub(super) fn late_now(&self, b: &Board<'p>) -> Vec<bool> {
        let p = self.p;
        let mut late = self.bounds.doomed.clone();
        for (r, list) in b.list.iter().enumerate() {
            let mut run = 0;
            for &k in list {
                let job = &p.jobs[k as usize];
                run += job.minutes;
                if run > p.cum(r, job.due) {
                    late[k as usize] = true;
                }
            }
        }
        late
    }

    /// The search of [`exact_within`](Self::exact_within) among the plans
    /// with `risk`'s tasks at risk at most.
    fn exact_model(
        &self,
        b: &mut Board<'p>,
        limits: &[i64],
        group: Option<&[usize]>,
        budget: u64,
        risk: AtRisk,
    ) -> (bool, u64) {
        let p = self.p;
        if self.infinite {
            return (false, 0);
        }
        let n = p.n_reps();
        if (0..n).any(|r| b.load[r] > limits[r]) {
            return (false, 0);
        }
        let lates = risk.lates;
        let mut dfs = Dfs::new(p, limits, risk);
        if let Some(g) = group {
            dfs.allowed = vec![false; n];
            for &r in g {
                dfs.allowed[r] = true;
            }
        }
        // Pinned tasks, and with a group the tasks off it, are decided
        // before the search.
        let allowed = dfs.allowed.clone();
        let free = |j: usize| !p.jobs[j].pinned && allowed[b.at[j]];
        let mut fixed_moves = 0u32;
        for (j, job) in p.jobs.iter().enumerate() {
            if !free(j) {
                let r = if job.pinned {
                    job.home.unwrap_or(0)
                } else {
                    b.at[j]
                };
                dfs.list[r].push(j);
                dfs.load[r] += job.minutes;
                dfs.decided[j] = true;
                dfs.at[j] = r;
                fixed_moves += u32::from(job.home.is_some_and(|h| h != r));
            }
        }
        for r in 0..n {
            dfs.mark_lates(r);
        }
        if dfs.n_late > lates {
            return (false, 0);
        }
        let items: Vec<usize> = (0..p.jobs.len()).filter(|&j| free(j)).collect();
        dfs.rest = items.iter().map(|&j| p.jobs[j].minutes).sum();
        dfs.moves = fixed_moves;
        dfs.relaxed = group.is_none();
        if self.alone {
            dfs.ascent = Ascent::Volume;
        }
        dfs.best_at = b.at.clone();
        dfs.best_moves = b.moves;
        dfs.best_squares = (0..n).map(|r| square(b.load[r], p.cap[r])).sum();
        dfs.budget = budget;
        dfs.items = items;
        dfs.fewest_moves_first();
        let complete = dfs.nodes < dfs.budget;
        let nodes = dfs.nodes;
        if dfs.improved {
            let before = b.key();
            let old = b.at.clone();
            for (j, &r) in dfs.best_at.iter().enumerate() {
                if b.at[j] != r {
                    b.relocate(j, r);
                }
            }
            // The bounds are exact arithmetic but for float squares: never
            // keep a plan the board does not also find better. On a group
            // re-planned alone the maximum is the group's, not the team's,
            // and does not decide.
            let better = if self.alone {
                b.key().better_within_limits(&before)
            } else {
                b.key().better_than(&before)
            };
            if !better {
                for (j, &r) in old.iter().enumerate() {
                    if b.at[j] != r {
                        b.relocate(j, r);
                    }
                }
            }
        }
        (complete, nodes)
    }
}

impl<'p> Search<'p> {
    /// Per rep, the fewest own tasks that must leave it under `limits`
    /// whatever the plan (Moore–Hodgson with only pinned tasks decided).
    pub(super) fn must_leave_all(&self, limits: &[i64]) -> Vec<u32> {
        let p = self.p;
        let risk = AtRisk {
            doomed: &self.bounds.doomed,
            lates: 0,
        };
        let mut dfs = Dfs::new(p, limits, risk);
        for (j, job) in p.jobs.iter().enumerate() {
            match job.home {
                Some(r) if job.pinned => {
                    dfs.list[r].push(j);
                    dfs.load[r] += job.minutes;
                    dfs.decided[j] = true;
                }
                Some(h) if p.eligible(j, h) => dfs.own[h].push(j),
                _ => {}
            }
        }
        (0..p.n_reps()).map(|r| dfs.must_leave(r).count).collect()
    }
}

/// What `assign` changed.
struct Undo {
    old_r: Leave,
    old_h: Leave,
    /// Tasks it made late.
    lated: Vec<usize>,
}

/// The fewest undecided own tasks that must leave a rep.
#[derive(Clone, Copy, Default)]
struct Leave {
    /// With every task there that is not late kept on time.
    count: u32,
    /// The least minutes of own tasks the rep keeps when no more leave.
    kept: i64,
    /// With only its own tasks kept on time (the decided ones there may
    /// still turn late): what a rep that takes a late task must send.
    free: u32,
}

struct Dfs<'a> {
    p: &'a Problem,
    limit: &'a [i64],
    doomed: &'a [bool],
    /// Tasks not doomed that may be late.
    lates: u32,
    /// Decided tasks, not doomed, already late (adding tasks never puts
    /// one back on time).
    late: Vec<bool>,
    n_late: u32,
    /// Undecided tasks in search order.
    items: Vec<usize>,
    /// The earlier item identical to this one, if any.
    twin: Vec<Option<usize>>,
    decided: Vec<bool>,
    at: Vec<usize>,
    /// Decided tasks per rep, in (due, id) order.
    list: Vec<Vec<usize>>,
    load: Vec<i64>,
    /// Per rep, its tasks (undecided or not) that it may keep, by index.
    own: Vec<Vec<usize>>,
    /// Per rep, what its undecided own tasks must leave.
    drops: Vec<Leave>,
    sum_drops: u32,
    /// Undecided tasks whose assignee may not keep them.
    forced: u32,
    moves: u32,
    /// Undecided minutes.
    rest: i64,
    best_at: Vec<usize>,
    best_moves: u32,
    best_squares: f64,
    improved: bool,
    nodes: u64,
    budget: u64,
    /// The relaxation at the root (`lagrange.rs`), when the team is small
    /// enough: a lower bound on moves, the pairs that may be part of a
    /// plan good enough, and where each task goes first. Nodes do not
    /// update it: a programme per node costs more than the pruning saves
    /// once the pairs are removed.
    priced: Option<PricedBound<'a>>,
    /// Every plan leaves each rep at least this many minutes.
    least_load: Vec<i64>,
    /// The relaxation applies: every task may still change rep.
    relaxed: bool,
    /// How the relaxation's prices are sought.
    ascent: Ascent,
    /// Scratch for the water-filling bound.
    marks: Vec<(f64, f64, bool)>,
    /// Reps that may take undecided tasks.
    allowed: Vec<bool>,
}

impl<'a> Dfs<'a> {
    fn new(p: &'a Problem, limit: &'a [i64], risk: AtRisk<'a>) -> Dfs<'a> {
        let n = p.n_reps();
        Dfs {
            p,
            limit,
            doomed: risk.doomed,
            lates: risk.lates,
            late: vec![false; p.jobs.len()],
            n_late: 0,
            items: Vec::new(),
            twin: Vec::new(),
            decided: vec![false; p.jobs.len()],
            at: p.jobs.iter().map(|j| j.home.unwrap_or(0)).collect(),
            list: vec![Vec::new(); n],
            load: vec![0; n],
            own: vec![Vec::new(); n],
            drops: vec![Leave::default(); n],
            sum_drops: 0,
            forced: 0,
            moves: 0,
            rest: 0,
            best_at: Vec::new(),
            best_moves: 0,
            best_squares: 0.0,
            improved: false,
            nodes: 0,
            budget: 0,
            priced: None,
            relaxed: false,
            ascent: Ascent::Subgradient,
            least_load: vec![0; n],
            marks: Vec::with_capacity(2 * n),
            allowed: vec![true; n],
        }
    }

    /// Looks first for a plan with as few moves as the relaxation allows
    /// (`lagrange.rs`; raised when removing pairs proves more), by closing
    /// one rep at a time, a few tries with other prices within part of the
    /// budget. Such a plan has the fewest moves, and the full search then
    /// seeks the least squares at those moves. A finished try without a
    /// plan proves one move more. Otherwise the full search starts from
    /// the incumbent, the relaxation pruning what cannot beat it.
    fn fewest_moves_first(&mut self) {
        let incumbent = (self.best_at.clone(), self.best_moves, self.best_squares);
        self.prepare(incumbent.1, None, STEPS, false);
        let mut goal = self.priced.as_ref().map_or(incumbent.1, |pb| pb.floor());
        let fill_end = (self.nodes + FILL_SHARE).min(self.budget);
        'goals: while goal < incumbent.1 && self.nodes < fill_end {
            for k in 0..FILL_TRIES {
                self.prepare(incumbent.1, Some(goal), STEPS + k * STEPS_MORE, k == 0);
                let floor = self.priced.as_ref().map_or(incumbent.1, |pb| pb.floor());
                if floor > goal {
                    goal = floor;
                    continue 'goals;
                }
                if self.nodes >= fill_end {
                    break 'goals;
                }
                let share = (self.nodes + FILL_NODES).min(fill_end);
                let Some(pb) = self.priced.as_mut() else {
                    break 'goals;
                };
                match pb.fill_plan(goal, &mut self.nodes, share) {
                    Fill::Found(plan) => {
                        self.take_plan(plan);
                        // The fewest moves; now the least squares at them.
                        self.prepare(self.best_moves, Some(self.best_moves), STEPS, false);
                        self.search(0);
                        return;
                    }
                    Fill::None => {
                        goal += 1;
                        continue 'goals;
                    }
                    Fill::Unknown => {}
                }
            }
            break;
        }
        (self.best_at, self.best_moves, self.best_squares) = incumbent;
        if self.nodes < self.budget {
            self.prepare(self.best_moves, Some(self.best_moves), STEPS, false);
            self.search(0);
        }
    }

    /// Makes `plan` (one rep per task, a plan of the model) the best.
    fn take_plan(&mut self, plan: Vec<usize>) {
        let p = self.p;
        let mut load = vec![0i64; p.n_reps()];
        let mut moves = 0;
        for (j, &r) in plan.iter().enumerate() {
            load[r] += p.jobs[j].minutes;
            moves += u32::from(p.jobs[j].home.is_some_and(|h| h != r));
        }
        self.best_squares = (0..p.n_reps()).map(|r| square(load[r], p.cap[r])).sum();
        self.best_moves = moves;
        self.best_at = plan;
        self.improved = true;
    }

    /// The relaxation for plans with at most `goal` moves (its prices aimed
    /// at `target`, from the last prices when `warm`), and the state that
    /// depends on which reps may keep their own tasks.
    fn prepare(&mut self, target: u32, goal: Option<u32>, steps: usize, warm: bool) {
        let p = self.p;
        let (steps, work) = match self.ascent {
            Ascent::Subgradient => (steps, LAGRANGE_WORK),
            Ascent::Volume => (
                steps * VOLUME_STEPS_PER_STEP,
                LAGRANGE_WORK * VOLUME_STEPS_PER_STEP as u64,
            ),
        };
        self.priced = if self.relaxed {
            let aim = Aim {
                target,
                goal,
                steps,
                ascent: self.ascent,
                from: self.priced.as_ref().filter(|_| warm).map(|pb| pb.prices()),
            };
            priced_bound(p, self.limit, self.risk(), aim, work)
        } else {
            None
        };
        if let Some(pb) = &mut self.priced {
            self.nodes += pb.take_cells() / ASCENT_CELLS_PER_NODE;
        }
        let n = p.n_reps();
        self.least_load = (0..n)
            .map(|r| self.priced.as_ref().map_or(0, |pb| pb.least_load(r)))
            .collect();
        self.forced = 0;
        self.sum_drops = 0;
        for r in 0..n {
            self.own[r].clear();
        }
        for &j in &self.items {
            match self.p.jobs[j].home {
                Some(h) if self.keeps(j, h) => self.own[h].push(j),
                Some(_) => self.forced += 1,
                None => {}
            }
        }
        for r in 0..n {
            self.own[r].sort_unstable();
            self.drops[r] = self.must_leave(r);
            self.sum_drops += self.drops[r].count;
        }
        self.order_items();
    }

    fn risk(&self) -> AtRisk<'a> {
        AtRisk {
            doomed: self.doomed,
            lates: self.lates,
        }
    }

    /// Marks the tasks on `r` that are late and were not (none of them
    /// doomed), and answers them.
    fn mark_lates(&mut self, r: usize) -> Vec<usize> {
        let p = self.p;
        let mut run = 0;
        let mut lated = Vec::new();
        for &k in &self.list[r] {
            run += p.jobs[k].minutes;
            if self.turns_late(k, r, run) {
                lated.push(k);
            }
        }
        for &k in &lated {
            self.late[k] = true;
        }
        self.n_late += lated.len() as u32;
        lated
    }

    /// `k` on `r`, with `run` minutes up to and including it there, is
    /// late and was not.
    fn turns_late(&self, k: usize, r: usize, run: i64) -> bool {
        !self.doomed[k] && !self.late[k] && run > self.p.cum(r, self.p.jobs[k].due)
    }

    /// Lower bound on the undecided own tasks that must still leave their
    /// reps: each rep's count, less what the lates left can save. A rep
    /// that takes `k ≥ 1` of them sends at least its free count less `k`
    /// (removing the late tasks leaves its own on time), so the first late
    /// there saves `count − (free − 1)` and each further one saves one.
    fn drops_bound(&self) -> u32 {
        let left = self.lates - self.n_late;
        if left == 0 {
            return self.sum_drops;
        }
        let mut first: Vec<u32> = Vec::new();
        let mut further = 0u32;
        for d in &self.drops {
            if d.count > 0 {
                first.push(d.count - d.free.min(d.count).saturating_sub(1));
                further += d.free.min(d.count).saturating_sub(1);
            }
        }
        first.sort_unstable_by(|a, b| b.cmp(a));
        let opened = (left as usize).min(first.len());
        let saved: u32 = first[..opened].iter().sum::<u32>() + further.min(left - opened as u32);
        self.sum_drops.saturating_sub(saved)
    }

    /// Tasks with the fewest reps left to choose from first (ties: by
    /// minutes per eligible rep, most first: heavy tasks with few places
    /// to go decide most; the squares bound is tightest once only small
    /// tasks are left), and which earlier item each is identical to.
    fn order_items(&mut self) {
        let p = self.p;
        let doomed = self.doomed;
        let choices: Vec<usize> = (0..p.jobs.len())
            .map(|j| {
                p.candidates(j)
                    .iter()
                    .filter(|&&r| self.allows(j, r))
                    .count()
            })
            .collect();
        let mut items = std::mem::take(&mut self.items);
        items.sort_by_key(|&j| {
            let job = &p.jobs[j];
            (
                choices[j] > 1,
                std::cmp::Reverse(job.minutes * 8 / choices[j].max(1) as i64),
                std::cmp::Reverse(job.minutes),
                job.group,
                job.due,
                job.home,
                doomed[j],
                j,
            )
        });
        // A due date with a doomed task: its tasks' order by id can decide
        // who is on time, so identical tasks there are not interchangeable;
        // nor anywhere when tasks may turn late.
        let mut doomed_day = vec![self.lates > 0; p.n_days.max(1)];
        for (j, job) in p.jobs.iter().enumerate() {
            if doomed[j] {
                doomed_day[job.due] = true;
            }
        }
        self.twin = (0..items.len())
            .map(|i| {
                let (j, k) = (items[i], items[i.checked_sub(1)?]);
                let (job, prev) = (&p.jobs[j], &p.jobs[k]);
                // Equal sort keys up to the id: adjacent in `items`.
                let same = choices[j] == choices[k]
                    && prev.minutes == job.minutes
                    && prev.group == job.group
                    && prev.due == job.due
                    && prev.home == job.home
                    && !doomed_day[job.due];
                same.then_some(i - 1)
            })
            .collect();
        self.items = items;
    }

    /// `j` may be on `r` in the plans searched.
    fn allows(&self, j: usize, r: usize) -> bool {
        self.allowed[r] && self.priced.as_ref().is_none_or(|pb| pb.allows(r, j))
    }

    /// `j`'s assignee `h` may keep it in the plans searched.
    fn keeps(&self, j: usize, h: usize) -> bool {
        self.p.eligible(j, h) && self.allows(j, h)
    }

    /// Squares closer than this to the best are no improvement (as in
    /// [`Key`](super::problem::Key), with a margin).
    fn tolerance(&self) -> f64 {
        if !self.best_squares.is_finite() {
            return 0.0;
        }
        4.0 * SQUARES_EPS * self.best_squares.abs().max(1.0)
    }

    /// `j` may join `r`: within its limit, and every task there that is
    /// not doomed still on time but for the lates left.
    fn fits(&self, j: usize, r: usize) -> bool {
        let p = self.p;
        let m = p.jobs[j].minutes;
        if self.load[r] + m > self.limit[r] {
            return false;
        }
        let mut left = self.lates - self.n_late;
        let mut over = |k: usize, run: i64| {
            if !self.turns_late(k, r, run) {
                return false;
            }
            let none = left == 0;
            left = left.saturating_sub(1);
            none
        };
        let mut run = 0;
        let mut added = false;
        for &k in &self.list[r] {
            if !added && k > j {
                added = true;
                run += m;
                if over(j, run) {
                    return false;
                }
            }
            run += p.jobs[k].minutes;
            if added && over(k, run) {
                return false;
            }
        }
        if !added {
            run += m;
            if over(j, run) {
                return false;
            }
        }
        true
    }

    /// What `r`'s undecided own tasks must leave: see [`Leave`]; `free`
    /// only when tasks may turn late.
    fn must_leave(&self, r: usize) -> Leave {
        let (count, kept) = self.leave(r, true);
        let free = if self.lates > 0 {
            self.leave(r, false).0
        } else {
            count
        };
        Leave { count, kept, free }
    }

    /// The fewest undecided own tasks of `r` that cannot stay on it
    /// (Moore–Hodgson; see the module's notes), and the least minutes of
    /// the most it can keep (Moore–Hodgson's set is also the lightest).
    /// Without `strict`, the decided tasks there have no due dates.
    fn leave(&self, r: usize, strict: bool) -> (u32, i64) {
        let p = self.p;
        let list = &self.list[r];
        let total = self.load[r];
        let mut heap: BinaryHeap<i64> = BinaryHeap::new();
        let (mut kept, mut drops, mut room_max) = (0i64, 0u32, i64::MIN);
        // Decided minutes before the current own task, and the tightest
        // room a later decided task leaves (suffix minimum).
        let mut suffix = vec![i64::MAX; list.len() + 1];
        let mut before_incl = total;
        for (i, &f) in list.iter().enumerate().rev() {
            let own_room = if !strict || self.doomed[f] || self.late[f] {
                i64::MAX
            } else {
                p.cum(r, p.jobs[f].due) - before_incl
            };
            suffix[i] = suffix[i + 1].min(own_room);
            before_incl -= p.jobs[f].minutes;
        }
        let (mut pos, mut before) = (0usize, 0i64);
        for &k in &self.own[r] {
            if self.decided[k] {
                continue;
            }
            while pos < list.len() && list[pos] < k {
                before += p.jobs[list[pos]].minutes;
                pos += 1;
            }
            let mut room = (self.limit[r] - total).min(suffix[pos]);
            if !self.doomed[k] {
                room = room.min(p.cum(r, p.jobs[k].due) - before);
            }
            room_max = room_max.max(room);
            let m = p.jobs[k].minutes;
            heap.push(m);
            kept += m;
            while kept > room_max {
                let Some(x) = heap.pop() else { break };
                kept -= x;
                drops += 1;
            }
        }
        (drops, kept)
    }

    /// The least sum of squares of any completion: the undecided minutes
    /// spread as evenly as squares allow over the reps' room (∞ when they
    /// do not fit). With `tight` (no move to spare: each rep keeps exactly
    /// as many own tasks as Moore–Hodgson does), each rep first holds the
    /// least minutes of own tasks it can keep.
    fn least_squares(&mut self, tight: bool) -> f64 {
        let p = self.p;
        let n = p.n_reps();
        let mut fixed = 0.0;
        let mut room_total = 0i64;
        let mut rest = self.rest;
        self.marks.clear();
        for r in 0..n {
            let c = p.cap[r];
            let kept = self.load[r] + if tight { self.drops[r].kept } else { 0 };
            // Every plan fills the rep to at least its least load.
            let base = kept.max(self.least_load[r]);
            rest -= base - self.load[r];
            if c == 0 {
                continue;
            }
            let c2 = (c as f64) * (c as f64);
            let room = if self.allowed[r] {
                (self.limit[r] - base).max(0)
            } else {
                0
            };
            room_total += room;
            fixed += square(base, c);
            if room > 0 {
                // The rep starts taking work at level base/C² and is full
                // at limit/C².
                self.marks.push((base as f64 / c2, c2, true));
                self.marks.push((self.limit[r] as f64 / c2, c2, false));
            }
        }
        if rest < 0 {
            // Too few minutes left to fill every rep to its least load.
            return f64::INFINITY;
        }
        if rest == 0 {
            return fixed;
        }
        if room_total < rest {
            return f64::INFINITY;
        }
        self.marks.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Raise a common level t: each rep between its marks holds t·C².
        let mut left = rest as f64;
        let mut slope = 0.0;
        let mut level = self.marks[0].0;
        for &(at, c2, starts) in &self.marks {
            let need = (at - level) * slope;
            if need >= left {
                break;
            }
            left -= need;
            level = at;
            slope += if starts { c2 } else { -c2 };
        }
        if slope > 0.0 {
            level += left / slope;
        }
        let mut total = 0.0;
        for r in 0..n {
            let c = p.cap[r];
            if c == 0 {
                continue;
            }
            let kept = self.load[r] + if tight { self.drops[r].kept } else { 0 };
            let base = kept.max(self.least_load[r]);
            let c2 = (c as f64) * (c as f64);
            let top = if self.allowed[r] {
                self.limit[r].max(base)
            } else {
                base
            };
            let x = (level * c2).max(base as f64).min(top as f64);
            total += x * x / c2;
        }
        // Shaved so float rounding never lifts the bound above a plan's
        // figure.
        total.max(fixed) * (1.0 - 1e-11)
    }

    fn assign(&mut self, j: usize, r: usize) -> Undo {
        let p = self.p;
        let job = &p.jobs[j];
        let pos = self.list[r].partition_point(|&k| k < j);
        self.list[r].insert(pos, j);
        self.load[r] += job.minutes;
        self.decided[j] = true;
        self.at[j] = r;
        self.rest -= job.minutes;
        let lated = if self.n_late < self.lates {
            self.mark_lates(r)
        } else {
            Vec::new()
        };
        let old_r = self.drops[r];
        let home = job.home.filter(|&h| self.keeps(j, h));
        let old_h = home.map_or(Leave::default(), |h| self.drops[h]);
        match job.home {
            Some(h) if h != r => self.moves += 1,
            _ => {}
        }
        if job.home.is_some() && home.is_none() {
            self.forced -= 1;
        }
        self.sum_drops -= old_r.count;
        self.drops[r] = self.must_leave(r);
        self.sum_drops += self.drops[r].count;
        if let Some(h) = home.filter(|&h| h != r) {
            self.sum_drops -= old_h.count;
            self.drops[h] = self.must_leave(h);
            self.sum_drops += self.drops[h].count;
        }
        Undo {
            old_r,
            old_h,
            lated,
        }
    }

    fn undo(&mut self, j: usize, r: usize, u: Undo) {
        let Undo {
            old_r,
            old_h,
            lated,
        } = u;
        for &k in &lated {
            self.late[k] = false;
        }
        self.n_late -= lated.len() as u32;
        let p = self.p;
        let job = &p.jobs[j];
        if let Ok(pos) = self.list[r].binary_search(&j) {
            self.list[r].remove(pos);
        }
        self.load[r] -= job.minutes;
        self.decided[j] = false;
        self.rest += job.minutes;
        let home = job.home.filter(|&h| self.keeps(j, h));
        match job.home {
            Some(h) if h != r => self.moves -= 1,
            _ => {}
        }
        if job.home.is_some() && home.is_none() {
            self.forced += 1;
        }
        if let Some(h) = home.filter(|&h| h != r) {
            self.sum_drops = self.sum_drops - self.drops[h].count + old_h.count;
            self.drops[h] = old_h;
        }
        self.sum_drops = self.sum_drops - self.drops[r].count + old_r.count;
        self.drops[r] = old_r;
    }

    fn search(&mut self, i: usize) {
        if self.nodes >= self.budget {
            return;
        }
        self.nodes += 1 + self
            .priced
            .as_mut()
            .map_or(0, |pb| pb.take_cells() / CELLS_PER_NODE);
        if self.nodes.is_multiple_of(4096) && self.p.cancelled() {
            self.nodes = self.budget;
            return;
        }
        let drops_lb = self.moves + self.forced + self.drops_bound();
        let moves_lb = drops_lb.max(self.priced.as_ref().map_or(0, |pb| pb.floor()));
        if moves_lb > self.best_moves {
            return;
        }
        // With lates left, a rep may keep more own tasks than Moore–Hodgson
        // does (late), so its least kept minutes do not hold.
        let tight = self.n_late == self.lates && drops_lb == self.best_moves;
        let lb = self.least_squares(tight);

        if lb == f64::INFINITY
            || (moves_lb == self.best_moves && lb >= self.best_squares - self.tolerance())
        {
            return;
        }
        if i == self.items.len() {
            // Every constraint held on the way: a plan with the incumbent's
            // tasks at risk and within the limits, better on (3, 4).
            let p = self.p;
            let squares: f64 = (0..p.n_reps())
                .map(|r| square(self.load[r], p.cap[r]))
                .sum();
            if self.moves < self.best_moves || squares < self.best_squares - self.tolerance() {
                self.best_moves = self.moves;
                self.best_squares = squares;
                self.best_at.clone_from(&self.at);
                self.improved = true;
            }
            return;
        }
        let p = self.p;
        let j = self.items[i];
        let job = &p.jobs[j];
        let home = job.home.filter(|&h| self.keeps(j, h));
        let after = self.twin[i].map(|t| self.at[self.items[t]]);
        let m = job.minutes as f64;
        let mut order: Vec<((bool, bool), f64, usize)> = p
            .candidates(j)
            .iter()
            .filter(|&&r| after.is_none_or(|a| r >= a) && self.allows(j, r) && self.fits(j, r))
            .map(|&r| {
                let c = p.cap[r] as f64;
                let l = self.load[r] as f64;
                // Where the relaxation puts it first: that branch keeps
                // the bound and leads to plans with few moves soonest.
                let off_pick = self.priced.as_ref().is_some_and(|pb| !pb.picks(r, j));
                (
                    (off_pick, Some(r) != home),
                    ((l + m) * (l + m) - l * l) / (c * c),
                    r,
                )
            })
            .collect();
        order.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (_, _, r) in order {
            let u = self.assign(j, r);
            self.search(i + 1);
            self.undo(j, r, u);
            if self.nodes >= self.budget {
                return;
            }
        }
    }
}

#[cfg(test)]
pub(in crate::plan::balance) mod tests {
    use super::*;
    use crate::plan::balance::bounds::Bounds;
    use crate::plan::rng::Rng;

    /// The fewest moves, then least squares, over every plan with at most
    /// `risk` tasks at risk and every rep within `limits`, by enumeration.
    pub(in crate::plan::balance) fn brute(
        p: &Problem,
        limits: &[i64],
        risk: u32,
    ) -> Option<(u32, f64)> {
        let n = p.jobs.len();
        let mut at: Vec<usize> = (0..n).map(|j| p.candidates(j)[0]).collect();
        let mut best: Option<(u32, f64)> = None;
        loop {
            let b = Board::from_plan(p, &at);
            let k = b.key();
            if k.risk <= risk && (0..p.n_reps()).all(|r| b.load[r] <= limits[r]) {
                let better = best
                    .is_none_or(|(m, s)| k.moves < m || (k.moves == m && k.squares < s - 1e-12));
                if better {
                    best = Some((k.moves, k.squares));
                }
            }
            // Next assignment, odometer style over each task's candidates.
            let mut j = 0;
            loop {
                if j == n {
                    return best;
                }
                let c = p.candidates(j);
                let i = c.iter().position(|&r| r == at[j]).unwrap_or(0);
                if i + 1 < c.len() {
                    at[j] = c[i + 1];
                    break;
                }
                at[j] = c[0];
                j += 1;
            }
        }
    }

    /// A small random team: each rep's flat daily capacity, the days, and
    /// the tasks as (minutes, due, home, pinned) in due order.
    pub(in crate::plan::balance) fn random_case(rng: &mut Rng) -> (Vec<i64>, usize, Vec<Case>) {
        let reps = 2 + rng.below(3);
        let days = 3;
        let caps: Vec<i64> = (0..reps).map(|_| 40 + 20 * rng.below(5) as i64).collect();
        let mut jobs: Vec<Case> = (0..4 + rng.below(4))
            .map(|_| {
                let home = (rng.below(4) > 0).then(|| rng.below(reps));
                let pinned = home.is_some() && rng.below(8) == 0;
                (
                    30 * (1 + rng.below(5) as i64),
                    rng.below(days),
                    home,
                    pinned,
                )
            })
            .collect();
        jobs.sort_by_key(|j| j.1);
        (caps, days, jobs)
    }

    /// A task of [`random_case`]: minutes, due day, home, pinned.
    pub(in crate::plan::balance) type Case = (i64, usize, Option<usize>, bool);

    /// Teams whose start has tasks at risk beyond the doomed ones are
    /// searched too: among the plans with at most as many.
    #[test]
    fn fewest_moves_then_least_squares_match_enumeration() {
        let mut rng = Rng(14);
        let (mut improved, mut with_lates) = (0, 0);
        for _case in 0..300 {
            let (caps, days, jobs) = random_case(&mut rng);
            let reps = caps.len();
            let p = Problem::flat(&caps, days, &jobs);
            let bounds = Bounds::new(&p);
            let s = Search::new(&p, &bounds, p.infinite());
            let start = s.initial();
            let risk = start.total_risk;
            let limits = s.limits(start.key().finite_max);
            let mut b = start.clone();
            assert!(s.exact_moves_squares(&mut b, &limits, EXACT34_NODES));
            b.check();
            let k = b.key();
            assert!(k.risk <= risk, "{jobs:?} on {caps:?}");
            // Fewer at risk and a lower highest utilisation come first:
            // then the fewest moves among those plans.
            let lower = s.limits(k.finite_max);
            let (moves, squares) = brute(&p, &lower, k.risk).expect("b is a plan");
            assert_eq!(k.moves, moves, "{jobs:?} on {caps:?}");
            assert!((k.squares - squares).abs() <= 1e-9, "{jobs:?} on {caps:?}");
            assert!((0..reps).all(|r| b.load[r] <= limits[r]));
            improved += usize::from(k.better_than(&start.key()));
            with_lates += usize::from(risk > bounds.risk);
        }
        // The starts are packings, not optima: the search had work to do.
        assert!(improved > 0);
        assert!(with_lates > 20, "{with_lates}");
    }
}
