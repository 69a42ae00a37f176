//! Fewer moves (term 3) at a fixed highest utilisation and tasks at risk:
//! once terms 1 and 2 are settled, every rep has a load limit `⌊λ·C_r⌋`
//! and the plan may not add tasks at risk; within those, tasks go back to
//! their assignee. On tight teams the limits leave a few minutes of room in
//! all, so a task comes home only if others shift at the same time: chains
//! of displacements, then exact re-optimisation of two or three reps.

use std::collections::HashSet;

use crate::plan::balance::board::Board;
use crate::plan::balance::problem::{square, SQUARES_EPS};
use crate::plan::balance::search::Search;
use crate::plan::rng::Rng;

/// Longest displacement chain.
pub(super) const CHAIN_DEPTH: usize = 5;
/// Reps besides its home a displaced task is tried on (the roomiest).
const CHAIN_TARGETS: usize = 16;
/// Chain steps per task in scope, and at most in all, per call.
const CHAIN_WORK_PER_JOB: u64 = 10_000;
const CHAIN_WORK: u64 = 800_000;
/// Nodes of one group re-optimisation.
const GROUP_NODES: u64 = 50_000;
/// Nodes of all group re-optimisations, per task in scope and at most.
const GROUP_WORK_PER_JOB: u64 = 20_000;
const GROUP_WORK: u64 = 800_000;
/// Rounds of group re-optimisation and chains.
const MOVES_ROUNDS: usize = 4;
/// Sweeps over pairs of reps for the sum of squares, and partners per rep.
const EVEN_SWEEPS: usize = 4;
const EVEN_PARTNERS: usize = 32;
/// Teams up to this size also get sweeps over triples of reps.
const EVEN_TRIPLES_MAX_REPS: usize = 40;
const EVEN_TRIPLES_WORK: u64 = 4_000_000;
/// Third reps tried with each (home, holder) pair.
const GROUP_THIRDS: usize = 16;
/// Nodes of one exact re-optimisation of a group around a rep sending
/// filler, and of all of them per task in scope and at most.
const SURPLUS_GROUP_NODES: u64 = 5_000;
const SURPLUS_WORK_PER_JOB: u64 = 7_500;
const SURPLUS_WORK: u64 = 1_500_000;
/// Reps considered with each rep sending filler, and the largest group.
const SURPLUS_POOL: usize = 10;
const SURPLUS_GROUP_MAX: usize = 5;

/// How [`Search::random_groups`] draws and searches its groups.
struct Draws {
    /// Group sizes, cycled.
    sizes: std::ops::RangeInclusive<usize>,
    /// Each group a team of its own (`subteam.rs`), or searched in place.
    as_team: bool,
    /// Nodes of one group, of all groups, and after which groups that
    /// found nothing better stop.
    group_nodes: u64,
    work: u64,
    stall: u64,
}

/// Random groups after the surplus groups. On the dense 20-rep teams
/// groups of 5 found too little, and 9 or 10 reps end within a group's
/// nodes only about half the time (measured); on 33 generated teams of
/// 12-30 reps a wider budget found more, at about 0.8 s a team.
const IN_PLACE: Draws = Draws {
    sizes: 6..=10,
    as_team: false,
    group_nodes: 50_000,
    work: 8_000_000,
    stall: 3_000_000,
};
/// Then groups as teams of their own, which finish far more often: at
/// 50,000 nodes, 22 of 24 groups of 8-9 reps, 18 of 36 of 10-12 and 6 of
/// 24 of 13-14 (the 20-rep team seed 13), against about half of those of
/// 9-10 in place. On the same 33 teams these took the moves above
/// CP-SAT's optimum from 9 to 2 (DESIGN.md). A run of 4,000,000 nodes
/// without a better plan ends the draw: 2,000,000 left the 30-rep seed 40
/// at 32 moves against its proven 30, 3,000,000 left two sums of squares
/// higher (the nodes are the same count on any machine; DESIGN.md has
/// the times).
const AS_TEAMS: Draws = Draws {
    sizes: 8..=14,
    as_team: true,
    group_nodes: 100_000,
    work: 8_000_000,
    stall: 4_000_000,
};
/// The random groups' seed: the same team gets the same plan.
const RANDOM_GROUPS_SEED: u64 = 0x6d65_7269_6469_616e;

