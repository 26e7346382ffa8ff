# make pipeline IN=dir OUT=dir [STRICT=1]
# Each stage exits 0 (all processed), 1 (finished, some documents skipped:
# named on stderr and in summary.json) or 2 (could not complete). Exit 1
# fails the run only with STRICT=1.
OK1 = $(if $(STRICT),,|| [ $$? -eq 1 ])
IN_FILES := $(shell find -L $(IN) -name '*.txt' -type f 2>/dev/null | LC_ALL=C sort)

pipeline: $(OUT)/claims.csv

$(OUT)/tokens.jsonl: $(IN_FILES) $(wildcard $(IN)/manifest.csv) $(wildcard $(CONFIG)/lang/*.json) \
		$(CONFIG)/tokenize.json $(BUILD)/bin/tokenize
	@mkdir -p $(OUT)
	$(BUILD)/bin/tokenize -c $(CONFIG) -s $(OUT)/tokenize.stats.json -o $@ $(IN) $(OK1)
$(OUT)/mentions.jsonl: $(OUT)/tokens.jsonl $(wildcard $(CONFIG)/numbers/*.json) $(BUILD)/bin/extract
	$(BUILD)/bin/extract -c $(CONFIG) -s $(OUT)/extract.stats.json -o $@ $< $(OK1)
$(OUT)/normalized.jsonl: $(OUT)/mentions.jsonl $(wildcard $(CONFIG)/numbers/*.json) \
		$(wildcard $(CONFIG)/claims/*.json) $(wildcard $(CONFIG)/*.json) $(BUILD)/bin/normalize
	$(BUILD)/bin/normalize -c $(CONFIG) -s $(OUT)/normalize.stats.json -o $@ $< $(OK1)
$(OUT)/claims.csv: $(OUT)/normalized.jsonl $(CONFIG)/reconcile.json $(BUILD)/bin/reconcile
	$(BUILD)/bin/reconcile -c $(CONFIG) -o $(OUT) \
	  -S $(OUT)/tokenize.stats.json -S $(OUT)/extract.stats.json \
	  -S $(OUT)/normalize.stats.json $< $(OK1)
