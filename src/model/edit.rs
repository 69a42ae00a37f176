//! Edits of a scenario that keep its references whole: removing a rep, team or
//! office removes or clears everything that points at it, and data derived
//! from a rep's or office's settings (accepted office days, rotation locks)
//! that an edit makes impossible is dropped rather than left to fail later.

use std::collections::HashMap;

use super::{Office, Rep, Scenario};
use crate::rules::{office_open, rule1_blocks_at};

impl Scenario {
    /// Removes a rep and every reference to it. Returns false when absent.
    pub fn remove_rep(&mut self, id: &str) -> bool {
        let before = self.reps.len();
        self.reps.retain(|r| r.id != id);
        if self.reps.len() == before {
            return false;
        }
        for m in &mut self.meetings {
            m.attendees.retain(|a| a != id);
        }
        for t in &mut self.tasks {
            if t.assignee.as_deref() == Some(id) {
                t.assignee = None;
                t.pinned = false;
            }
        }
        self.office_days.retain(|d| d.rep != id);
        for r in &mut self.requests.meetings {
            r.required.retain(|a| a != id);
            r.optional.retain(|a| a != id);
        }
        // A request nobody is required at is no request.
        self.requests.meetings.retain(|r| !r.required.is_empty());
        if let Some(rot) = &mut self.requests.rotation {
            rot.locks.retain(|l| l.rep != id);
        }
        true
    }

    /// Removes a team; its reps stay, without a team. False when absent.
    pub fn remove_team(&mut self, id: &str) -> bool {
        let before = self.teams.len();
        self.teams.retain(|t| t.id != id);
        if self.teams.len() == before {
            return false;
        }
        for r in &mut self.reps {
            if r.team.as_deref() == Some(id) {
                r.team = None;
            }
        }
        true
    }

    /// Removes an office; its reps become remote. False when absent.
    pub fn remove_office(&mut self, id: &str) -> bool {
        let before = self.offices.len();
        self.offices.retain(|o| o.id != id);
        if self.offices.len() == before {
            return false;
        }
        for r in &mut self.reps {
            if r.office.as_deref() == Some(id) {
                r.office = None;
            }
            r.travel.retain(|t| t.office != id);
        }
        for m in &mut self.meetings {
            if m.in_person_office.as_deref() == Some(id) {
                m.in_person_office = None;
            }
        }
        self.prune_dependents();
        true
    }

    /// Drops accepted office days and in-office locks that the current reps
    /// and offices no longer allow (a rep moved office, an office closed a
    /// day, a rep took time off).
    pub fn prune_dependents(&mut self) {
        // Maps, not scans: a team has up to millions of office days. The first
        // item of an id wins, as a scan would find it.
        let mut offices: HashMap<&str, &Office> = HashMap::with_capacity(self.offices.len());
        for o in &self.offices {
            offices.entry(o.id.as_str()).or_insert(o);
        }
        let mut reps: HashMap<&str, &Rep> = HashMap::with_capacity(self.reps.len());
        for r in &self.reps {
            reps.entry(r.id.as_str()).or_insert(r);
        }
        self.office_days.retain(|d| {
            let rep_ok = reps
                .get(d.rep.as_str())
                .is_some_and(|r| r.office_on(d.date) == Some(d.office.as_str()));
            let open = offices
                .get(d.office.as_str())
                .is_some_and(|o| office_open(o, d.date));
            rep_ok && open
        });
        if let Some(rot) = &mut self.requests.rotation {
            rot.locks.retain(|l| {
                !l.in_office
                    || reps.get(l.rep.as_str()).is_some_and(|r| {
                        let at = r.office_on(l.date).and_then(|o| offices.get(o).copied());
                        rule1_blocks_at(r, at, l.date).is_none()
                    })
            });
        }
    }
}