impl<'p> Search<'p> {
    /// The chain budget of one call for this problem.
    pub(super) fn chain_budget(&self) -> u64 {
        (CHAIN_WORK_PER_JOB * self.p.jobs.len() as u64).min(CHAIN_WORK)
    }

    /// Fewest moves from a plan within `limits`: chains, then groups of
    /// reps re-optimised exactly, then chains again from what that opened.
    pub(super) fn fewest_moves(&self, b: &mut Board<'p>, limits: &[i64]) {
        let budget = self.chain_budget();
        let jobs = self.p.jobs.len() as u64;
        self.chains(b, limits, CHAIN_DEPTH, budget);
        // Each opens moves for the other; a round that saves none ends it.
        for _round in 0..MOVES_ROUNDS {
            let before = b.moves;
            self.group_moves(b, limits, (GROUP_WORK_PER_JOB * jobs).min(GROUP_WORK));
            self.chains(b, limits, CHAIN_DEPTH, budget);
            if b.moves >= before || self.p.cancelled() {
                break;
            }
        }
    }

    /// A lower sum of squares at the same moves: every pair of reps that
    /// share a skill group (the least loaded partners first on large
    /// teams) re-optimised exactly, until a sweep changes nothing.
    pub(super) fn even_out(&self, b: &mut Board<'p>, limits: &[i64]) {
        let p = self.p;
        let budget = (GROUP_WORK_PER_JOB * p.jobs.len() as u64).min(GROUP_WORK);
        let mut nodes = 0u64;
        for _sweep in 0..EVEN_SWEEPS {
            // Per skill group, the least loaded members: each rep's partners.
            let light: Vec<Vec<usize>> = p
                .groups
                .iter()
                .map(|g| {
                    let mut m = g.members.clone();
                    m.sort_by(|&x, &y| b.ratio(x).cmp(&b.ratio(y)).then(x.cmp(&y)));
                    m.truncate(EVEN_PARTNERS);
                    m
                })
                .collect();
            let mut improved = false;
            for r in 0..p.n_reps() {
                let mut partners: Vec<usize> = Vec::new();
                for &g in &self.groups_of[r] {
                    for &t in &light[g] {
                        if t != r && !partners.contains(&t) {
                            partners.push(t);
                        }
                    }
                }
                for t in partners {
                    if nodes >= budget || p.cancelled() {
                        return;
                    }
                    improved |= self.group_opt(b, &[r, t], limits, &mut nodes);
                }
            }
            if !improved {
                break;
            }
        }
        // Small teams: every triple too (pairs miss three-way exchanges).
        if p.n_reps() > EVEN_TRIPLES_MAX_REPS {
            return;
        }
        let budget = nodes + EVEN_TRIPLES_WORK;
        for _sweep in 0..EVEN_SWEEPS {
            let mut improved = false;
            for r in 0..p.n_reps() {
                for s in r + 1..p.n_reps() {
                    for t in s + 1..p.n_reps() {
                        if nodes >= budget || p.cancelled() {
                            return;
                        }
                        let shares = |x: usize, y: usize| {
                            self.groups_of[x]
                                .iter()
                                .any(|g| self.groups_of[y].contains(g))
                        };
                        if !(shares(r, s) || shares(r, t) || shares(s, t)) {
                            continue;
                        }
                        improved |= self.group_opt(b, &[r, s, t], limits, &mut nodes);
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// Brings moved tasks home through chains of displacements: the task
    /// enters its home rep, a task there leaves for another rep, and so on
    /// until a rep takes its newcomer without anyone leaving. Each step
    /// leaves the rep it enters within its limit, and the chain ends with no
    /// more tasks at risk than before (a task at risk may change rep: it is
    /// at risk either way); a chain is kept only when it saves moves. Short
    /// chains are exhausted before longer ones are tried.
    pub(super) fn chains(&self, b: &mut Board<'p>, limits: &[i64], max_depth: usize, budget: u64) {
        let p = self.p;
        let mut walk = Chain {
            limits,
            roomy: Vec::new(),
            log: Vec::new(),
            risk0: 0,
            work: 0,
            budget,
        };
        for depth in 1..=max_depth {
            loop {
                walk.roomy = self.roomiest(b, limits);
                let mut improved = false;
                for j in 0..p.jobs.len() {
                    if walk.work >= budget || p.cancelled() {
                        return;
                    }
                    let job = &p.jobs[j];
                    let Some(h) = job.home else { continue };
                    if b.at[j] == h || job.pinned || !p.eligible(j, h) {
                        continue;
                    }
                    walk.log.clear();
                    walk.risk0 = b.total_risk;
                    improved |= self.chain(b, &mut walk, j, h, depth, -1);
                }
                if !improved {
                    break;
                }
            }
        }
    }

    /// Moves `j` into `r` (the chain so far changes the moves by `gain`,
    /// negative is better) and, when `r` is then over its limit or the plan
    /// has more tasks at risk, sends one of r's tasks on, up to `depth`
    /// steps in all. Undone unless the whole chain succeeds with a negative
    /// gain.
    fn chain(
        &self,
        b: &mut Board<'p>,
        walk: &mut Chain<'_>,
        j: usize,
        r: usize,
        depth: usize,
        gain: i64,
    ) -> bool {
        let p = self.p;
        let from = b.at[j];
        walk.log.push((j, from));
        b.relocate(j, r);
        let done = |b: &Board<'p>, walk: &Chain<'_>| {
            b.load[r] <= walk.limits[r] && b.total_risk <= walk.risk0
        };
        if gain < 0 && done(b, walk) {
            return true;
        }
        // Every later step saves at most one move.
        if depth > 1 && gain - (depth as i64 - 1) < 0 {
            let over = b.load[r] - walk.limits[r];
            // Who leaves r and where to: best gain first.
            let mut out: Vec<(i64, usize, usize)> = Vec::new();
            for &k in &b.list[r] {
                let k = k as usize;
                if k == j || p.jobs[k].pinned || p.jobs[k].minutes < over {
                    continue;
                }
                if walk.log.iter().any(|&(x, _)| x == k) {
                    continue;
                }
                let home = p.jobs[k].home.filter(|&h| p.eligible(k, h));
                let roomy = &walk.roomy[p.jobs[k].group];
                for t in home.into_iter().chain(roomy.iter().copied()) {
                    walk.work += 1;
                    if t == r || !p.eligible(k, t) {
                        continue;
                    }
                    // The last step must fit where it lands.
                    if depth == 2 && b.load[t] + p.jobs[k].minutes > walk.limits[t] {
                        continue;
                    }
                    out.push((b.move_delta(k, r, t), k, t));
                }
            }
            out.sort_unstable();
            out.dedup();
            for (d, k, t) in out {
                if gain + d - (depth as i64 - 2) >= 0 || walk.work >= walk.budget {
                    break;
                }
                let mark = walk.log.len();
                if self.chain(b, walk, k, t, depth - 1, gain + d) && done(b, walk) {
                    return true;
                }
                while walk.log.len() > mark {
                    if let Some((x, y)) = walk.log.pop() {
                        b.relocate(x, y);
                    }
                }
            }
        }
        b.relocate(j, from);
        walk.log.pop();
        false
    }

    /// Per skill group, the few members with the most room under `limits`:
    /// where a displaced task is tried besides its home.
    fn roomiest(&self, b: &Board<'p>, limits: &[i64]) -> Vec<Vec<usize>> {
        self.p
            .groups
            .iter()
            .map(|g| {
                let mut m: Vec<usize> = g.members.clone();
                m.sort_by_key(|&r| (std::cmp::Reverse(limits[r] - b.load[r]), r));
                m.truncate(CHAIN_TARGETS);
                m
            })
            .collect()
    }

    /// Re-optimises, exactly within a node budget, the reps around every
    /// moved task: its home and the rep holding it, then with a third rep
    /// (those tied to the two by moved tasks first, then the roomiest that
    /// could take a guest of the home rep).
    fn group_moves(&self, b: &mut Board<'p>, limits: &[i64], budget: u64) {
        let p = self.p;
        let mut nodes = 0u64;
        for _pass in 0..8 {
            let roomy = self.roomiest(b, limits);
            // Each rep's own tasks held elsewhere.
            let mut away: Vec<Vec<usize>> = vec![Vec::new(); p.n_reps()];
            for (j, job) in p.jobs.iter().enumerate() {
                if let Some(h) = job.home.filter(|&h| h != b.at[j]) {
                    away[h].push(j);
                }
            }
            let mut improved = false;
            for j in 0..p.jobs.len() {
                if nodes >= budget || p.cancelled() {
                    return;
                }
                let job = &p.jobs[j];
                let Some(h) = job.home else { continue };
                let r = b.at[j];
                if r == h || job.pinned || !p.eligible(j, h) {
                    continue;
                }
                if self.group_opt(b, &[h, r], limits, &mut nodes) {
                    improved = true;
                    continue;
                }
                let mut thirds: Vec<usize> = Vec::new();
                let mut add = |t: usize| {
                    if t != h && t != r && !thirds.contains(&t) {
                        thirds.push(t);
                    }
                };
                for &x in b.list[h].iter().chain(&b.list[r]) {
                    if let Some(t) = p.jobs[x as usize].home {
                        add(t);
                    }
                }
                for &x in away[h].iter().chain(&away[r]) {
                    add(b.at[x]);
                }
                for &g in &b.list[h] {
                    let g = g as usize;
                    for &t in &roomy[p.jobs[g].group] {
                        add(t);
                    }
                }
                for t in thirds.into_iter().take(GROUP_THIRDS) {
                    if nodes >= budget || p.cancelled() {
                        return;
                    }
                    if self.group_opt(b, &[h, r, t], limits, &mut nodes) {
                        improved = true;
                        break;
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// Fewer moves on small teams the exact search could not finish: a rep
    /// that sends more own tasks than Moore–Hodgson says it must sends
    /// "filler" (every rep full to its limit, small tasks leave so others
    /// fill up exactly). Groups around such reps are re-optimised exactly
    /// (`exact.rs` restricted to the group), groups with the most of them
    /// first, until none saves anything or the node budget is spent.
    pub(super) fn surplus_moves(&self, b: &mut Board<'p>, limits: &[i64]) {
        let p = self.p;
        let must = self.must_leave_all(limits);
        let budget = (SURPLUS_WORK_PER_JOB * p.jobs.len() as u64).min(SURPLUS_WORK);
        let mut nodes = 0u64;
        // Groups that saved nothing on the current plan.
        let mut tried: HashSet<Vec<usize>> = HashSet::new();
        'plan: loop {
            let (surplus, link) = self.surplus_reps(b, &must);
            for g in self.surplus_groups(b, &surplus, &link) {
                if tried.contains(&g) {
                    continue;
                }
                if nodes >= budget || p.cancelled() {
                    return;
                }
                let before = b.key();
                nodes += self
                    .exact_within(b, limits, Some(&g), SURPLUS_GROUP_NODES)
                    .1;
                if b.key().better_than(&before) {
                    tried.clear();
                    continue 'plan;
                }
                tried.insert(g);
            }
            return;
        }
    }

    /// Fewer moves where the surplus groups found no more: groups of reps
    /// drawn at random, each grown by reps tied to it by moved tasks (two
    /// draws in three) or by any rep, re-optimised exactly. A better plan
    /// may need a dozen reps to trade tasks at once, far from any one
    /// rep's surplus. First groups of 6-10 reps searched in place
    /// (`exact_within`), then groups of 8-14 each as a team of its own
    /// (`subteam.rs`), whose moves bound lets larger groups finish.
    pub(super) fn random_groups(&self, b: &mut Board<'p>, limits: &[i64]) {
        self.draw_groups(b, limits, &IN_PLACE);
        self.draw_groups(b, limits, &AS_TEAMS);
    }

    /// Groups drawn as `draws` says, each re-optimised, until its budget is
    /// spent or a long run of groups found nothing better.
    fn draw_groups(&self, b: &mut Board<'p>, limits: &[i64], draws: &Draws) {
        let p = self.p;
        let n = p.n_reps();
        if n < 3 || self.infinite {
            return;
        }
        let mut rng = Rng(RANDOM_GROUPS_SEED);
        let (mut nodes, mut since_better) = (0u64, 0u64);
        for size in draws.sizes.clone().cycle().map(|s| s.min(n - 1)) {
            if nodes >= draws.work || since_better >= draws.stall || p.cancelled() {
                return;
            }
            let (_, link) = self.moved_between(b);
            let mut group = vec![rng.below(n)];
            while group.len() < size {
                let mut pool: Vec<usize> = (0..n)
                    .filter(|r| !group.contains(r) && group.iter().any(|&e| link[e][*r] > 0))
                    .collect();
                if pool.is_empty() || rng.below(3) == 0 {
                    pool = (0..n).filter(|r| !group.contains(r)).collect();
                }
                group.push(pool[rng.below(pool.len())]);
            }
            group.sort_unstable();
            let before = b.key();
            let (_, used) = if draws.as_team {
                self.exact_subteam(b, limits, &group, draws.group_nodes)
            } else {
                self.exact_within(b, limits, Some(&group), draws.group_nodes)
            };
            // No nodes: the model does not hold this plan (an infinite or
            // over-limit team), which no other group changes.
            if used == 0 {
                return;
            }
            nodes += used;
            since_better += used;
            if b.key().better_than(&before) {
                since_better = 0;
            }
        }
    }

    /// The reps sending more own tasks than they must (most surplus
    /// first), and per pair of reps the moved tasks between them.
    fn surplus_reps(&self, b: &Board<'p>, must: &[u32]) -> (Vec<usize>, Vec<Vec<u32>>) {
        let (sent, link) = self.moved_between(b);
        let mut surplus: Vec<usize> = (0..self.p.n_reps())
            .filter(|&r| sent[r] > must[r])
            .collect();
        surplus.sort_by_key(|&r| (std::cmp::Reverse(sent[r] - must[r]), r));
        (surplus, link)
    }

    /// Per rep, the own tasks it sends elsewhere (those it may keep), and
    /// per pair of reps the moved tasks between them.
    fn moved_between(&self, b: &Board<'p>) -> (Vec<u32>, Vec<Vec<u32>>) {
        let p = self.p;
        let n = p.n_reps();
        let mut sent = vec![0u32; n];
        let mut link = vec![vec![0u32; n]; n];
        for (j, job) in p.jobs.iter().enumerate() {
            let Some(h) = job.home else { continue };
            let r = b.at[j];
            if r == h || job.pinned || !p.eligible(j, h) {
                continue;
            }
            sent[h] += 1;
            link[h][r] += 1;
            link[r][h] += 1;
        }
        (sent, link)
    }

    /// Groups to re-optimise: several surplus reps together (their filler
    /// may trade places), and each surplus rep with the reps it is tied to
    /// by moved tasks or that hold guests of the sizes it sends (those can
    /// stand in for its filler). Most surplus reps per group first.
    fn surplus_groups(
        &self,
        b: &Board<'p>,
        surplus: &[usize],
        link: &[Vec<u32>],
    ) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let push = |g: Vec<usize>, groups: &mut Vec<Vec<usize>>| {
            let mut g = g;
            g.sort_unstable();
            groups.push(g);
        };
        for &e in surplus {
            let pool = self.related(b, e, link);
            for k in 2..SURPLUS_GROUP_MAX {
                for_subsets(pool.len(), k, |idx| {
                    let g = std::iter::once(e).chain(idx.iter().map(|&i| pool[i]));
                    push(g.collect(), &mut groups);
                });
            }
        }
        let pool: Vec<usize> = surplus.iter().copied().take(SURPLUS_POOL).collect();
        for k in 3..=SURPLUS_GROUP_MAX {
            for_subsets(pool.len(), k, |idx| {
                push(idx.iter().map(|&i| pool[i]).collect(), &mut groups);
            });
        }
        // Stable: within a count, the order above.
        groups.sort_by_key(|g| std::cmp::Reverse(g.iter().filter(|r| surplus.contains(r)).count()));
        groups
    }

    /// The reps most related to `e`, best first: tied to it by moved
    /// tasks, then holding tasks not their own that `e` could take, of a
    /// size `e` sends (guests before unassigned tasks).
    fn related(&self, b: &Board<'p>, e: usize, link: &[Vec<u32>]) -> Vec<usize> {
        let p = self.p;
        let n = p.n_reps();
        let sizes: Vec<i64> = (0..p.jobs.len())
            .filter(|&j| p.jobs[j].home == Some(e) && b.at[j] != e && !p.jobs[j].pinned)
            .map(|j| p.jobs[j].minutes)
            .collect();
        let mut score: Vec<u32> = link[e].iter().map(|&l| 4 * l).collect();
        for (j, job) in p.jobs.iter().enumerate() {
            let r = b.at[j];
            if r == e || job.pinned || job.home == Some(r) || !p.eligible(j, e) {
                continue;
            }
            if sizes.contains(&job.minutes) {
                score[r] += if job.home.is_some() { 2 } else { 1 };
            }
        }
        let mut pool: Vec<usize> = (0..n).filter(|&t| t != e && score[t] > 0).collect();
        pool.sort_by_key(|&t| (std::cmp::Reverse(score[t]), t));
        pool.truncate(SURPLUS_POOL);
        pool
    }

    /// Re-assigns the tasks of a few reps among them for fewer moves (then
    /// a lower sum of squares), each rep within `limits` and the group with
    /// no more tasks at risk. True when it changed the plan.
    fn group_opt(
        &self,
        b: &mut Board<'p>,
        group: &[usize],
        limits: &[i64],
        nodes: &mut u64,
    ) -> bool {
        let p = self.p;
        let mut js: Vec<usize> = group
            .iter()
            .flat_map(|&r| b.list[r].iter().map(|&j| j as usize))
            .collect();
        js.sort_unstable();
        let mut jobs = Vec::with_capacity(js.len());
        let mut free = false;
        for &j in &js {
            let job = &p.jobs[j];
            let here = group.iter().position(|&r| r == b.at[j]).unwrap_or(0);
            let opts: Vec<usize> = if job.pinned {
                vec![here]
            } else {
                (0..group.len())
                    .filter(|&s| s == here || p.eligible(j, group[s]))
                    .collect()
            };
            free |= opts.len() > 1;
            let moved: Vec<bool> = group
                .iter()
                .map(|&r| job.home.is_some_and(|h| h != r))
                .collect();
            jobs.push(GroupJob {
                job: j,
                minutes: job.minutes,
                cum: group.iter().map(|&r| p.cum(r, job.due)).collect(),
                own: opts.iter().copied().find(|&s| job.home == Some(group[s])),
                moved,
                opts,
            });
        }
        if !free {
            return false;
        }
        let n = jobs.len();
        let mut rest_after = vec![0i64; n + 1];
        let mut forced_after = vec![0u32; n + 1];
        for k in (0..n).rev() {
            let j = &jobs[k];
            rest_after[k] = rest_after[k + 1] + j.minutes;
            let forced = j.opts.iter().all(|&s| j.moved[s]);
            forced_after[k] = forced_after[k + 1] + u32::from(forced);
        }
        let moves_now: u32 = js
            .iter()
            .map(|&j| u32::from(p.jobs[j].home.is_some_and(|h| h != b.at[j])))
            .sum();
        let squares_now: f64 = group.iter().map(|&r| square(b.load[r], p.cap[r])).sum();
        let mut dfs = GroupDfs {
            jobs,
            cap: group.iter().map(|&r| p.cap[r]).collect(),
            limit: group.iter().map(|&r| limits[r]).collect(),
            risk_budget: group.iter().map(|&r| b.risk[r]).sum(),
            rest_after,
            forced_after,
            load: vec![0; group.len()],
            risk: 0,
            moves: 0,
            side: vec![0; n],
            best: None,
            best_moves: moves_now,
            // Only strictly better plans replace the current one.
            best_squares: squares_now - SQUARES_EPS * 16.0 * squares_now.max(1.0),
            nodes: 0,
            budget: GROUP_NODES,
            own_by_size: Vec::new(),
        };
        dfs.own_by_size = (0..group.len())
            .map(|s| {
                let mut own: Vec<(usize, i64)> = (dfs.jobs.iter().enumerate())
                    .filter(|(_, j)| j.own == Some(s))
                    .map(|(i, j)| (i, j.minutes))
                    .collect();
                own.sort_by_key(|&(i, m)| (m, i));
                own
            })
            .collect();
        dfs.dfs(0);
        *nodes += dfs.nodes;
        let Some(side) = dfs.best else { return false };
        for (k, &s) in side.iter().enumerate() {
            let (j, r) = (dfs.jobs[k].job, group[usize::from(s)]);
            if b.at[j] != r {
                b.relocate(j, r);
            }
        }
        true
    }
}

/// The state of one chain walk.
struct Chain<'a> {
    limits: &'a [i64],
    roomy: Vec<Vec<usize>>,
    /// (task, rep it came from), to undo a failed chain.
    log: Vec<(usize, usize)>,
    /// Tasks at risk when the chain started: it may move them, not add any.
    risk0: u32,
    work: u64,
    budget: u64,
}

/// One task of a group re-optimisation.
struct GroupJob {
    job: usize,
    minutes: i64,
    /// `C(due)` on each rep of the group.
    cum: Vec<i64>,
    /// The group's reps (by slot) that may hold it.
    opts: Vec<usize>,
    /// Holding it on slot `s` is a move.
    moved: Vec<bool>,
    /// The slot of its assignee, when that rep is in the group and may keep it.
    own: Option<usize>,
}

/// Depth-first search over a group's tasks in (due, id) order, so each
/// rep's at-risk count only grows, for the fewest moves within the limits
/// and the group's tasks at risk, then the least sum of squares.
struct GroupDfs {
    jobs: Vec<GroupJob>,
    cap: Vec<i64>,
    limit: Vec<i64>,
    risk_budget: u32,
    /// Minutes at index `k` or later.
    rest_after: Vec<i64>,
    /// Tasks at index `k` or later that are a move wherever they go.
    forced_after: Vec<u32>,
    load: Vec<i64>,
    risk: u32,
    moves: u32,
    side: Vec<u8>,
    best: Option<Vec<u8>>,
    best_moves: u32,
    best_squares: f64,
    nodes: u64,
    budget: u64,
    /// Per slot, (index, minutes) of the tasks it may keep as their
    /// assignee, smallest first.
    own_by_size: Vec<Vec<(usize, i64)>>,
}

impl GroupDfs {
    /// Own tasks still to place that cannot all stay: per rep, keeping the
    /// smallest first, those past the room left must leave (deadlines
    /// aside, so this never overstates).
    fn drops_after(&self, k: usize) -> u32 {
        let mut drops = 0;
        for (s, own) in self.own_by_size.iter().enumerate() {
            let mut room = self.limit[s] - self.load[s];
            let mut left = own.iter().filter(|&&(i, _)| i >= k).count() as u32;
            for &(i, m) in own {
                if i < k {
                    continue;
                }
                room -= m;
                if room < 0 {
                    drops += left;
                    break;
                }
                left -= 1;
            }
        }
        drops
    }

    fn dfs(&mut self, k: usize) {
        if self.nodes >= self.budget {
            return;
        }
        self.nodes += 1;
        if k == self.jobs.len() {
            let sq: f64 = self
                .load
                .iter()
                .zip(&self.cap)
                .map(|(&l, &c)| square(l, c))
                .sum();
            if self.moves < self.best_moves
                || (self.moves == self.best_moves && sq < self.best_squares)
            {
                self.best_moves = self.moves;
                self.best_squares = sq;
                self.best = Some(self.side.clone());
            }
            return;
        }
        if self.moves + self.forced_after[k] > self.best_moves {
            return;
        }
        let room: i64 = self
            .load
            .iter()
            .zip(&self.limit)
            .map(|(&l, &m)| (m - l).max(0))
            .sum();
        if room < self.rest_after[k] {
            return;
        }
        if self.moves + self.forced_after[k] + self.drops_after(k) > self.best_moves {
            return;
        }
        // Where it stays first, then on time, then the rep with most room.
        let job = &self.jobs[k];
        let mut order: Vec<(bool, bool, i64, usize)> = job
            .opts
            .iter()
            .filter_map(|&s| {
                let l = self.load[s] + job.minutes;
                (l <= self.limit[s]).then_some((job.moved[s], l > job.cum[s], l - self.limit[s], s))
            })
            .collect();
        order.sort_unstable();
        let minutes = job.minutes;
        for (mv, late, _, s) in order {
            if late && self.risk >= self.risk_budget {
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

/// Calls `f` with every `k`-subset of `0..n` (indices ascending), in
/// lexicographic order.
fn for_subsets(n: usize, k: usize, mut f: impl FnMut(&[usize])) {
    if k > n {
        return;
    }
    let mut idx: Vec<usize> = (0..k).collect();
    loop {
        f(&idx);
        let Some(i) = (0..k).rev().find(|&i| idx[i] < n - k + i) else {
            return;
        };
        idx[i] += 1;
        for t in i + 1..k {
            idx[t] = idx[t - 1] + 1;
        }
    }
}
