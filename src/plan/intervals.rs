//! Sorted, merged, half-open sets of epoch-minute intervals with fast
//! "how many minutes of `[s, e)` are inside" queries.
//!
//! Two ways to ask: [`IntervalSet::measure`] (binary search, any order) and a
//! [`Sweep`] (a cursor, for many queries whose ends never decrease, which is
//! how the planners scan candidate slots: O(queries + intervals)).

use crate::tz::Minute;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntervalSet {
    /// `(start, end)`, sorted, neither overlapping nor touching.
    ivs: Vec<(Minute, Minute)>,
    /// `before[i]` = total length of intervals `0..i` (one more than `ivs`).
    before: Vec<Minute>,
}

impl Default for IntervalSet {
    /// The empty set (with its one prefix sum, which queries rely on).
    fn default() -> IntervalSet {
        IntervalSet::new(Vec::new())
    }
}

impl IntervalSet {
    /// Sorts and merges `intervals` in place (empty ones dropped, touching
    /// ones joined).
    pub fn new(mut intervals: Vec<(Minute, Minute)>) -> IntervalSet {
        intervals.retain(|(s, e)| s < e);
        intervals.sort_unstable();
        let mut kept = 0;
        for i in 0..intervals.len() {
            let (s, e) = intervals[i];
            if kept > 0 && s <= intervals[kept - 1].1 {
                let last = &mut intervals[kept - 1].1;
                *last = (*last).max(e);
            } else {
                intervals[kept] = (s, e);
                kept += 1;
            }
        }
        intervals.truncate(kept);
        let mut before = Vec::with_capacity(kept + 1);
        let mut acc = 0;
        for &(s, e) in &intervals {
            before.push(acc);
            acc += e - s;
        }
        before.push(acc);
        IntervalSet {
            ivs: intervals,
            before,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.ivs.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Minute, Minute)> + '_ {
        self.ivs.iter().copied()
    }

    /// Index of the first interval ending after `t`.
    fn after(&self, t: Minute) -> usize {
        self.ivs.partition_point(|&(_, e)| e <= t)
    }

    /// Minutes of the set before `t`.
    fn cumulative(&self, t: Minute) -> Minute {
        let i = self.after(t);
        let mut acc = self.before[i];
        if let Some(&(s, _)) = self.ivs.get(i) {
            if s < t {
                acc += t - s;
            }
        }
        acc
    }

    /// Length of `[s, e) ∩ self`.
    pub fn measure(&self, s: Minute, e: Minute) -> Minute {
        if e <= s {
            return 0;
        }
        self.cumulative(e) - self.cumulative(s)
    }

    pub fn intersects(&self, s: Minute, e: Minute) -> bool {
        self.measure(s, e) > 0
    }

    /// The intervals overlapping `[lo, hi)`, in order (a binary search,
    /// then only those).
    pub fn overlapping(
        &self,
        lo: Minute,
        hi: Minute,
    ) -> impl Iterator<Item = (Minute, Minute)> + '_ {
        let i = if lo < hi {
            self.after(lo)
        } else {
            self.ivs.len()
        };
        self.ivs[i..]
            .iter()
            .copied()
            .take_while(move |&(s, _)| s < hi)
    }

    /// The instants of `self` not in `other`, in one pass over both.
    pub fn minus(&self, other: &IntervalSet) -> IntervalSet {
        let mut out = Vec::with_capacity(self.ivs.len());
        let mut j = 0;
        for &(s, e) in &self.ivs {
            let mut from = s;
            while j < other.ivs.len() && other.ivs[j].1 <= from {
                j += 1;
            }
            let mut k = j;
            while k < other.ivs.len() && other.ivs[k].0 < e {
                let (os, oe) = other.ivs[k];
                if os > from {
                    out.push((from, os));
                }
                from = from.max(oe);
                k += 1;
            }
            if from < e {
                out.push((from, e));
            }
        }
        IntervalSet::new(out)
    }

    pub fn sweep(&self) -> Sweep<'_> {
        Sweep { set: self, i: 0 }
    }

    /// A sweep whose first query is at or after `t`, positioned there by
    /// binary search rather than by walking from the first interval.
    pub fn sweep_from(&self, t: Minute) -> Sweep<'_> {
        Sweep {
            set: self,
            i: self.after(t),
        }
    }

    /// A cursor answering [`IntervalSet::intersects`] for slots whose
    /// starts never decrease.
    pub fn touch(&self) -> Touch<'_> {
        Touch {
            ivs: &self.ivs,
            i: 0,
        }
    }
}

/// A cursor over an [`IntervalSet`] for queries at non-decreasing points.
pub struct Sweep<'a> {
    set: &'a IntervalSet,
    i: usize,
}

