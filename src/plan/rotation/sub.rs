//! One (office, ISO week) subproblem: the office's reps as bit masks over
//! the week's seven days, their bounds and per-day points, and a plan of it
//! (`State`) whose value the moves keep up to date incrementally. Built
//! from the scenario by [`build_sub`].

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::io::scenario::rule1_blocks;
use crate::model::{Office, Scenario, Weekday};
use crate::plan::rotation::objective::{InPerson, ANCHOR_WEIGHT, PREFERENCE_WEIGHT};

/// One (office, week) subproblem.
pub(super) struct Sub {
    /// Scenario indexes of the office's reps.
    pub(super) reps: Vec<usize>,
    pub(super) days: Vec<NaiveDate>,
    pub(super) desks: i64,
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
    pub(super) used: [i64; 7],
    /// team × day presence counts.
    pub(super) team_in: Vec<[i64; 7]>,
    pub(super) value: i64,
}

impl Sub {
    pub(super) fn free(&self, i: usize) -> u8 {
        self.avail[i] & !self.forced_out[i]
    }

    pub(super) fn empty_state(&self) -> State {
        State {
            x: vec![0; self.reps.len()],
            count: vec![0; self.reps.len()],
            used: [0; 7],
            team_in: vec![[0; 7]; self.n_teams],
            value: 0,
        }
    }

    /// Change in value if rep `i` comes in on day `d` (not yet in).
    pub(super) fn gain_in(&self, st: &State, i: usize, d: usize) -> i64 {
        let mates = self.team[i].map_or(0, |t| st.team_in[t][d]);
        self.weight[i][d] + mates
    }

    /// Change in value if rep `i` leaves day `d` (now in).
    pub(super) fn loss_out(&self, st: &State, i: usize, d: usize) -> i64 {
        let mates = self.team[i].map_or(0, |t| st.team_in[t][d] - 1);
        self.weight[i][d] + mates
    }

    pub(super) fn put(&self, st: &mut State, i: usize, d: usize) {
        st.value += self.gain_in(st, i, d);
        st.x[i] |= 1 << d;
        st.count[i] += 1;
        st.used[d] += 1;
        if let Some(t) = self.team[i] {
            st.team_in[t][d] += 1;
        }
    }

    pub(super) fn take(&self, st: &mut State, i: usize, d: usize) {
        st.value -= self.loss_out(st, i, d);
        st.x[i] &= !(1 << d);
        st.count[i] -= 1;
        st.used[d] -= 1;
        if let Some(t) = self.team[i] {
            st.team_in[t][d] -= 1;
        }
    }
}

pub(super) fn build_sub(
    sc: &Scenario,
    office: &Office,
    days: &[NaiveDate],
    team_of: &HashMap<&str, &crate::model::Team>,
    locks: &HashMap<(&str, NaiveDate), bool>,
    in_person: &InPerson,
) -> Sub {
    let policy = sc.policy.office_days_per_week;
    let mut sub = Sub {
        reps: Vec::new(),
        days: days.to_vec(),
        desks: i64::from(office.desks),
        avail: Vec::new(),
        forced_in: Vec::new(),
        forced_out: Vec::new(),
        lo: Vec::new(),
        hi: Vec::new(),
        weight: Vec::new(),
        team: Vec::new(),
        n_teams: 0,
    };
    let mut team_index: HashMap<&str, usize> = HashMap::new();
    for (r, rep) in sc.reps.iter().enumerate() {
        if rep.office.as_deref() != Some(office.id.as_str()) {
            continue;
        }
        let bounds = rep.office_days_per_week.unwrap_or(policy);
        let (mut avail, mut fin, mut fout) = (0u8, 0u8, 0u8);
        let mut weight = [0i64; 7];
        let team = rep.team.as_deref().and_then(|t| team_of.get(t));
        for (d, &day) in days.iter().enumerate() {
            if rule1_blocks(rep, &sc.offices, day).is_none() {
                avail |= 1 << d;
            }
            match locks.get(&(rep.id.as_str(), day)) {
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
            weight[d] += in_person.points(r, day);
        }
        let t = team.map(|t| {
            let next = team_index.len();
            *team_index.entry(t.id.as_str()).or_insert(next)
        });
        sub.reps.push(r);
        sub.avail.push(avail);
        sub.forced_in.push(fin & avail);
        sub.forced_out.push(fout);
        sub.lo
            .push(i64::from(bounds.min).min(i64::from(avail.count_ones())));
        sub.hi.push(i64::from(bounds.max));
        sub.weight.push(weight);
        sub.team.push(t);
    }
    sub.n_teams = team_index.len();
    sub
}
