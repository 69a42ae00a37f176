//! What the benches share: the project's one seeded generator
//! ([`meridian::plan::rng::Rng`]), so every run builds the same teams with
//! no dependency, and the draws the teams are built from.

pub use meridian::plan::rng::Rng;

/// Draws on top of [`Rng::below`] that only the benches need.
// Each bench binary uses its own subset of these.
#[allow(dead_code)]
pub trait Draw {
    fn chance(&mut self, percent: usize) -> bool;
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T;
    /// An index drawn with the given weights.
    fn weighted(&mut self, weights: &[usize]) -> usize;
}

impl Draw for Rng {
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut x = self.below(weights.iter().sum());
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

// Only the rotation benches build teams with office days; the other benches
// include this module without using it.
#[allow(dead_code)]
pub mod rotation_team;
