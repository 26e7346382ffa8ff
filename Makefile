# claimrec: tokenize -> extract -> normalize -> reconcile.  See README.md.
# Every rule is our own: without make's built-in ones (and the search of them for each
# included .d file) a run with nothing to do starts at once.
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:
BUILD ?= build
IN ?= seeds
OUT ?= out
CONFIG ?= config
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/claimrec
STAGES := tokenize extract normalize reconcile
CSV_LIBS ?= -lcsv
STEM_LIBS ?= -lstemmer
PKGS := jansson gsl libutf8proc libexttextcat
WARN := -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes -Wshadow -Wpointer-arith \
	-Wformat=2 -Wvla
CFLAGS ?= -O2 -g
override CPPFLAGS += -Icommon -Istages -D_POSIX_C_SOURCE=200809L -MMD -MP \
	-DCLAIMREC_CONFIG_DIR='"$(DATADIR)/config"'
override CFLAGS += -std=c11 -pthread $(WARN) $(if $(WERROR),-Werror) $(SAN) \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null)
override LDFLAGS += -pthread $(SAN)
# Asked of pkg-config once, and only by a make that links (a pipeline run need not).
LDLIBS = $(eval LDLIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(CSV_LIBS) \
  $(STEM_LIBS) -lm)$(LDLIBS)
TEST_LIBS = $(eval TEST_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null))$(TEST_LIBS)

# A missing library stops the build with the one command that installs it.
# (pipeline-locked: the make that pipeline starts, which has checked already;
# make pipeline with the four programs built has nothing to build them with.)
NODEPS_GOALS := clean format-check help deps pipeline-locked
CHECK_DEPS := $(filter-out $(NODEPS_GOALS),$(or $(MAKECMDGOALS),all))
ifeq ($(CHECK_DEPS)|$(wildcard $(STAGES:%=$(BUILD)/bin/%)),pipeline|$(STAGES:%=$(BUILD)/bin/%))
CHECK_DEPS :=
endif
ifneq ($(CHECK_DEPS),)
MISSING := $(shell sh scripts/deps.sh --missing)
ifneq ($(MISSING),)
$(error missing: $(MISSING); install with: sudo sh scripts/deps.sh)
endif
endif

COMMON_SRC := $(wildcard common/*.c)
COMMON_OBJ := $(COMMON_SRC:%.c=$(BUILD)/%.o)
BINS := $(STAGES:%=$(BUILD)/bin/%)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
STAGE_LIBS := $(STAGES:%=$(BUILD)/lib%.a)

all: $(BINS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/libcommon.a: $(COMMON_OBJ)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^
$(foreach s,$(STAGES),$(eval $(BUILD)/lib$(s).a: \
  $(patsubst %.c,$(BUILD)/%.o,$(wildcard stages/$(s)/*.c)) ; @mkdir -p $$(@D) && $$(AR) rcs $$@ $$^))
$(foreach s,$(STAGES),$(eval $(BUILD)/bin/$(s): $(BUILD)/stages/$(s).o \
  $(BUILD)/lib$(s).a $(BUILD)/libcommon.a))
$(BUILD)/bin/%:
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/test_%: $(BUILD)/tests/unit/test_%.o $(STAGE_LIBS) $(BUILD)/libcommon.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $< -Wl,--start-group $(STAGE_LIBS) $(BUILD)/libcommon.a \
	  -Wl,--end-group $(TEST_LIBS) $(LDLIBS)

# Fuzz targets (tests/fuzz/fuzz_*.c): replayed on every kept input by `make
# test`; run under libFuzzer by `make fuzz` (clang), crashes kept in regress/.
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
REPLAY_BINS := $(FUZZ_NAMES:%=$(BUILD)/tests/replay_%)
FUZZ_SECONDS ?= 600
ALL_LIBS := -Wl,--start-group $(STAGE_LIBS) $(BUILD)/libcommon.a -Wl,--end-group

$(BUILD)/tests/replay_%: $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/replay.o $(STAGE_LIBS) \
		$(BUILD)/libcommon.a
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(ALL_LIBS) $(LDLIBS)
$(BUILD)/fuzz/fuzz_%: $(BUILD)/tests/fuzz/fuzz_%.o $(STAGE_LIBS) $(BUILD)/libcommon.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $< $(ALL_LIBS) $(LDLIBS)

# ---- tests: unit (cmocka), fuzz regressions, then end to end
test: unit replay e2e
unit: $(UNIT_BINS)
	@sh tests/run-unit.sh $(UNIT_BINS)
replay: $(REPLAY_BINS)
	@sh tests/fuzz/run-replay.sh $(BUILD)/tests $(FUZZ_NAMES)
fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang SAN="-fsanitize=fuzzer-no-link,address,undefined" \
	  $(FUZZ_NAMES:%=build-fuzz/fuzz/fuzz_%)
	@sh tests/fuzz/run-fuzz.sh build-fuzz/fuzz $(FUZZ_SECONDS) $(FUZZ_NAMES)
e2e: $(BINS) $(BUILD)/bin/gencorpus
	@BIN=$(abspath $(BUILD)/bin) CONFIG=$(abspath $(CONFIG)) TOP=$(CURDIR) \
	  sh tests/e2e/run.sh
sanitize:
	$(MAKE) BUILD=build-san WERROR=$(WERROR) \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" test
valgrind: $(UNIT_BINS) $(BINS) $(BUILD)/bin/gencorpus
	@VALGRIND=1 sh tests/run-unit.sh $(UNIT_BINS)
	@BIN=$(abspath $(BUILD)/bin) CONFIG=$(abspath $(CONFIG)) TOP=$(CURDIR) \
	  WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
	  sh tests/e2e/run.sh

# ---- the pipeline: one file target per stage output
include mk/pipeline.mk

# ---- benchmark: bench/run.sh on a generated corpus (SIZES="10 50 200" MB)
$(BUILD)/bin/gencorpus: $(BUILD)/bench/gencorpus.o $(BUILD)/libcommon.a
bench: $(BINS) $(BUILD)/bin/gencorpus
	BIN=$(BUILD)/bin CONFIG=$(CONFIG) OUT=$(OUT) BENCH_DIR=$(BUILD)/bench sh bench/run.sh

# ---- install, housekeeping
install: $(BINS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)
	install -m 0755 $(BINS) $(DESTDIR)$(BINDIR)
	install -m 0644 $(wildcard stages/*.1) $(DESTDIR)$(MANDIR)/man1
	cp -R $(CONFIG) $(DESTDIR)$(DATADIR)/config
clean:
	rm -rf $(BUILD) build-san build-fuzz
format-check:
	clang-format --dry-run --Werror $(wildcard common/*.[ch] stages/*.c stages/*/*.[ch] \
	  tests/unit/*.[ch] bench/*.c)
deps:
	sh scripts/deps.sh
help:
	@echo 'make [all|test|sanitize|valgrind|pipeline IN=dir OUT=dir [STRICT=1] [WAIT=1]|bench|install|clean|format-check|deps]'

.PHONY: all test unit replay fuzz e2e sanitize valgrind install clean format-check deps help pipeline bench
.DELETE_ON_ERROR:
.SECONDARY:
# (Not needed by a make that builds nothing: NOBUILD=1.)
ifndef NOBUILD
-include $(COMMON_OBJ:.o=.d) $(wildcard $(BUILD)/stages/*.d $(BUILD)/stages/*/*.d \
  $(BUILD)/tests/unit/*.d $(BUILD)/tests/fuzz/*.d $(BUILD)/bench/*.d)
endif
