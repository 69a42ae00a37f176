//! A group of reps re-planned as a team of its own: the reps, the tasks on
//! them and their limits become a `Problem`, whose whole-team exact search
//! (`exact.rs`) then runs with the Lagrangian relaxation of `lagrange.rs`.
//! That relaxation only applies to a whole team (restricted in place, every
//! task outside the group would still be priced); as a team of its own, the
//! group gets a moves bound as tight as a small team's, with its own slack
//! (a dense group must fill up exactly), so larger groups finish than
//! `exact_within`'s in place.
//!
//! The tasks late in the plan stay the only ones that may be late (as the
//! first model of `exact_within`), so the group never adds a task at risk;
//! a task whose assignee is outside the group is a move wherever it goes
//! in the group, so it has no assignee there and counts as one move.

use crate::plan::balance::board::Board;
use crate::plan::balance::bounds::Bounds;
use crate::plan::balance::problem::Ratio;
use crate::plan::balance::search::Search;

impl<'p> Search<'p> {
    /// Fewest moves, then least squares, of the tasks on `group`'s reps
    /// among those reps, each within `limits`, no task late that is on
    /// time in `b`. Changes `b` only when the plan gets better on the
    /// lexicographic key. Answers (finished, nodes used).
    pub(super) fn exact_subteam(
        &self,
        b: &mut Board<'p>,
        limits: &[i64],
        group: &[usize],
        budget: u64,
    ) -> (bool, u64) {
        let p = self.p;
        if self.infinite || group.iter().any(|&r| b.load[r] > limits[r]) {
            return (false, 0);
        }
        let mut jobs: Vec<usize> = group
            .iter()
            .flat_map(|&r| b.list[r].iter().map(|&j| j as usize))
            .collect();
        jobs.sort_unstable();
        let sub = p.restricted(group, &jobs);
        let rep_in: Vec<usize> = {
            let mut at = vec![usize::MAX; p.n_reps()];
            for (i, &r) in group.iter().enumerate() {
                at[r] = i;
            }
            jobs.iter().map(|&j| at[b.at[j]]).collect()
        };
        let late = self.late_now(b);
        let doomed: Vec<bool> = jobs.iter().map(|&j| late[j]).collect();
        let bounds = Bounds {
            risk: doomed.iter().filter(|&&d| d).count() as u32,
            max: Ratio::default(),
            doomed,
        };
        let mut search = Search::new(&sub, &bounds, false);
        search.alone = true;
        let mut sub_board = Board::from_plan(&sub, &rep_in);
        let sub_limits: Vec<i64> = group.iter().map(|&r| limits[r]).collect();
        let before = sub_board.key();
        let (done, used) = search.exact_within(&mut sub_board, &sub_limits, None, budget);
        if !sub_board.key().better_within_limits(&before) {
            return (done, used);
        }
        let key = b.key();
        let old: Vec<(usize, usize)> = jobs.iter().map(|&j| (j, b.at[j])).collect();
        for (i, &j) in jobs.iter().enumerate() {
            let r = group[sub_board.at[i]];
            if b.at[j] != r {
                b.relocate(j, r);
            }
        }
        // The team's own figures decide, never the group's alone.
        if !b.key().better_than(&key) {
            for &(j, r) in &old {
                if b.at[j] != r {
                    b.relocate(j, r);
                }
            }
        }
        (done, used)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::balance::exact::tests::random_case;
    use crate::plan::balance::problem::{square, Group, Job, Problem};
    use crate::plan::rng::Rng;

    /// A team with days off (a rep may start late in the window) and two
    /// skill sets, so the restricted team's eligibility has work to do.
    fn skilled_team(rng: &mut Rng) -> Problem {
        let (reps, days) = (3 + rng.below(4), 4);
        let daily: Vec<Vec<i64>> = (0..reps)
            .map(|_| {
                let start = rng.below(3);
                (0..days)
                    .map(|d| {
                        if d < start {
                            0
                        } else {
                            30 * (1 + rng.below(3) as i64)
                        }
                    })
                    .collect()
            })
            .collect();
        let first: Vec<usize> = daily
            .iter()
            .map(|d| d.iter().position(|&m| m > 0).unwrap_or(days))
            .collect();
        let mut groups = vec![
            Group::skilled((0..reps).collect(), &first, reps),
            Group::skilled((0..reps).filter(|r| r % 2 == 0).collect(), &first, reps),
        ];
        let mut jobs: Vec<Job> = (0..5 + rng.below(6))
            .map(|_| {
                let home = (rng.below(4) > 0).then(|| rng.below(reps));
                let pinned = home.is_some() && rng.below(6) == 0;
                let due = rng.below(days);
                let group = if pinned {
                    groups.push(Group::pinned(home.unwrap_or(0)));
                    groups.len() - 1
                } else {
                    rng.below(2)
                };
                let n_eligible = if pinned {
                    1
                } else {
                    groups[group].members.partition_point(|&r| first[r] <= due)
                };
                Job {
                    minutes: 30 * (1 + rng.below(4) as i64),
                    due,
                    home,
                    pinned,
                    group,
                    n_eligible,
                }
            })
            .collect();
        jobs.sort_by_key(|j| j.due);
        Problem::new(&daily, jobs, groups)
    }

    /// A random part of the reps, at least two, ascending.
    fn some_reps(rng: &mut Rng, n: usize) -> Vec<usize> {
        loop {
            let g: Vec<usize> = (0..n).filter(|_| rng.below(3) > 0).collect();
            if g.len() >= 2 {
                return g;
            }
        }
    }

    #[test]
    fn a_restricted_team_keeps_capacities_skills_and_homes_within_the_group() {
        let mut rng = Rng(61);
        for _ in 0..200 {
            let p = skilled_team(&mut rng);
            let reps = some_reps(&mut rng, p.n_reps());
            let jobs: Vec<usize> = (0..p.jobs.len()).filter(|_| rng.below(3) > 0).collect();
            let sub = p.restricted(&reps, &jobs);
            assert_eq!((sub.n_reps(), sub.jobs.len()), (reps.len(), jobs.len()));
            for (i, &r) in reps.iter().enumerate() {
                assert_eq!(sub.cap[i], p.cap[r]);
                for d in 0..p.n_days {
                    assert_eq!(sub.cum(i, d), p.cum(r, d));
                }
            }
            for (k, &j) in jobs.iter().enumerate() {
                let (job, full) = (&sub.jobs[k], &p.jobs[j]);
                assert_eq!((job.minutes, job.due), (full.minutes, full.due));
                let home = job.home.map(|h| reps[h]);
                assert_eq!(home, full.home.filter(|h| reps.contains(h)));
                let mut here: Vec<usize> = sub.candidates(k).iter().map(|&i| reps[i]).collect();
                let mut there: Vec<usize> = p
                    .candidates(j)
                    .iter()
                    .copied()
                    .filter(|r| reps.contains(r))
                    .collect();
                here.sort_unstable();
                there.sort_unstable();
                assert_eq!(here, there, "task {j} on {reps:?}");
                for (i, &r) in reps.iter().enumerate() {
                    assert_eq!(sub.eligible(k, i), p.eligible(j, r), "task {j} rep {r}");
                }
            }
        }
    }

    /// The team's busiest rep is outside the group: a plan with fewer
    /// moves that loads a group rep above the group's own maximum, still
    /// within the team's, is kept.
    #[test]
    fn a_group_may_rise_to_the_teams_maximum_for_fewer_moves() {
        let cases = [
            (40, 0, Some(0), false),
            (50, 0, Some(0), false),
            (100, 0, Some(2), true),
        ];
        let p = Problem::flat(&[100, 100, 100], 1, &cases);
        let bounds = Bounds::new(&p);
        let s = Search::new(&p, &bounds, false);
        let mut b = Board::from_plan(&p, &[0, 1, 2]);
        let limits = s.limits(b.key().finite_max);
        assert_eq!(b.moves, 1);
        let (done, _) = s.exact_subteam(&mut b, &limits, &[0, 1], 1_000);
        assert!(done);
        assert_eq!(b.at, vec![0, 0, 2]);
        assert_eq!(b.moves, 0);
    }

    /// Against every way of placing the group's tasks on its reps: the
    /// fewest moves, then the least squares, with each rep within its
    /// limit and no task late that was on time.
    #[test]
    fn a_subteam_gets_the_fewest_moves_then_least_squares_of_its_reps() {
        let mut rng = Rng(62);
        let mut improved = 0;
        for _ in 0..300 {
            let (caps, days, cases) = random_case(&mut rng);
            let p = Problem::flat(&caps, days, &cases);
            let bounds = Bounds::new(&p);
            let s = Search::new(&p, &bounds, p.infinite());
            let start = s.initial();
            let limits = s.limits(start.key().finite_max);
            let group = some_reps(&mut rng, p.n_reps());
            let late = s.late_now(&start);
            let mine: Vec<usize> = (0..p.jobs.len())
                .filter(|&j| group.contains(&start.at[j]))
                .collect();
            // Every placement of the group's tasks, odometer style.
            let options: Vec<Vec<usize>> = mine
                .iter()
                .map(|&j| {
                    group
                        .iter()
                        .copied()
                        .filter(|&r| r == start.at[j] || p.eligible(j, r))
                        .collect()
                })
                .collect();
            let mut pick = vec![0usize; mine.len()];
            let mut best: Option<(u32, f64)> = None;
            'all: loop {
                let mut at = start.at.clone();
                for (i, &j) in mine.iter().enumerate() {
                    at[j] = options[i][pick[i]];
                }
                let b = Board::from_plan(&p, &at);
                let ok = (0..p.n_reps()).all(|r| b.load[r] <= limits[r])
                    && s.late_now(&b)
                        .iter()
                        .zip(&late)
                        .all(|(&now, &was)| !now || was);
                if ok {
                    let squares: f64 = (0..p.n_reps()).map(|r| square(b.load[r], p.cap[r])).sum();
                    if best
                        .is_none_or(|(m, q)| b.moves < m || (b.moves == m && squares < q - 1e-12))
                    {
                        best = Some((b.moves, squares));
                    }
                }
                for i in 0..mine.len() {
                    pick[i] += 1;
                    if pick[i] < options[i].len() {
                        continue 'all;
                    }
                    pick[i] = 0;
                }
                break;
            }
            let (moves, squares) = best.expect("the start is one of them");
            let mut b = start.clone();
            let (done, _) = s.exact_subteam(&mut b, &limits, &group, 1_000_000);
            assert!(done);
            b.check();
            let k = b.key();
            assert_eq!(k.moves, moves, "{cases:?} on {caps:?}, group {group:?}");
            assert!(
                (k.squares - squares).abs() <= 1e-9,
                "{cases:?} on {caps:?}, group {group:?}"
            );
            assert!(k.risk <= start.key().risk);
            assert!((0..p.n_reps()).all(|r| group.contains(&r) || b.list[r] == start.list[r]));
            improved += usize::from(k.better_than(&start.key()));
        }
        assert!(improved > 20, "{improved}");
    }
}
