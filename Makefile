# Convenience targets; the real work is in scripts/.
.PHONY: test bench run

test:
	scripts/test

bench:
	scripts/bench

run:
	scripts/run
