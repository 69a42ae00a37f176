//! Local search on a complete plan (method step 4): fewer tasks at risk by
//! moves and swaps, then relieve the busiest reps, bring moved tasks home and
//! spread guests; no step worsens an earlier term.

use crate::plan::balance::board::Board;
use crate::plan::balance::problem::{square, Ratio, SQUARES_EPS};
use crate::plan::balance::search::Search;

/// Candidate checks a local-search phase may spend (keeps large instances
/// fast and the result deterministic).
const WORK_BUDGET: u64 = 30_000_000;

impl<'p> Search<'p> {
    /// Moves and swaps that lower the number of tasks at risk, from the
    /// reps that have some (term 1 outranks everything, so no limit).
    pub(super) fn reduce_risk(&self, b: &mut Board<'p>) {
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

    /// Local search on a complete plan: relieve the busiest reps, bring
    /// moved tasks home, spread guests; each step keeps every earlier term.
    pub(super) fn polish(&mut self, mut best: Board<'p>) -> Board<'p> {
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
        // Short chains from every start, the long search from the best.
        for mut b in starts {
            self.bring_home(&mut b, &limits, &mut work);
            self.chains(&mut b, &limits, 3, self.chain_budget() / 4);
            if b.key().better_than(&best.key()) {
                best = b;
            }
        }
        self.fewest_moves(&mut best, &limits);
        self.spread(&mut best, &limits, &mut work);
        self.even_out(&mut best, &limits);
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
