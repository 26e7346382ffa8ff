# make [-jN] pipeline IN=dir OUT=dir [SHARDS=N] [THREADS=N] [STRICT=1] [WAIT=1]
#
# Each stage exits 0 (all processed), 1 (finished, some documents skipped:
# named on stderr and in summary.json) or 2 (could not complete; its output
# is not written). A run succeeds when it completed; with STRICT=1 it also
# fails when any document was skipped. Quiet when all is well (cron mails
# only what matters). A lock on OUT keeps two runs from interleaving: the
# second fails at once, or waits with WAIT=1.
#
# Shards: a document belongs to shard FNV-1a-64(doc id) mod SHARDS
# (tokenize -S K/N). tokenize, extract and normalize run per shard into
# OUT/shards/K/, so make -jN works on N shards at once, and a changed,
# new or removed document redoes only its own shard. OUT/tokens.jsonl,
# mentions.jsonl and normalized.jsonl are the shards' files merged in
# document order (scripts/merge-shards.sh), as one run over the whole corpus
# writes them; reconcile reads normalized.jsonl and adds up the shards'
# figures.
#
# Make's timestamps miss a file that vanished or an IN that now names
# another folder, so OUT/shards/K/.inputs records what shard K is made of
# (its files with size and time, its manifest rows: tokenize -L, one walk of
# IN for every shard) and is rewritten only when that changes.
STAGE_OK = || [ $$? -eq 1 ]
# Threads per stage (-t): THREADS= when given; else 1 when make runs jobs at
# once (make -jN: the shards are the parallel work), else one per processor.
STAGE_THREADS = $(or $(THREADS),$(if $(filter-out -j1,$(filter -j%,$(MAKEFLAGS))),1,0))
LOCK_BUSY := 75
# NOBUILD=1 runs the binaries as they are (the tests run the build they test).
bin = $(if $(NOBUILD),,$(BUILD)/bin/$(1))
# "shards" of config/pipeline.json, read by make itself, once: its words with
# quotes, braces, commas and colons taken out, then the one after "shards".
ifeq ($(origin SHARDS),undefined)
comma := ,
PIPELINE_WORDS := $(strip $(subst ",,$(subst :, ,$(subst $(comma), ,$(subst {, ,$(subst }, , \
  $(file <$(CONFIG)/pipeline.json)))))))
SHARDS := $(or $(patsubst shards@%,%,$(firstword $(filter shards@%, \
  $(subst shards ,shards@,$(PIPELINE_WORDS) )))),4)
endif
# 0 .. SHARDS-1, counted by make itself (no shell): a word is added to a list
# until it holds SHARDS of them, each step giving the list's length. Empty
# when SHARDS is not a whole number from 1.
shard_count = $(if $(word $(1),$(2)),,$(words $(2)) $(call shard_count,$(1),$(2) x))
# S without its digits.
nondigits = $(subst 0,,$(subst 1,,$(subst 2,,$(subst 3,,$(subst 4,,$(subst 5,,$(subst 6,,$(subst \
  7,,$(subst 8,,$(subst 9,,$(1)))))))))))
# SHARDS when it is one word of digits, not all of them 0; else empty.
SHARD_NUMBER := $(if $(and $(filter 1,$(words $(SHARDS))),$(if $(call nondigits,$(SHARDS)),,y), \
  $(subst 0,,$(SHARDS))),$(SHARDS))
SHARD_IDS := $(strip $(if $(SHARD_NUMBER),$(call shard_count,$(SHARD_NUMBER),)))
SHARD_DIRS := $(SHARD_IDS:%=$(OUT)/shards/%)
SHARD_BAD = { echo "pipeline: SHARDS='$(SHARDS)' is not a whole number from 1" >&2; exit 2; }

# The make under the lock is told what this one found out (the binaries are
# built, the shards counted), so it parses and looks at no more than the run.
pipeline: $(call bin,tokenize) $(call bin,extract) $(call bin,normalize) $(call bin,reconcile)
	@[ -n "$(SHARD_IDS)" ] || $(SHARD_BAD); mkdir -p $(OUT) || exit 2; \
	 flock $(if $(WAIT),,-n) -E $(LOCK_BUSY) $(OUT)/.lock $(MAKE) --no-print-directory \
	  pipeline-locked NOBUILD=1 SHARDS='$(SHARDS)' SHARD_IDS='$(SHARD_IDS)'; rc=$$?; \
	 if [ $$rc -eq $(LOCK_BUSY) ]; then \
	   echo "pipeline: $(OUT) is in use by another run (make pipeline WAIT=1 waits)" >&2; fi; \
	 exit $$rc

# Shards left over from a run with more SHARDS are removed. (Each recipe line
# is there only when it has work: an unchanged rerun starts no shell here.)
STALE_SHARDS = $(filter-out $(SHARD_DIRS),$(wildcard $(OUT)/shards/[0-9]*))
pipeline-locked: $(OUT)/claims.csv $(OUT)/normalized.jsonl $(OUT)/tokens.jsonl \
		$(OUT)/mentions.jsonl
	$(if $(STALE_SHARDS),@for d in $(STALE_SHARDS); do case $${d##*/} in (*[!0-9]*) continue ;; \
	  esac; rm -rf "$$d"; done)
	$(if $(STRICT),@if grep -l '"skipped":\[{' $(SHARD_DIRS:%=%/*.stats.json) \
	    $(OUT)/reconcile.stats.json >/dev/null 2>&1; then \
	  echo "pipeline: STRICT=1 and documents were skipped (see $(OUT)/summary.json)" >&2; \
	  exit 1; fi)

# One shard's three stages (make pipeline-shard SHARD=K; a Slurm array task).
pipeline-shard:
	@[ -n "$(SHARD_IDS)" ] || $(SHARD_BAD)
	@case " $(SHARD_IDS) " in *" $(SHARD) "*) ;; *) \
	  echo "pipeline: SHARD='$(SHARD)' is not one of 0..$(words $(SHARD_IDS)) - 1" >&2; \
	  exit 2 ;; esac
	@$(MAKE) --no-print-directory $(OUT)/shards/$(SHARD)/normalized.jsonl

TOKENIZE_CONFIG := $(wildcard $(CONFIG)/lang/*.json $(CONFIG)/tokenize.json)
EXTRACT_CONFIG := $(wildcard $(CONFIG)/numbers/*.json)
NORMALIZE_CONFIG := $(wildcard $(CONFIG)/numbers/*.json $(CONFIG)/claims/*.json \
  $(CONFIG)/places.json $(CONFIG)/normalize.json)

# shard_rules K: OUT/shards/K/{tokens,mentions,normalized}.jsonl.
define shard_rules
$(OUT)/shards/$(1)/tokens.jsonl: $(OUT)/shards/$(1)/.inputs $(TOKENIZE_CONFIG) $(call bin,tokenize)
	@$(BUILD)/bin/tokenize -c $(CONFIG) -t $$(STAGE_THREADS) -S $(1)/$(SHARDS) \
	  -s $$(@D)/tokenize.stats.json \
	  -o $$@ $(IN) $$(STAGE_OK)
$(OUT)/shards/$(1)/mentions.jsonl: $(OUT)/shards/$(1)/tokens.jsonl $(EXTRACT_CONFIG) \
		$(call bin,extract)
	@$(BUILD)/bin/extract -c $(CONFIG) -t $$(STAGE_THREADS) -s $$(@D)/extract.stats.json \
	  -o $$@ $$< $$(STAGE_OK)
$(OUT)/shards/$(1)/normalized.jsonl: $(OUT)/shards/$(1)/mentions.jsonl $(NORMALIZE_CONFIG) \
		$(call bin,normalize)
	@$(BUILD)/bin/normalize -c $(CONFIG) -t $$(STAGE_THREADS) -s $$(@D)/normalize.stats.json \
	  -o $$@ $$< $$(STAGE_OK)
endef
$(foreach k,$(SHARD_IDS),$(eval $(call shard_rules,$(k))))

# Every shard's listing from one walk (a Slurm array task, SHARD=K: its own
# only). OUT/shards/.listing is never made: each .inputs is then looked at
# anew, and only those whose time changed redo their shard.
$(OUT)/shards/.listing: FORCE | $(call bin,tokenize)
	@$(BUILD)/bin/tokenize -S $(or $(SHARD),all)/$(SHARDS) -L $(OUT)/shards $(abspath $(IN)) \
	  || exit 2
$(SHARD_DIRS:%=%/.inputs): $(OUT)/shards/.listing ;

# OUT/NAME.jsonl: the shards' files merged in document order, the same
# bytes whatever SHARDS is (temp + rename).
define join_rule
$(OUT)/$(1).jsonl: $(SHARD_DIRS:%=%/$(1).jsonl) scripts/merge-shards.sh
	@sh scripts/merge-shards.sh $$@ $(SHARD_DIRS:%=%/$(1).jsonl)
endef
$(foreach f,tokens mentions normalized,$(eval $(call join_rule,$(f))))

# reconcile reads the shards themselves (it orders claims by document and
# offset), so that merging normalized.jsonl for users runs beside it.
$(OUT)/claims.csv: $(SHARD_DIRS:%=%/normalized.jsonl) $(wildcard $(CONFIG)/reconcile.json) \
		$(call bin,reconcile)
	@$(BUILD)/bin/reconcile -c $(CONFIG) $(if $(THREADS),-t $(THREADS)) -o $(OUT) \
	  -s $(OUT)/reconcile.stats.json \
	  $(foreach s,tokenize extract normalize,$(SHARD_DIRS:%=-S %/$(s).stats.json)) \
	  $(SHARD_DIRS:%=%/normalized.jsonl) $(STAGE_OK)

# make slurm IN=dir OUT=dir [SHARDS=N] [PARTITION=p] [TIME=t] [NOWAIT=1] [STRICT=1]
slurm: $(if $(NOBUILD),,$(BINS))
	@[ -n "$(SHARD_IDS)" ] || $(SHARD_BAD)
	@BUILD=$(BUILD) CONFIG=$(CONFIG) STRICT=$(STRICT) sh scripts/slurm-submit.sh \
	  -n $(SHARDS) $(if $(PARTITION),-p $(PARTITION)) $(if $(TIME),-t $(TIME)) \
	  $(if $(NOWAIT),-N) $(IN) $(OUT)

.PHONY: pipeline pipeline-locked pipeline-shard slurm FORCE $(OUT)/shards/.listing
FORCE:

# make test-slurm: the pipeline through a real one-node Slurm cluster.
test-slurm: $(if $(NOBUILD),,$(BINS) $(BUILD)/bin/gencorpus)
	@BIN=$(abspath $(BUILD)/bin) CONFIG=$(abspath $(CONFIG)) TOP=$(CURDIR) \
	  sh tests/slurm/cluster.sh >$(BUILD)/test-slurm.log 2>&1; rc=$$?; \
	 cat $(BUILD)/test-slurm.log; \
	 p=$$(grep -c '^ok ' $(BUILD)/test-slurm.log); f=$$(grep -c '^not ok ' $(BUILD)/test-slurm.log); \
	 echo "test-slurm: $$p passed, $$f failed"; [ $$rc -eq 0 ] && [ $$f -eq 0 ]
.PHONY: test-slurm
