/*
 * reconcile: the stage's work, from normalized.jsonl files to claims.csv,
 * conflicts.csv and summary.json in one folder (DESIGN.md).
 *
 * The three outputs are written to temporary files and renamed into place
 * only when all three were written and flushed, so a failed run leaves the
 * previous outputs alone. Returns an exit status of common/err.h:
 * STAGE_OK, STAGE_SKIPPED (malformed lines or stats files were skipped,
 * each reported) or STAGE_FATAL (nothing usable written).
 */
#ifndef RECONCILE_H
#define RECONCILE_H

#include <stddef.h>

#include "recconf.h"

struct reconcile_opts {
    const char *out_dir;
    const char *stats;              /* -s: our own figures, or NULL */
    const char *const *stage_stats; /* -S files */
    size_t n_stage_stats;
    const char *const *inputs; /* "-" is stdin */
    size_t n_inputs;
    int threads; /* >= 1: a file is read in that many parts at once (par.h) */
};

int reconcile_run(const struct recconf *cfg, const struct reconcile_opts *opts);

#endif
