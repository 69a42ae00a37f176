//! The facade's workload calls: balance the stored tasks, the stored window,
//! and applying accepted moves.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use chrono::NaiveDate;

use super::items::not_found;
use super::write::Changes;
use super::{invalid, Meridian};
use crate::error::{AppError, Problem};
use crate::io::scenario;
use crate::model::BalanceRequest;
use crate::plan::balance::{self, AcceptedMove, AppBalance, BalanceAnswer};
use crate::plan::PlanError;
use crate::store;

impl Meridian {
    /// Balances the stored team's tasks (contract §4) over `from`..`to`.
    /// A missing `from` is the stored balance request's; a missing `to` is
    /// the stored request's when the window starts where it does, else
    /// [`balance::DEFAULT_WINDOW_DAYS`] dates from `from`.
    ///
    /// # Errors
    /// [`PlanError::MissingRequest`] when no `from` is given or stored,
    /// [`AppError::Invalid`] for a window the contract refuses (paths
    /// relative to the request: `to`).
    pub fn balance_stored(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<BalanceAnswer, AppError> {
        let (sc, req, _) = self.balance_input(from, to)?;
        Ok(balance::balance(&sc, &req)?)
    }

    /// The app's plan over `from`..`to` (defaults as [`Meridian::balance_stored`]):
    /// the contract's answer and the changes it proposes as of `today` (a
    /// task already past due is held back with its reason), the change
    /// counter it was read at and the titles of the tasks nobody can take.
    /// Stops with [`crate::plan::PlanError::Cancelled`] when `cancel` is set.
    ///
    /// # Errors
    /// As [`Meridian::balance_stored`], and `Cancelled`.
    pub fn plan_balance_for_app(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
        cancel: &Arc<AtomicBool>,
    ) -> Result<(AppBalance, i64, HashMap<String, String>), AppError> {
        let (sc, req, counter) = self.balance_input(from, to)?;
        let plan = balance::plan_for_app(&sc, &req, today, cancel)?;
        let wanted: HashSet<&str> = plan
            .answer
            .unassignable
            .iter()
            .map(|u| u.task.as_str())
            .collect();
        let titles = sc
            .tasks
            .iter()
            .filter(|t| wanted.contains(t.id.as_str()))
            .map(|t| (t.id.clone(), t.title.clone()))
            .collect();
        Ok((plan, counter, titles))
    }

    /// The stored team with the window to balance, checked, and the change
    /// counter it was read at.
    fn balance_input(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<(crate::model::Scenario, BalanceRequest, i64), AppError> {
        let (mut sc, counter) =
            self.read(|c| Ok((store::load_scenario(c)?, store::changes::counter(c)?)))?;
        let stored = sc.requests.balance;
        let from = from
            .or(stored.map(|r| r.from))
            .ok_or(PlanError::MissingRequest("balance"))?;
        let to = to.unwrap_or_else(|| match stored {
            Some(r) if r.from == from => r.to,
            _ => balance::default_window(from).to,
        });
        let req = BalanceRequest { from, to };
        // The stored document is valid; only a new window needs checking.
        if stored != Some(req) {
            let problems = scenario::check_balance_request(&req);
            if !problems.is_empty() {
                return Err(invalid("request", problems));
            }
            sc.requests.balance = Some(req);
        }
        Ok((sc, req, counter))
    }

    /// Stores the window the balancer works on.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for a window the contract refuses.
    pub fn set_balance_window(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Changes, AppError> {
        let req = BalanceRequest { from, to };
        let problems = scenario::check_balance_request(&req);
        if !problems.is_empty() {
            return Err(invalid("request", problems));
        }
        let summary = crate::tr!(
            "api-log-balance-window",
            from = from.to_string(),
            to = to.to_string()
        );
        Ok(self
            .write(&summary, |tx| {
                tx.describe(crate::tr!(
                    "api-undo-balance-window",
                    from = from.to_string(),
                    to = to.to_string()
                ));
                let mut requests = store::requests::get_requests(tx.conn)?;
                requests.balance = Some(req);
                tx.set_requests(&requests)
            })?
            .1)
    }

    /// Gives tasks to the reps of accepted balance moves, all in one
    /// transaction (all of them or none).
    ///
    /// # Errors
    /// [`AppError::NotFound`] for an unknown task or rep, [`AppError::Invalid`]
    /// when a move would take a pinned task from its assignee (unpin it
    /// first).
    pub fn apply_balance(&mut self, moves: &[AcceptedMove]) -> Result<Changes, AppError> {
        self.apply_balance_at(moves, None)
    }

    /// [`Meridian::apply_balance`] that, given the change counter the plan
    /// was made at, refuses the moves when the counter read inside the
    /// applying write differs: the plan no longer reflects the team.
    ///
    /// # Errors
    /// As [`Meridian::apply_balance`], and [`AppError::StalePlan`].
    pub fn apply_balance_at(
        &mut self,
        moves: &[AcceptedMove],
        expected_counter: Option<i64>,
    ) -> Result<Changes, AppError> {
        let summary = crate::tr!("api-log-moved-tasks", count = moves.len());
        Ok(self
            .write(&summary, |tx| {
                tx.describe(crate::tr!("api-undo-apply-moves", count = moves.len()));
                tx.expect_counter(expected_counter)?;
                // Each task's assignee before this write, in the order the
                // moves first name them: one history row per task, from its
                // first rep to its last.
                let mut first: Vec<(String, Option<String>)> = Vec::new();
                let mut seen: HashSet<String> = HashSet::new();
                for (k, m) in moves.iter().enumerate() {
                    if !store::reps::rep_exists(tx.conn, &m.rep)? {
                        return Err(not_found("rep", &m.rep));
                    }
                    let mut task = store::tasks::get_task(tx.conn, &m.task)?
                        .ok_or_else(|| not_found("task", &m.task))?
                        .item;
                    if task.pinned && task.assignee.as_deref() != Some(m.rep.as_str()) {
                        return Err(invalid(
                            "balance moves",
                            vec![Problem {
                                path: format!("[{k}].rep"),
                                message: match task.assignee.as_deref() {
                                    Some(rep) => crate::tr!(
                                        "api-balance-pinned",
                                        task = task.id.as_str(),
                                        rep = rep
                                    ),
                                    None => crate::tr!(
                                        "api-balance-pinned-nobody",
                                        task = task.id.as_str()
                                    ),
                                },
                            }],
                        ));
                    }
                    if seen.insert(task.id.clone()) {
                        first.push((task.id.clone(), task.assignee.clone()));
                    }
                    task.assignee = Some(m.rep.clone());
                    tx.put_task(&task)?;
                }
                let last: HashMap<&str, &str> = moves
                    .iter()
                    .map(|m| (m.task.as_str(), m.rep.as_str()))
                    .collect();
                for (task, before) in &first {
                    if let (Some(from), Some(&to)) = (before, last.get(task.as_str())) {
                        if from != to {
                            tx.record_task_move(task, from, to)?;
                        }
                    }
                }
                Ok(())
            })?
            .1)
    }
}
