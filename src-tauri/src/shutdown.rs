//! How the app ends: closing its window, SIGTERM, SIGINT and SIGHUP all take
//! one way out, and WebKit's helper processes go with the app.
//!
//! WebKitGTK runs the page in a `WebKitWebProcess` and networking in a
//! `WebKitNetworkProcess`, both children of this process. Each ends itself
//! when its IPC socket to the app closes, but only once its own main loop
//! gets to it: a web process busy in a long script (or stopped) outlives the
//! app, and one was seen at 100 % CPU and 12 GB after the app had got a
//! SIGTERM (issue 12). So on the way out the app ends its helpers itself
//! ([`end_webkit_helpers`]): SIGTERM, plus SIGCONT so that a stopped one
//! receives it, then SIGKILL for any still there after [`HELPER_GRACE`].
//!
//! A signal's default action would end the app at once, before any of that.
//! [`catch`] instead asks Tauri to exit, the path a window close takes too:
//! both end in `RunEvent::Exit` ([`on_run_event`]). If the event loop does not
//! get there within [`EXIT_GRACE`] (its thread is blocked) or a second signal
//! comes, the signal thread ends the helpers and then the app with the
//! signal's default action.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use rustix::process::{kill_process, Pid, Signal};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use tauri::{AppHandle, RunEvent};

/// How long the event loop has to close the app after a stop signal.
pub const EXIT_GRACE: Duration = Duration::from_secs(5);
/// How long WebKit's helpers have to end after SIGTERM before SIGKILL.
pub const HELPER_GRACE: Duration = Duration::from_secs(2);

/// Stop signals caught from the start of [`crate::run`], before the window
/// exists: Tauri opens it, and WebKit starts its helpers, before the app's
/// setup hands over the [`AppHandle`] ([`StopSignals::attach`]).
pub struct StopSignals {
    app: Arc<OnceLock<AppHandle>>,
}

impl StopSignals {
    /// From now on the signals close the app through `app`.
    pub fn attach(&self, app: AppHandle) {
        let _ = self.app.set(app);
    }
}

/// Makes SIGTERM, SIGINT and SIGHUP close the app as its window's close
/// button does; one that comes before [`StopSignals::attach`] waits for it
/// (within [`EXIT_GRACE`]). When the handlers cannot be installed (said
/// on stderr) the signals keep their default action.
pub fn catch() -> StopSignals {
    let attached: Arc<OnceLock<AppHandle>> = Arc::default();
    let stop = StopSignals {
        app: attached.clone(),
    };
    let mut signals = match Signals::new([SIGTERM, SIGINT, SIGHUP]) {
        Ok(signals) => signals,
        Err(err) => {
            eprintln!(
                "meridian: cannot handle stop signals, they will end the app abruptly: {err}"
            );
            return stop;
        }
    };
    let spawned = thread::Builder::new()
        .name("stop-signals".into())
        .spawn(move || {
            let mut arriving = signals.forever();
            let Some(first) = arriving.next() else {
                return;
            };
            let asked = Instant::now();
            // Setup may still be opening the database: give it the same grace.
            let app = loop {
                if let Some(app) = attached.get() {
                    break app;
                }
                if asked.elapsed() >= EXIT_GRACE {
                    end_now(first);
                }
                thread::sleep(Duration::from_millis(20));
            };
            app.exit(0);
            // The watchdog: a blocked main thread must not keep the app alive.
            let watchdog = thread::Builder::new()
                .name("stop-watchdog".into())
                .spawn(move || {
                    thread::sleep(EXIT_GRACE.saturating_sub(asked.elapsed()));
                    eprintln!(
                        "meridian: the window did not close within {} s of the stop signal; ending now",
                        EXIT_GRACE.as_secs()
                    );
                    end_now(first);
                });
            if watchdog.is_err() {
                end_now(first);
            }
            // A second signal means "now".
            if let Some(again) = arriving.next() {
                end_now(again);
            }
        });
    if let Err(err) = spawned {
        eprintln!("meridian: cannot watch for stop signals: {err}");
    }
    stop
}

/// The app's run-loop callback: the last thing before the process exits,
/// whichever way it was asked to, is ending WebKit's helpers.
pub fn on_run_event(_app: &AppHandle, event: RunEvent) {
    if let RunEvent::Exit = event {
        end_webkit_helpers(HELPER_GRACE);
    }
}

/// Ends the helpers, then the process with `signal`'s default action (so the
/// exit status says which signal ended it).
fn end_now(signal: i32) -> ! {
    end_webkit_helpers(HELPER_GRACE);
    // Only fails for a signal it does not know; these three it does.
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal);
}

/// Ends this process's WebKit helpers: SIGTERM and SIGCONT to each, then
/// SIGKILL to those still running after `grace`. Returns how many there were.
pub fn end_webkit_helpers(grace: Duration) -> usize {
    let helpers = webkit_helpers(std::process::id());
    for &pid in &helpers {
        signal(pid, Signal::TERM);
        signal(pid, Signal::CONT);
    }
    let deadline = Instant::now() + grace;
    loop {
        let running: Vec<u32> = helpers.iter().copied().filter(|&p| running(p)).collect();
        if running.is_empty() {
            break;
        }
        if Instant::now() >= deadline {
            for pid in running {
                signal(pid, Signal::KILL);
            }
            break;
        }
        thread::sleep(Duration::from_millis(20));
    }
    helpers.len()
}

