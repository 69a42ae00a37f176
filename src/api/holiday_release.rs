//! A newer holiday table can make a public holiday of a day the stored plan
//! has someone in the office (a new bank holiday, a moved observed day).
//! The store records the table release its office days were kept against;
//! the first writable open under another release drops what the new
//! holidays rule out, after a backup, in one logged write, so the stored
//! team stays one the rules accept.

use crate::api::{AppError, Meridian};
use crate::holidays;
use crate::store::{self, backup, settings};

impl Meridian {
    /// Brings the stored office days and in-office locks in line with the
    /// bundled holiday table, once per table release. Returns what was
    /// dropped (office days, locks), `(0, 0)` when nothing was.
    ///
    /// # Errors
    /// [`AppError::Storage`], or a backup that cannot be written (then
    /// nothing is dropped).
    pub(crate) fn settle_holidays(&mut self) -> Result<(usize, usize), AppError> {
        let release = holidays::data_version();
        if self
            .read(|c| Ok(settings::holidays_release(c)?))?
            .as_deref()
            == Some(release)
        {
            return Ok((0, 0));
        }
        {
            // Most opens drop nothing (a new database, a team without
            // regions): then the release is recorded in a transaction of
            // its own, with no entry in the change log.
            let tx = store::write(&mut self.conn)?;
            let sc = store::load_scenario(&tx)?;
            let mut after = sc.clone();
            after.prune_dependents();
            if after == sc {
                settings::set_holidays_release(&tx, release)?;
                tx.commit().map_err(store::StoreError::from)?;
                return Ok((0, 0));
            }
        }
        let db = self.path.clone();
        let summary = crate::tr!("api-log-holiday-release", release = release);
        let mut dropped = (0, 0);
        let outcome = self.write(&summary, |tx| {
            // Read again inside the write: another process may have settled
            // the same release a moment ago.
            if settings::holidays_release(tx.conn)?.as_deref() == Some(release) {
                return Ok(());
            }
            let before = store::load_scenario(tx.conn)?;
            let mut after = before.clone();
            after.prune_dependents();
            let days = before.office_days.len() - after.office_days.len();
            let locks = before
                .requests
                .rotation
                .as_ref()
                .map_or(0, |r| r.locks.len())
                - after
                    .requests
                    .rotation
                    .as_ref()
                    .map_or(0, |r| r.locks.len());
            if days + locks > 0 {
                // Not the lead's change, and putting days back on holidays
                // would break rule 1: it ends the undo history.
                tx.set_undo_mode(super::write::UndoMode::Forget);
                if let Some(db) = &db {
                    backup::snapshot(db, "holidays")?;
                }
                let kept: std::collections::HashSet<(&str, chrono::NaiveDate)> = after
                    .office_days
                    .iter()
                    .map(|d| (d.rep.as_str(), d.date))
                    .collect();
                for d in &before.office_days {
                    if !kept.contains(&(d.rep.as_str(), d.date)) {
                        tx.remove_office_day(&d.rep, d.date)?;
                    }
                }
                if locks > 0 {
                    tx.set_requests(&after.requests)?;
                }
            }
            settings::set_holidays_release(tx.conn, release)?;
            dropped = (days, locks);
            Ok(())
        });
        outcome?;
        Ok(dropped)
    }
}
