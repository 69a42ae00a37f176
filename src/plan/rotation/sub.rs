//! One subproblem: the offices of one ISO week that travellers link (one
//! office unless a rep's trip joins it to another), their reps as bit masks
//! over the week's seven days, their bounds and per-day points, and a plan
//! of it (`State`) whose value the moves keep up to date incrementally.
//! Built from the scenario by [`build_sub`].
//!
//! Invariant: a rep is at exactly one office slot each day (`at`), the
//! visited office on a trip day and the home office otherwise; `x[i] >> d`
//! set means "in at office `at[i][d]` on day `d`". Desks are counted per
//! (slot, day) and teammates pair per (team, slot, day), so a traveller
//! takes a desk and meets teammates where they are that day.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{Scenario, Team, Weekday};
use crate::plan::rotation::objective::{InPerson, ANCHOR_WEIGHT, PREFERENCE_WEIGHT};
use crate::rules::rule1_blocks_at;

/// `group` of a rep without a team: they form no pairs.
pub(super) const NO_GROUP: u32 = u32::MAX;

/// One subproblem: one or more offices over one week.
pub(super) struct Sub {
    /// Scenario indexes of the reps.
    pub(super) reps: Vec<usize>,
    pub(super) days: Vec<NaiveDate>,
    /// Scenario indexes of the offices, one per slot.
    pub(super) offices: Vec<usize>,
    /// Desks per office slot.
    pub(super) desks: Vec<i64>,
    /// Per rep and day: the office slot the rep works from (0 on a day rule
    /// 1 or being remote leaves no office: such a day is never free).
    pub(super) at: Vec<[u32; 7]>,
    /// Per rep and day: index into `State::team_in` (team × office slot),
    /// or [`NO_GROUP`].
    pub(super) group: Vec<[u32; 7]>,
    /// Per rep: days rule 1 leaves open, forced in, forced out (bit d = day d).
    pub(super) avail: Vec<u8>,
    pub(super) forced_in: Vec<u8>,
    pub(super) forced_out: Vec<u8>,
    pub(super) lo: Vec<i64>,
    pub(super) hi: Vec<i64>,
    /// Per rep and day: anchor + preference + in-person points.
    pub(super) weight: Vec<[i64; 7]>,
    /// Per rep: team index (reps without a team form no pairs).
    pub(super) team: Vec<Option<usize>>,
    pub(super) n_teams: usize,
}

/// A plan of one subproblem with its incremental bookkeeping.
#[derive(Clone)]
pub(super) struct State {
    pub(super) x: Vec<u8>,
    pub(super) count: Vec<i64>,
    /// Desks taken per office slot and day.
    pub(super) used: Vec<[i64; 7]>,
    /// (team × office slot) × day presence counts.
    pub(super) team_in: Vec<[i64; 7]>,
    pub(super) value: i64,
}

impl Sub {
    #[inline]
    pub(super) fn free(&self, i: usize) -> u8 {
        self.avail[i] & !self.forced_out[i]
    }

    /// The office slot rep `i` is at on day `d`.
    #[inline]
    pub(super) fn slot(&self, i: usize, d: usize) -> usize {
        self.at[i][d] as usize
    }

    /// Whether a desk is free where rep `i` is on day `d`.
    #[inline]
    pub(super) fn room(&self, st: &State, i: usize, d: usize) -> bool {
        let s = self.slot(i, d);
        st.used[s][d] < self.desks[s]
    }

    /// Teammates of rep `i` in where `i` is on day `d` (`i` not counted
    /// when in).
    #[inline]
    fn mates(&self, st: &State, i: usize, d: usize) -> i64 {
        match self.group[i][d] {
            NO_GROUP => 0,
            g => st.team_in[g as usize][d],
        }
    }

    pub(super) fn empty_state(&self) -> State {
        State {
            x: vec![0; self.reps.len()],
            count: vec![0; self.reps.len()],
            used: vec![[0; 7]; self.desks.len()],
            team_in: vec![[0; 7]; self.n_teams * self.desks.len()],
            value: 0,
        }
    }

    /// Change in value if rep `i` comes in on day `d` (not yet in).
    #[inline]
    pub(super) fn gain_in(&self, st: &State, i: usize, d: usize) -> i64 {
        self.weight[i][d] + self.mates(st, i, d)
    }

    /// Change in value if rep `i` leaves day `d` (now in).
    #[inline]
    pub(super) fn loss_out(&self, st: &State, i: usize, d: usize) -> i64 {
        let mates = match self.group[i][d] {
            NO_GROUP => 0,
            g => st.team_in[g as usize][d] - 1,
        };
        self.weight[i][d] + mates
    }

    #[inline]
    pub(super) fn put(&self, st: &mut State, i: usize, d: usize) {
        st.value += self.gain_in(st, i, d);
        st.x[i] |= 1 << d;
        st.count[i] += 1;
        st.used[self.slot(i, d)][d] += 1;
        let g = self.group[i][d];
        if g != NO_GROUP {
            st.team_in[g as usize][d] += 1;
        }
    }