/// Sends `sig` to `pid`; a process that is already gone is what we wanted.
fn signal(pid: u32, sig: Signal) {
    if let Some(pid) = i32::try_from(pid).ok().and_then(Pid::from_raw) {
        let _ = kill_process(pid, sig);
    }
}

/// Whether `pid` is still running (a zombie has ended: it only waits to be reaped).
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|text| parse_stat(&text))
        .is_some_and(|s| !matches!(s.state, 'Z' | 'X'))
}

/// The WebKit processes among `root`'s descendants: WebKitGTK may start them
/// under a sandbox launcher, so children of children count too. Only WebKit's
/// own processes are ended: anything else the app started (a browser opened
/// for a link, say) is the user's.
pub fn webkit_helpers(root: u32) -> Vec<u32> {
    let table: Vec<ProcStat> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
        .filter_map(|text| parse_stat(&text))
        .collect();
    helpers_in(root, &table)
}

/// The part of `/proc/PID/stat` this module reads.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ProcStat {
    pid: u32,
    comm: String,
    state: char,
    ppid: u32,
}

/// Parses `/proc/PID/stat`: `pid (comm) state ppid …`. The command name may
/// hold spaces and parentheses, so it ends at the last `)`.
fn parse_stat(text: &str) -> Option<ProcStat> {
    let open = text.find(" (")?;
    let close = text.rfind(')')?;
    let pid = text[..open].trim().parse().ok()?;
    let comm = text.get(open + 2..close)?.to_string();
    let mut rest = text.get(close + 1..)?.split_whitespace();
    let state = rest.next()?.chars().next()?;
    let ppid = rest.next()?.parse().ok()?;
    Some(ProcStat {
        pid,
        comm,
        state,
        ppid,
    })
}

/// `root`'s running descendants whose name starts with `WebKit`
/// (`WebKitWebProces`, `WebKitNetworkPr`: the kernel keeps 15 bytes).
fn helpers_in(root: u32, table: &[ProcStat]) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<&ProcStat>> = HashMap::new();
    for p in table {
        children.entry(p.ppid).or_default().push(p);
    }
    let mut found = Vec::new();
    // A pid is never its own ancestor, but a table read while processes come
    // and go (a pid reused under a new parent) can link them in a cycle:
    // each pid is walked once.
    let mut seen: HashSet<u32> = HashSet::from([root]);
    let mut todo = vec![root];
    while let Some(parent) = todo.pop() {
        for child in children.get(&parent).into_iter().flatten() {
            if !seen.insert(child.pid) {
                continue;
            }
            todo.push(child.pid);
            if child.comm.starts_with("WebKit") && !matches!(child.state, 'Z' | 'X') {
                found.push(child.pid);
            }
        }
    }
    found.sort_unstable();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_lines_parse_even_with_odd_command_names() {
        let check = |text: &str, want: Option<(u32, &str, char, u32)>| {
            let got = parse_stat(text).map(|s| (s.pid, s.comm, s.state, s.ppid));
            assert_eq!(
                got,
                want.map(|(p, c, s, pp)| (p, c.to_string(), s, pp)),
                "{text}"
            );
        };
        check(
            "4242 (WebKitWebProces) S 4200 4200 4200 0 -1 4194560 0 0",
            Some((4242, "WebKitWebProces", 'S', 4200)),
        );
        check("7 (a (b) c) R 1 7 7", Some((7, "a (b) c", 'R', 1)));
        check("9 (x) Z 3", Some((9, "x", 'Z', 3)));
        check("", None);
        check("12 (cut", None);
        check("12 (x) S", None);
        check("x (y) S 1", None);
    }

    fn p(pid: u32, comm: &str, state: char, ppid: u32) -> ProcStat {
        ProcStat {
            pid,
            comm: comm.into(),
            state,
            ppid,
        }
    }

    #[test]
    fn only_running_webkit_descendants_of_the_app_are_its_helpers() {
        let table = [
            p(1, "init", 'S', 0),
            p(100, "meridian-app", 'S', 1),
            p(101, "WebKitNetworkPr", 'S', 100),
            p(102, "WebKitWebProces", 'R', 100),
            // Started through a sandbox launcher: a grandchild.
            p(103, "bwrap", 'S', 100),
            p(104, "WebKitWebProces", 'S', 103),
            // Already ended, and someone else's.
            p(105, "WebKitWebProces", 'Z', 100),
            p(200, "WebKitWebProces", 'S', 1),
            // A browser the app opened is the user's.
            p(106, "firefox-esr", 'S', 100),
        ];
        assert_eq!(helpers_in(100, &table), [101, 102, 104]);
        assert!(helpers_in(999, &table).is_empty());
    }

    #[test]
    fn a_cycle_of_parent_links_ends_the_walk() {
        // Pid 101 read twice, reused under its own grandchild between reads:
        // 100 -> 101 -> 102 -> 101 -> ...
        let table = vec![
            p(101, "WebKitWebProces", 'S', 100),
            p(102, "bash", 'S', 101),
            p(101, "WebKitNetworkPr", 'S', 102),
            p(103, "WebKitNetworkPr", 'S', 102),
        ];
        let (tx, rx) = std::sync::mpsc::channel();
        thread::spawn(move || {
            let _ = tx.send(helpers_in(100, &table));
        });
        let found = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the walk ends on a cycle");
        assert_eq!(found, [101, 103]);
    }

    #[test]
    fn a_process_without_webkit_helpers_ends_none() {
        // The test runner has no WebKit children.
        assert_eq!(end_webkit_helpers(Duration::from_millis(10)), 0);
    }
}
