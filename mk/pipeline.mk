# make pipeline IN=dir OUT=dir [STRICT=1] [WAIT=1]
#
# Each stage exits 0 (all processed), 1 (finished, some documents skipped:
# named on stderr and in summary.json) or 2 (could not complete; its output
# is not written). A run succeeds when it completed; with STRICT=1 it also
# fails when any document was skipped. Quiet when all is well (cron mails
# only what matters). A lock on OUT keeps two runs from interleaving: the
# second fails at once, or waits with WAIT=1.
#
# Make's timestamps miss a file that vanished or an IN that now names
# another folder, so $(OUT)/.inputs records what tokens.jsonl was made from
# (paths, sizes, times) and is rewritten only when that changes.
STAGE_OK = || [ $$? -eq 1 ]
LOCK_BUSY := 75
# NOBUILD=1 runs the binaries as they are (the tests run the build they test).
bin = $(if $(NOBUILD),,$(BUILD)/bin/$(1))

pipeline:
	@mkdir -p $(OUT)
	@flock $(if $(WAIT),,-n) -E $(LOCK_BUSY) $(OUT)/.lock $(MAKE) --no-print-directory \
	  pipeline-locked; rc=$$?; \
	 if [ $$rc -eq $(LOCK_BUSY) ]; then \
	   echo "pipeline: $(OUT) is in use by another run (make pipeline WAIT=1 waits)" >&2; fi; \
	 exit $$rc

pipeline-locked: $(OUT)/claims.csv
	@if [ -n "$(STRICT)" ] && grep -l '"skipped":\[{' $(OUT)/*.stats.json >/dev/null 2>&1; then \
	  echo "pipeline: STRICT=1 and documents were skipped (see $(OUT)/summary.json)" >&2; \
	  exit 1; fi

$(OUT)/.inputs: FORCE
	@mkdir -p $(OUT)
	@{ echo "in $(abspath $(IN))"; find -L $(IN) \( -name '*.txt' -o -name manifest.csv \) \
	   -exec stat -L -c '%n %s %Y' {} + 2>&1 | LC_ALL=C sort; } >$@.new; \
	 if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi

$(OUT)/tokens.jsonl: $(OUT)/.inputs $(wildcard $(CONFIG)/lang/*.json $(CONFIG)/tokenize.json) \
		$(call bin,tokenize)
	@$(BUILD)/bin/tokenize -c $(CONFIG) -s $(OUT)/tokenize.stats.json -o $@ $(IN) $(STAGE_OK)
$(OUT)/mentions.jsonl: $(OUT)/tokens.jsonl $(wildcard $(CONFIG)/numbers/*.json) $(call bin,extract)
	@$(BUILD)/bin/extract -c $(CONFIG) -s $(OUT)/extract.stats.json -o $@ $< $(STAGE_OK)
$(OUT)/normalized.jsonl: $(OUT)/mentions.jsonl $(wildcard $(CONFIG)/numbers/*.json \
		$(CONFIG)/claims/*.json $(CONFIG)/places.json $(CONFIG)/normalize.json) \
		$(call bin,normalize)
	@$(BUILD)/bin/normalize -c $(CONFIG) -s $(OUT)/normalize.stats.json -o $@ $< $(STAGE_OK)
$(OUT)/claims.csv: $(OUT)/normalized.jsonl $(wildcard $(CONFIG)/reconcile.json) \
		$(call bin,reconcile)
	@$(BUILD)/bin/reconcile -c $(CONFIG) -o $(OUT) -s $(OUT)/reconcile.stats.json \
	  -S $(OUT)/tokenize.stats.json -S $(OUT)/extract.stats.json \
	  -S $(OUT)/normalize.stats.json $< $(STAGE_OK)

.PHONY: pipeline pipeline-locked FORCE
FORCE:
