#!/usr/bin/env python3
"""Real CalDAV servers (Radicale, Xandikos) on loopback for Meridian's tests.

As a module:  server = servers.start("radicale" | "xandikos", workdir)
  server.url, .home (where MKCALENDAR may create collections), .user,
  .password, .pid, .stop(), .restart() (same port, same storage).

As a CLI (the Rust tests shell out to it):
  python3 tests/caldav/servers.py serve KIND WORKDIR
prints one JSON line {"url","home","user","password","pid"} and stays up
until stdin closes or it gets SIGTERM/SIGINT/SIGHUP; then the server is
stopped. Lines on stdin: "stop" stops the server, keeping port and storage
(prints {"stopped":true}); "start" starts it again (prints
{"started":true,"pid":N} once it answers). A server that does not answer
within 15 s: exit 1 with its log tail on stderr.

Radicale: htpasswd users lead/s3cret and rep/r3p; each owns /<user>/, and
every signed-in user may also read lead's calendars (a rep follows the
team calendar read-only; writing there gets 403).
Xandikos has no auth on plain HTTP (its --htpasswd needs TLS): it ignores
the Basic credentials, which are still returned so tests stay uniform.
"""

import atexit
import ctypes
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

KINDS = ("radicale", "xandikos")
USERS = {"lead": "s3cret", "rep": "r3p"}
UP_TIMEOUT_S = 15.0

# First matching section wins. Owners first, then read-only access to lead's
# calendars for everyone signed in.
RADICALE_RIGHTS = """\
[root]
user: .+
collection:
permissions: R

[owner-principal]
user: .+
collection: {user}
permissions: RW

[owner-calendars]
user: .+
collection: {user}/[^/]+
permissions: rw

[lead-principal-read]
user: .+
collection: lead
permissions: R

[lead-calendars-read]
user: .+
collection: lead/[^/]+
permissions: r
"""


class ServerError(RuntimeError):
    pass


class PortTaken(ServerError):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent():
    # Runs in the child: the kernel sends it SIGTERM if we die, even by
    # SIGKILL, so no server outlives the harness.
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() == 1:
        os._exit(1)