    #[inline]
    pub(super) fn take(&self, st: &mut State, i: usize, d: usize) {
        st.value -= self.loss_out(st, i, d);
        st.x[i] &= !(1 << d);
        st.count[i] -= 1;
        st.used[self.slot(i, d)][d] -= 1;
        let g = self.group[i][d];
        if g != NO_GROUP {
            st.team_in[g as usize][d] -= 1;
        }
    }

    /// The office ids of the slots, joined for messages: `lon` or
    /// `lon + nyc`.
    pub(super) fn office_ids(&self, sc: &Scenario) -> String {
        self.offices
            .iter()
            .map(|&o| sc.offices[o].id.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// What building a subproblem reads besides its offices, reps and days,
/// looked up once per plan.
pub(super) struct Facts<'a> {
    pub(super) sc: &'a Scenario,
    pub(super) team_of: HashMap<&'a str, &'a Team>,
    pub(super) locks: HashMap<(&'a str, NaiveDate), bool>,
    pub(super) in_person: InPerson,
    /// Office id → scenario index.
    pub(super) office_index: HashMap<&'a str, usize>,
    /// Reps (scenario indexes) held at their accepted days: another
    /// office's reps in a plan for one office that a trip links to theirs.
    pub(super) held: std::collections::HashSet<usize>,
}

/// The subproblem of `offices` (scenario indexes, one slot each) over
/// `days` for the reps `members` (scenario indexes, ascending): every rep
/// at one of these offices on some day of the week.
pub(super) fn build_sub(
    facts: &Facts<'_>,
    offices: &[usize],
    members: &[usize],
    days: &[NaiveDate],
) -> Sub {
    let sc = facts.sc;
    let policy = sc.policy.office_days_per_week;
    let k = offices.len();
    let n = members.len();
    let mut sub = Sub {
        reps: Vec::with_capacity(n),
        days: days.to_vec(),
        offices: offices.to_vec(),
        desks: offices
            .iter()
            .map(|&o| i64::from(sc.offices[o].desks))
            .collect(),
        at: Vec::with_capacity(n),
        group: Vec::with_capacity(n),
        avail: Vec::with_capacity(n),
        forced_in: Vec::with_capacity(n),
        forced_out: Vec::with_capacity(n),
        lo: Vec::with_capacity(n),
        hi: Vec::with_capacity(n),
        weight: Vec::with_capacity(n),
        team: Vec::with_capacity(n),
        n_teams: 0,
    };
    let mut team_index: HashMap<&str, usize> = HashMap::new();
    for &r in members {
        let rep = &sc.reps[r];
        let bounds = rep.office_days_per_week.unwrap_or(policy);
        let (mut avail, mut fin, mut fout) = (0u8, 0u8, 0u8);
        let mut weight = [0i64; 7];
        let mut at = [0u32; 7];
        let team = rep.team.as_deref().and_then(|t| facts.team_of.get(t));
        for (d, &day) in days.iter().enumerate() {
            // The office of the day, when it is one of this subproblem's
            // (a remote rep's day off a trip has none: never free).
            let slot = rep
                .office_on(day)
                .and_then(|o| facts.office_index.get(o))
                .and_then(|&o| offices.iter().position(|&x| x == o).map(|s| (o, s)));
            if let Some((o, s)) = slot {
                at[d] = s as u32;
                if rule1_blocks_at(rep, Some(&sc.offices[o]), day).is_none() {
                    avail |= 1 << d;
                }
            }
            match facts.locks.get(&(rep.id.as_str(), day)) {
                Some(true) => fin |= 1 << d,
                Some(false) => fout |= 1 << d,
                None => {}
            }
            let wd = Weekday::of(day);
            if team.is_some_and(|t| t.anchor_days.contains(&wd)) {
                weight[d] += i64::from(ANCHOR_WEIGHT);
            }
            if rep.preferred_office_days.contains(&wd) {
                weight[d] += i64::from(PREFERENCE_WEIGHT);
            }
            weight[d] += facts.in_person.points(r, day);
        }
        let t = team.map(|t| {
            let next = team_index.len();
            *team_index.entry(t.id.as_str()).or_insert(next)
        });
        sub.reps.push(r);
        sub.at.push(at);
        sub.group.push(std::array::from_fn(|d| {
            t.map_or(NO_GROUP, |t| (t * k) as u32 + at[d])
        }));
        sub.avail.push(avail);
        sub.forced_in.push(fin & avail);
        sub.forced_out.push(fout);
        if facts.held.contains(&r) {
            // Held at their accepted days (locked in on those, out on the
            // rest): the policy is their own plan's to keep, not this one's.
            sub.lo.push(0);
            sub.hi.push(7);
        } else {
            sub.lo
                .push(i64::from(bounds.min).min(i64::from(avail.count_ones())));
            sub.hi.push(i64::from(bounds.max));
        }
        sub.weight.push(weight);
        sub.team.push(t);
    }
    sub.n_teams = team_index.len();
    sub
}
