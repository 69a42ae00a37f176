//! Sorted, merged, half-open sets of epoch-minute intervals with fast
//! "how many minutes of `[s, e)` are inside" queries.
//!
//! Two ways to ask: [`IntervalSet::measure`] (binary search, any order) and a
//! [`Sweep`] (a cursor, for many queries whose ends never decrease, which is
//! how the planners scan candidate slots: O(queries + intervals)).

use crate::tz::Minute;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IntervalSet {
    starts: Vec<Minute>,
    ends: Vec<Minute>,
    /// `before[i]` = total length of intervals `0..i`.
    before: Vec<Minute>,
}

impl IntervalSet {
    pub fn new(mut intervals: Vec<(Minute, Minute)>) -> IntervalSet {
        intervals.retain(|(s, e)| s < e);
        intervals.sort_unstable();
        let mut starts: Vec<Minute> = Vec::with_capacity(intervals.len());
        let mut ends: Vec<Minute> = Vec::with_capacity(intervals.len());
        for (s, e) in intervals {
            match ends.last_mut() {
                Some(last) if s <= *last => *last = (*last).max(e),
                _ => {
                    starts.push(s);
                    ends.push(e);
                }
            }
        }
        let mut before = Vec::with_capacity(starts.len() + 1);
        let mut acc = 0;
        for (s, e) in starts.iter().zip(&ends) {
            before.push(acc);
            acc += e - s;
        }
        before.push(acc);
        IntervalSet {
            starts,
            ends,
            before,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Minute, Minute)> + '_ {
        self.starts.iter().copied().zip(self.ends.iter().copied())
    }

    /// Minutes of the set before `t`.
    fn cumulative(&self, t: Minute) -> Minute {
        // First interval whose end is after t.
        let i = self.ends.partition_point(|&e| e <= t);
        let mut acc = self.before[i];
        if i < self.starts.len() && self.starts[i] < t {
            acc += t - self.starts[i];
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
            self.ends.partition_point(|&e| e <= lo)
        } else {
            self.ends.len()
        };
        self.starts[i..]
            .iter()
            .copied()
            .zip(self.ends[i..].iter().copied())
            .take_while(move |&(s, _)| s < hi)
    }

    pub fn sweep(&self) -> Sweep<'_> {
        Sweep { set: self, i: 0 }
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
        let set = self.set;
        if self.i > 0 && self.i <= set.ends.len() && set.ends[self.i - 1] > t {
            self.i = set.ends.partition_point(|&e| e <= t);
        }
        while self.i < set.ends.len() && set.ends[self.i] <= t {
            self.i += 1;
        }
        let mut acc = set.before[self.i];
        if self.i < set.starts.len() && set.starts[self.i] < t {
            acc += t - set.starts[self.i];
        }
        acc
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
    }
}
