# Convenience targets; the real work is in scripts/.
.PHONY: test deny audit bench bench-ui bench-caldav run fuzz package

test:
	scripts/test

# cargo deny (deny.toml) against the RustSec snapshot in ../shared, then its
# self-test (made-up advisories must fail it).
deny:
	scripts/deny
	scripts/deny-selftest

# npm audit --omit=dev for ui/: fails on findings, not on an unreachable registry.
audit:
	node --test scripts/npm-audit.test.mjs
	node scripts/npm-audit.mjs

bench:
	scripts/bench
	scripts/bench-ui
	scripts/bench-caldav

# Only the app's per-screen timings and memory (real app under Xvfb).
bench-ui:
	scripts/bench-ui

# Only the CalDAV publish of a 2,000-rep team (real Radicale on loopback).
bench-caldav:
	scripts/bench-caldav

run:
	scripts/run

# Release .deb and .rpm in target/release/bundle/ (see README, Install).
package:
	scripts/package

# Fuzz each target for FUZZ_SECONDS, one after the other (needs cargo-fuzz).
FUZZ_SECONDS ?= 600
fuzz:
	cd fuzz && for t in $$(cargo fuzz list); do \
		cargo fuzz run -s none $$t -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=1024 -timeout=10 || exit 1; \
	done
