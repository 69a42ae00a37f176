//! The IPC surface: thin async commands, grouped per domain. Each takes its
//! arguments, runs one core call through [`crate::state::Db::run`] and returns
//! what a write changed ([`meridian::Changes`]; the team with revisions for
//! `load_team`), the asked value, or a
//! [`crate::error::CommandError`].

pub mod app;
pub mod backups;
pub mod calendar;
pub mod files;
pub mod meetings;
pub mod offices;
pub mod people;
pub mod rotation;
pub mod screens;
pub mod teams;
pub mod workload;