class Server:
    def __init__(self, kind, workdir, port=None):
        if kind not in KINDS:
            raise ServerError(f"unknown server kind {kind!r}; use one of {KINDS}")
        self.kind = kind
        self.workdir = os.path.abspath(workdir)
        os.makedirs(self.workdir, exist_ok=True)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.user, self.password = "lead", USERS["lead"]
        if kind == "radicale":
            self.home = f"{self.url}{self.user}/"
        else:
            self.home = f"{self.url}user/calendars/"
        self.log_path = os.path.join(self.workdir, f"{kind}.log")
        self.proc = None
        self._argv = self._configure()

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def _configure(self):
        py = sys.executable
        if self.kind == "xandikos":
            return [py, "-m", "xandikos", "serve",
                    "-d", os.path.join(self.workdir, "xandikos-data"),
                    "-l", "127.0.0.1", "-p", str(self.port), "--defaults",
                    "--no-detect-systemd",
                    "--state-dir", os.path.join(self.workdir, "xandikos-state")]
        users = os.path.join(self.workdir, "radicale-users")
        rights = os.path.join(self.workdir, "radicale-rights")
        config = os.path.join(self.workdir, "radicale.conf")
        with open(users, "w") as f:
            f.writelines(f"{u}:{p}\n" for u, p in USERS.items())
        with open(rights, "w") as f:
            f.write(RADICALE_RIGHTS)
        with open(config, "w") as f:
            f.write(f"""\
[server]
hosts = 127.0.0.1:{self.port}

[auth]
type = htpasswd
htpasswd_filename = {users}
htpasswd_encryption = plain

[rights]
type = from_file
file = {rights}

[storage]
filesystem_folder = {os.path.join(self.workdir, "radicale-collections")}

[web]
type = none
""")
        return [py, "-m", "radicale", "--config", config]

    def start(self):
        """Start (or start again) on this port and storage; wait until it answers."""
        if self.proc and self.proc.poll() is None:
            return self
        log = open(self.log_path, "ab")
        self._log_offset = log.tell()
        log.write(f"\n--- start {' '.join(self._argv)}\n".encode())
        log.flush()
        # A dying harness must take the server with it, but PDEATHSIG fires
        # when the *thread* that forked exits: only use it from the main thread.
        pre = _die_with_parent if threading.current_thread() is threading.main_thread() else None
        # Unbuffered, so the log tail shown on a failure is complete.
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(self._argv, stdin=subprocess.DEVNULL, stdout=log,
                                     stderr=subprocess.STDOUT, env=env, preexec_fn=pre)
        log.close()
        _LIVE.add(self)
        try:
            self._wait_up()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_up(self):
        deadline = time.monotonic() + UP_TIMEOUT_S
        while True:
            code = self.proc.poll()
            if code is not None:
                error = PortTaken if "[Errno 98]" in self._log_since_start() else ServerError
                raise error(f"{self.kind} exited with code {code} before answering "
                            f"on {self.url}\n{self.log_tail()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("OPTIONS", "/")
                conn.getresponse().read()
                conn.close()
                return
            except (OSError, http.client.HTTPException):
                pass
            if time.monotonic() > deadline:
                raise ServerError(f"{self.kind} did not answer on {self.url} within "
                                  f"{UP_TIMEOUT_S:.0f} s\n{self.log_tail()}")
            time.sleep(0.1)

    def stop(self):
        """Terminate and wait; port and storage are kept for start()."""
        # Forget the process only once it is gone: a stop() interrupted by a
        # signal is simply done again by the caller's cleanup.
        proc = self.proc
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.proc = None
        _LIVE.discard(self)

    def restart(self):
        self.stop()
        return self.start()

    def info(self):
        return {"url": self.url, "home": self.home, "user": self.user,
                "password": self.password, "pid": self.pid}

    def _log_since_start(self):
        with open(self.log_path, "rb") as f:
            f.seek(self._log_offset)
            return f.read().decode(errors="replace")

    def log_tail(self, lines=40):
        try:
            with open(self.log_path, errors="replace") as f:
                tail = f.readlines()[-lines:]
        except OSError as e:
            return f"(no log: {e})"
        return f"--- last lines of {self.log_path}:\n" + "".join(tail)


_LIVE = set()


def _stop_all():
    for s in list(_LIVE):
        s.stop()


atexit.register(_stop_all)


def start(kind, workdir, attempts=3):
    # The free port is only free until the server binds it: another process
    # (a parallel test) may take it in between, so try a fresh one.
    for attempt in range(attempts):
        try:
            return Server(kind, workdir).start()
        except PortTaken:
            if attempt == attempts - 1:
                raise


def _emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def _quit(signum, _frame):
    raise SystemExit(128 + signum)


def serve(kind, workdir):
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, _quit)
    server = None
    try:
        server = start(kind, workdir)
        _emit(server.info())
        while True:
            line = sys.stdin.readline()
            if not line:
                return 0
            cmd = line.strip()
            if cmd == "stop":
                server.stop()
                _emit({"stopped": True})
            elif cmd == "start":
                server.start()
                _emit({"started": True, "pid": server.pid})
            elif cmd:
                _emit({"error": f"unknown command {cmd!r} (use stop or start)"})
    except ServerError as e:
        _emit({"error": str(e).splitlines()[0]})
        print(f"servers.py: {e}", file=sys.stderr)
        return 1
    finally:
        # A second signal must not interrupt the cleanup.
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        if server:
            server.stop()


def main(argv):
    if len(argv) != 4 or argv[1] != "serve" or argv[2] not in KINDS:
        print(__doc__, file=sys.stderr)
        return 2
    return serve(argv[2], argv[3])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