impl Sweep<'_> {
    /// Minutes of the set before `t`; `t` must not be smaller than the
    /// previous call's (falls back to a binary search when it is).
    pub fn cumulative(&mut self, t: Minute) -> Minute {
        let ivs = &self.set.ivs;
        if self.i > 0 && self.i <= ivs.len() && ivs[self.i - 1].1 > t {
            self.i = self.set.after(t);
        }
        while self.i < ivs.len() && ivs[self.i].1 <= t {
            self.i += 1;
        }
        let mut acc = self.set.before[self.i];
        if let Some(&(s, _)) = ivs.get(self.i) {
            if s < t {
                acc += t - s;
            }
        }
        acc
    }
}

/// A cursor telling whether slots `[s, e)` share a minute with the set,
/// for non-decreasing `s`: one forward pass, no sums.
pub struct Touch<'a> {
    ivs: &'a [(Minute, Minute)],
    i: usize,
}

impl Touch<'_> {
    /// `[s, e)` shares a minute with the set; `s` must not be smaller than
    /// the previous call's (falls back to a binary search when it is).
    pub fn meets(&mut self, s: Minute, e: Minute) -> bool {
        if self.i > 0 && self.i <= self.ivs.len() && self.ivs[self.i - 1].1 > s {
            self.i = self.ivs.partition_point(|&(_, end)| end <= s);
        }
        while self.i < self.ivs.len() && self.ivs[self.i].1 <= s {
            self.i += 1;
        }
        // The first interval ending after `s` is the earliest that can
        // overlap; when it starts at or after `e`, so do all later ones.
        s < e && self.ivs.get(self.i).is_some_and(|&(start, _)| start < e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_and_touching_intervals_merge() {
        let s = IntervalSet::new(vec![(10, 20), (15, 30), (30, 40), (50, 60), (5, 5)]);
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![(10, 40), (50, 60)]);
    }

    /// `minus` agrees with a minute-by-minute count on small random sets.
    #[test]
    fn minus_keeps_exactly_the_minutes_not_in_the_other_set() {
        use proptest::prelude::*;
        let set = || proptest::collection::vec((0i64..100, 0i64..20), 0..8);
        let build =
            |v: Vec<(i64, i64)>| IntervalSet::new(v.into_iter().map(|(s, l)| (s, s + l)).collect());
        proptest!(|(a in set(), b in set())| {
            let (a, b) = (build(a), build(b));
            let d = a.minus(&b);
            for m in 0..130 {
                let inside = |x: &IntervalSet| x.measure(m, m + 1) == 1;
                prop_assert_eq!(inside(&d), inside(&a) && !inside(&b), "minute {}", m);
            }
        });
    }

    #[test]
    fn the_empty_set_answers_queries() {
        let s = IntervalSet::default();
        assert_eq!(s.measure(0, 100), 0);
        assert_eq!(s.sweep_from(50).cumulative(60), 0);
    }

    #[test]
    fn measure_counts_only_the_overlap() {
        let s = IntervalSet::new(vec![(10, 20), (30, 40)]);
        assert_eq!(s.measure(0, 100), 20);
        assert_eq!(s.measure(15, 35), 10);
        assert_eq!(s.measure(20, 30), 0);
        assert!(!s.intersects(40, 50));
        assert!(s.intersects(39, 50));
    }

    #[test]
    fn overlapping_yields_only_the_intervals_sharing_a_minute() {
        let s = IntervalSet::new(vec![(10, 20), (30, 40), (45, 47)]);
        let got = |lo, hi| s.overlapping(lo, hi).collect::<Vec<_>>();
        assert_eq!(got(20, 30), vec![]);
        assert_eq!(got(19, 31), vec![(10, 20), (30, 40)]);
        assert_eq!(got(0, 100), vec![(10, 20), (30, 40), (45, 47)]);
        assert_eq!(got(46, 46), vec![]);
    }

    #[test]
    fn a_sweep_agrees_with_binary_search() {
        let s = IntervalSet::new(vec![(10, 20), (30, 40), (45, 47)]);
        let mut sw = s.sweep();
        for t in 0..60 {
            assert_eq!(sw.cumulative(t), s.cumulative(t), "t={t}");
        }
        // Going backwards still answers correctly.
        assert_eq!(sw.cumulative(15), s.cumulative(15));
        let mut touch = s.touch();
        for t in 0..60 {
            for d in 0..5 {
                assert_eq!(touch.meets(t, t + d), s.intersects(t, t + d), "t={t} d={d}");
            }
        }
        assert_eq!(touch.meets(12, 13), s.intersects(12, 13));
        for from in 0..60 {
            let mut sw = s.sweep_from(from);
            for t in from..60 {
                assert_eq!(sw.cumulative(t), s.cumulative(t), "from={from} t={t}");
            }
        }
    }
}
