//! Lower bounds on the first two terms: tasks at risk whatever the plan, and
//! the highest utilisation no plan can go below.

use crate::plan::balance::problem::{Problem, Ratio};

/// Lower bounds on tasks at risk and on the highest utilisation.
pub(super) struct Bounds {
    pub(super) risk: u32,
    pub(super) max: Ratio,
    /// Jobs at risk on every eligible rep whatever else happens.
    pub(super) doomed: Vec<bool>,
}

impl Bounds {
    pub(super) fn new(p: &Problem) -> Bounds {
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
