//! The IPC surface: thin async commands, grouped per domain. Each takes its
//! arguments, runs one core call through [`crate::state::Db::run`] and returns
//! the new [`meridian::model::Scenario`] (or the asked value) or a
//! [`crate::error::CommandError`].

pub mod app;
pub mod calendar;
pub mod files;
pub mod meetings;
pub mod offices;
pub mod people;
pub mod rotation;
pub mod teams;
pub mod workload;
