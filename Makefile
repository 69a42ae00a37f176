# Convenience targets; the real work is in scripts/.
.PHONY: test bench run fuzz

test:
	scripts/test

bench:
	scripts/bench

run:
	scripts/run

# Fuzz each target for FUZZ_SECONDS, one after the other (needs cargo-fuzz).
FUZZ_SECONDS ?= 600
fuzz:
	cd fuzz && for t in $$(cargo fuzz list); do \
		cargo fuzz run -s none $$t -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=1024 -timeout=10 || exit 1; \
	done
