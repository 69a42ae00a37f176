//! The IPC surface: thin async commands, grouped per domain. Each takes its
//! arguments, runs one core call — a write through [`crate::state::Db::run`],
//! a query or a planning run through [`crate::state::Db::read`] — and returns
//! what a write changed ([`meridian::Changes`]), the asked value (for a screen,
//! only what it shows), or a [`crate::error::CommandError`].

pub mod app;
pub mod backups;
pub mod calendar;
pub mod calendars;
pub mod fairness;
pub mod files;
pub mod meetings;
pub mod offices;
pub mod people;
pub mod reports;
pub mod rotation;
pub mod screens;
pub mod teams;
pub mod undo;
pub mod what_if;
pub mod workload;
