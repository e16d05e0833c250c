# The two commands a newcomer needs: `make run` and `make test`.
SWIFT ?= swift

.PHONY: run test bench deps metrics clean

## Scan the bundled sample corpus into results/cliffbench.sqlite and print the leaderboard.
run: deps
	$(SWIFT) build --product cliffbench
	.build/debug/cliffbench run

## Build and run the whole test suite.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## The static tier against ripgrep on a generated corpus (installs ripgrep when missing).
bench: deps
	bash scripts/bench-vs-ripgrep.sh

metrics:
	$(SWIFT) run cliffbench metrics

## System libraries the package links (a fresh machine of this kind has them; install if not).
deps:
	@dpkg -s libsqlite3-dev >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libsqlite3-dev; \
	  else echo "libsqlite3-dev is missing: sudo apt-get install libsqlite3-dev" >&2; exit 1; fi; }

clean:
	rm -rf .build results/*.sqlite results/*.sqlite-wal results/*.sqlite-shm
