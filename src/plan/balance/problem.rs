//! The balancer's input reduced to numbers (tasks as [`Job`]s, who may take
//! them as [`Group`]s, cumulative capacities in a [`Problem`]) and the
//! arithmetic every solver part shares: exact utilisation [`Ratio`]s and the
//! lexicographic [`Key`] of a plan.

use std::cmp::Ordering;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::sync::Arc;

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
    pub(super) pinned_to: Option<usize>,
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
    pub(super) fn subset_of(&self, other: &Group) -> bool {
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
    /// [`SEARCH_BUDGET`](super::pack::SEARCH_BUDGET), so the run's time stays bounded.
    pub(super) spent: std::cell::Cell<u64>,
    /// Set by the caller to stop the run; phases give up at their next
    /// coarse check and [`solve`](super::search::solve) answers `None` (never a partial plan).
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

    /// The team of `reps` alone with `jobs` (ascending, so their (due, id)
    /// order holds), each renumbered by its place in those lists: the same
    /// capacities, due days and skills, and this run's cancel flag. A job
    /// whose home is not among `reps` has none here.
    pub(super) fn restricted(&self, reps: &[usize], jobs: &[usize]) -> Problem {
        let mut index = vec![usize::MAX; self.n_reps()];
        for (i, &r) in reps.iter().enumerate() {
            index[r] = i;
        }
        let daily: Vec<Vec<i64>> = reps
            .iter()
            .map(|&r| {
                (0..self.n_days)
                    .map(|d| self.cum(r, d) - if d == 0 { 0 } else { self.cum(r, d - 1) })
                    .collect()
            })
            .collect();
        let first_day: Vec<usize> = reps.iter().map(|&r| self.first_day[r]).collect();
        // Skill groups the jobs use, each once, with only `reps` in it.
        let mut group_of: Vec<Option<usize>> = vec![None; self.groups.len()];
        let mut groups: Vec<Group> = Vec::new();
        let mut sub_jobs = Vec::with_capacity(jobs.len());
        for &j in jobs {
            let job = &self.jobs[j];
            let home = job.home.map(|h| index[h]).filter(|&h| h != usize::MAX);
            let (group, n_eligible) = match (job.pinned, home) {
                (true, Some(h)) => {
                    groups.push(Group::pinned(h));
                    (groups.len() - 1, 1)
                }
                _ => {
                    let g = *group_of[job.group].get_or_insert_with(|| {
                        let members = self.groups[job.group]
                            .members
                            .iter()
                            .filter(|&&r| index[r] != usize::MAX)
                            .map(|&r| index[r])
                            .collect();
                        groups.push(Group::skilled(members, &first_day, reps.len()));
                        groups.len() - 1
                    });
                    let eligible = groups[g]
                        .members
                        .iter()
                        .filter(|&&r| first_day[r] <= job.due)
                        .count();
                    (g, eligible)
                }
            };
            sub_jobs.push(Job {
                minutes: job.minutes,
                due: job.due,
                home,
                pinned: job.pinned && home.is_some(),
                group,
                n_eligible,
            });
        }
        Problem::new(&daily, sub_jobs, groups).with_cancel(Arc::clone(&self.cancel))
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

    pub(super) fn n_reps(&self) -> usize {
        self.cap.len()
    }

    /// Pinned minutes per rep.
    pub(super) fn pinned_load(&self) -> Vec<i64> {
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
    pub(super) fn limit(self, cap: i64) -> i64 {
        if self.is_infinite() {
            return i64::MAX / 4;
        }
        let v = i128::from(self.num) * i128::from(cap) / i128::from(self.den);
        i64::try_from(v).unwrap_or(i64::MAX / 4)
    }

    /// The largest load `L` with `L / cap < self` (−1 when none).
    pub(super) fn limit_below(self, cap: i64) -> i64 {
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
    pub(super) fn midpoint(lo: Ratio, hi: Ratio) -> Ratio {
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

    /// Better on tasks at risk, moves and squares, the highest utilisation
    /// aside: for a group re-planned as a team of its own (`subteam.rs`),
    /// whose maximum is the group's, below the team's; within the team's
    /// limits `⌊λ·C_r⌋` the team's maximum cannot rise.
    pub fn better_within_limits(&self, other: &Key) -> bool {
        let aside = |k: &Key| Key {
            max: Ratio::default(),
            finite_max: Ratio::default(),
            ..*k
        };
        aside(self).better_than(&aside(other))
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

#[cfg(test)]
impl Problem {
    /// Reps with flat daily capacity `per_day` over `days` days; jobs as
    /// (minutes, due, home, pinned), all needing no skill.
    pub(super) fn flat(
        reps: &[i64],
        days: usize,
        jobs: &[(i64, usize, Option<usize>, bool)],
    ) -> Problem {
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
