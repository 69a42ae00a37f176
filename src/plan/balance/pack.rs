//! Construction (method step 2): packings of every job under a per-rep
//! load limit `⌊λ·C_r⌋`, size-ordered (keep-first or not, best or worst fit
//! through an ordered index of rooms per skill group) or by due date, with
//! room made or tasks ejected when a job fits nowhere.

use std::collections::BTreeSet;

use crate::plan::balance::board::{Board, NONE};
use crate::plan::balance::problem::{Problem, Ratio};
use crate::plan::balance::search::{Search, Variant};

/// Risk evaluations one packing may spend before it gives up (a packing of
/// 20,000 tasks needs well under a tenth of it; hopeless limits on
/// overloaded teams would otherwise cost seconds).
pub(super) const PACK_BUDGET: u64 = 3_000_000;
/// Risk evaluations all packings of one run may spend together.
pub(super) const SEARCH_BUDGET: u64 = 15_000_000;

impl<'p> Search<'p> {
    /// Plans without a load limit; the fewest tasks at risk among them
    /// sets the at-risk target of every later phase.
    pub(super) fn initial(&self) -> Board<'p> {
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

    /// Packs every job under per-rep load `limits` with at most `budget`
    /// tasks at risk; `None` when some job finds no place.
    pub(super) fn pack(&self, limits: &[i64], budget: u32, v: Variant) -> Option<Board<'p>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::balance::bounds::Bounds;

    #[test]
    fn the_room_index_tracks_every_member_once() {
        let p = Problem::flat(&[100, 200, 300], 2, &[(50, 1, None, false)]);
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
