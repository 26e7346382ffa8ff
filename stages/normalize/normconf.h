/*
 * normconf: normalize's own thresholds (config/normalize.json) and the
 * number lexicons (config/numbers/) and claim config it works with.
 *
 * normconf_load() fills a caller's struct and owns what it loads;
 * normconf_release() frees it. Errors are reported as "file:line: what"
 * and return -1.
 */
#ifndef NORMCONF_H
#define NORMCONF_H

#include "claim.h"
#include "numlex.h"
#include "wordcache.h"

struct normconf {
    double approx_tolerance;   /* approx: [v(1-t), v(1+t)] */
    double rounding_share;     /* exact: widened by this share of the last rounded place */
    double rounding_max_share; /* ... but by at most this share of the value */
    double rounding_min_zeros; /* only when the value ends in this many zeros */
    double window_sentences;   /* a longer document is annotated this many sentences at a time */
    struct numlex_set lex;
    struct claim_config *claims; /* owned */
    struct wordcache *values;    /* what resolve read number parts as (owned); NULL: none kept */
};

int normconf_load(struct normconf *nc, const char *config_dir);

/* The thresholds alone from a config file (for tests). */
int normconf_load_file(struct normconf *nc, const char *path);

void normconf_release(struct normconf *nc);

#endif
