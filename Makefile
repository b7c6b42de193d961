# dyad: build, tests, demo, fuzzing and benchmarks.  `make help` lists targets.
ifeq ($(origin CC),default)
CC      := gcc
endif
BUILD   := build
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Werror
DATADIR := $(abspath $(BUILD))/data
DEFS    := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DDYAD_DATADIR='"$(DATADIR)"'
INC     := -Iinclude -Isrc
SYSLIBS := -lutf8proc -lsqlite3 -lnettle -lm
LIBS    := $(SYSLIBS)
PTHREAD := -pthread
HUNSPELL_DIR ?= /usr/share/hunspell

SRC     := $(sort $(wildcard src/*.c))
OBJ     := $(SRC:src/%.c=$(BUILD)/obj/%.o)
TESTS   := $(sort $(wildcard tests/unit/test_*.c))
TESTBIN := $(TESTS:tests/unit/%.c=$(BUILD)/tests/%)
STAMP   := $(BUILD)/deps.stamp
LEX     := $(BUILD)/data/fr.lex
DICTS   := $(patsubst data/%,$(BUILD)/data/%,$(wildcard data/*.tsv)) $(BUILD)/data/countries.tsv
DATA    := $(LEX) $(DICTS)

.PHONY: all deps browser-deps check test unit golden golden-update errors asan fuzz fuzz-short \
        bench bench-doc demo clean help stress
all: $(BUILD)/dyad $(DATA)

help:
	@echo "make          build build/dyad and its lexicon"
	@echo "make deps     install the Debian packages needed (apt-get)"
	@echo "make demo     build and run dyad on examples/"
	@echo "make check    every test: unit, golden, errors, sanitizers, short fuzz"
	@echo "make asan     the test suite under ASan+UBSan"
	@echo "make tsan     the --threads tests under ThreadSanitizer"
	@echo "make fuzz     long fuzzing runs (FUZZ_SECONDS=3600)"
	@echo "make bench    throughput and memory on a generated 200 MB, 200,000-article corpus"
	@echo "make bench-doc        the same, and rewrite docs/benchmarks.md with the results"
	@echo "make stress   the hostile-input catalogue with its long cases (1 GB of"
	@echo "              JSONL, 1,000,000 files; about 18 minutes, 5 GB of disk)"
	@echo "make golden-update   rewrite golden expectations (review the diff)"
	@echo "make browser-deps    playwright-core for the report's browser test (npm)"

deps:
	sh tools/deps.sh
	@mkdir -p $(BUILD) && touch $(STAMP)

$(STAMP): tools/deps.sh
	sh tools/deps.sh
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) include/dyad.h | $(STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(PTHREAD) $(DEFS) $(INC) -c $< -o $@

$(BUILD)/libdyad.a: $(OBJ)
	ar rcs $@ $^

$(BUILD)/dyad: cli/dyad.c $(BUILD)/libdyad.a
	$(CC) $(WARN) $(CFLAGS) $(PTHREAD) $(DEFS) $(INC) $< $(BUILD)/libdyad.a $(LIBS) -o $@

$(BUILD)/mklexicon: tools/mklexicon.c | $(STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(DEFS) $(INC) $< -o $@

$(LEX): $(BUILD)/mklexicon $(HUNSPELL_DIR)/fr.dic $(HUNSPELL_DIR)/fr.aff
	@mkdir -p $(dir $@)
	$(BUILD)/mklexicon $(HUNSPELL_DIR)/fr.aff $(HUNSPELL_DIR)/fr.dic $@.tmp && mv $@.tmp $@

# the actor dictionaries: ours copied, the ISO country table generated
$(BUILD)/data/%.tsv: data/%.tsv
	@mkdir -p $(dir $@)
	cp $< $@
$(BUILD)/data/countries.tsv: tools/mkcountries.py | $(STAMP)
	@mkdir -p $(dir $@)
	python3 tools/mkcountries.py $@.tmp && mv $@.tmp $@

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(PTHREAD) $(DEFS) $(INC) $< $(BUILD)/libdyad.a $(LIBS) -lhunspell -o $@

unit: $(TESTBIN) $(DATA)
golden: $(BUILD)/dyad $(DATA)

# The report's browser test (tests/report/browser.js) drives Debian's
# chromium with playwright-core, pinned by tools/browser/package-lock.json
# and installed by npm into build/node (one copy for every BUILD).  No
# browser is downloaded.  Without npm, or when the install fails, the test
# says "skip:" and the suite goes on.
NODE_DIR   := build/node
PLAYWRIGHT := $(NODE_DIR)/node_modules/playwright-core/package.json
$(PLAYWRIGHT): tools/browser/package.json tools/browser/package-lock.json
	@mkdir -p $(NODE_DIR)
	cp tools/browser/package.json tools/browser/package-lock.json $(NODE_DIR)/
	cd $(NODE_DIR) && npm ci --no-audit --no-fund --ignore-scripts || \
	  echo "warning: playwright-core not installed; the browser test will be skipped"
browser-deps: $(PLAYWRIGHT)

# The whole suite; the runner prints "N passed, N failed, N skipped".
test: $(TESTBIN) $(BUILD)/dyad $(DATA) $(if $(shell command -v npm 2>/dev/null),$(PLAYWRIGHT))
	DYAD_NODE_DIR=$(NODE_DIR) sh tests/run.sh $(BUILD)

check: test
	$(MAKE) asan
	$(MAKE) fuzz-short
	@echo "check: all green"

golden-update: $(BUILD)/dyad $(DATA)
	sh tests/golden/update.sh $(BUILD)/dyad

# ASan+UBSan build of the library, CLI and unit tests, then the suite.
asan: | $(STAMP)
	$(MAKE) BUILD=build/asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LIBS="$(SYSLIBS) -fsanitize=address,undefined" test

# ThreadSanitizer build of the library, CLI and unit tests, then what runs
# threads: dyad_run's unit test and tests/threads (fewer copies: TSan is
# slow).  Any race report fails it (halt_on_error, exitcode 66).
TSAN_COPIES ?= 8
.PHONY: tsan
tsan: | $(STAMP)
	$(MAKE) BUILD=build/tsan CFLAGS="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" \
	  LIBS="$(SYSLIBS) -fsanitize=thread" build/tsan/dyad build/tsan/tests/test_parallel \
	  build/tsan/data/fr.lex $(patsubst $(BUILD)/%,build/tsan/%,$(DICTS))
	TSAN_OPTIONS="halt_on_error=1 exitcode=66 $${TSAN_OPTIONS:-}" build/tsan/tests/test_parallel
	TSAN_OPTIONS="halt_on_error=1 exitcode=66 $${TSAN_OPTIONS:-}" THREADS_COPIES=$(TSAN_COPIES) \
	  sh tests/threads/run.sh build/tsan/dyad >build/tsan/threads.log 2>&1; \
	  cat build/tsan/threads.log; grep -q '^ok ' build/tsan/threads.log && \
	  ! grep -q -e '^FAIL' -e 'ThreadSanitizer' build/tsan/threads.log

# libFuzzer targets (clang), one per parser, in tests/fuzz/fuzz_*.c.
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_SECONDS ?= 60
$(BUILD)/fuzz/%: tests/fuzz/%.c $(SRC) $(wildcard src/*.h) | $(STAMP)
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	  $(PTHREAD) $(DEFS) $(INC) $< $(SRC) $(LIBS) -o $@
fuzz-short: $(FUZZ_BIN) $(DATA)
	sh tests/fuzz/run.sh $(BUILD)/fuzz $(FUZZ_SECONDS)
fuzz: $(FUZZ_BIN) $(DATA)
	sh tests/fuzz/run.sh $(BUILD)/fuzz $${FUZZ_SECONDS:-3600}

# The error catalogue (tests/errors/run.sh) with its long cases: 1 GB of
# JSONL streamed in bounded memory, 1,000,000 files in one directory.
stress: $(BUILD)/dyad $(DATA)
	@DYAD_STRESS=1 sh tests/errors/run.sh $(BUILD)/dyad | tee $(BUILD)/stress.log
	@p=$$(grep -c '^ok ' $(BUILD)/stress.log); f=$$(grep -c '^FAIL' $(BUILD)/stress.log); \
	  s=$$(grep -c '^skip:' $(BUILD)/stress.log); echo "$$p passed, $$f failed, $$s skipped"; [ "$$f" = 0 ]

# BENCH_MB, BENCH_ARTICLES, BENCH_STEPS, BENCH_NOTE: see bench/run.sh --help
bench: $(BUILD)/dyad $(DATA)
	sh bench/run.sh $(BUILD)/dyad
bench-doc: $(BUILD)/dyad $(DATA)
	sh bench/run.sh --write-doc $(BUILD)/dyad

demo: $(BUILD)/dyad $(DATA)
	@echo "== dyad inspect examples/entretien-hanoi.txt (what the pipeline sees)"
	$(BUILD)/dyad inspect examples/entretien-hanoi.txt
	@echo "== dyad code examples/ (events, figures, agreements as JSON lines)"
	$(BUILD)/dyad code examples/
	@echo "== dyad load examples/ into $(BUILD)/dyad.db (reports of one event merged)"
	rm -f $(BUILD)/dyad.db $(BUILD)/dyad.db-wal $(BUILD)/dyad.db-shm
	$(BUILD)/dyad load --db $(BUILD)/dyad.db examples/
	@echo "== dyad timeline SEN GMB"
	$(BUILD)/dyad timeline SEN GMB --db $(BUILD)/dyad.db
	@echo "== dyad report SEN GMB -o $(BUILD)/report.html"
	$(BUILD)/dyad report SEN GMB --db $(BUILD)/dyad.db -o $(BUILD)/report.html

clean:
	rm -rf $(BUILD)
