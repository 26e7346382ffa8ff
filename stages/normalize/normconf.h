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

#include <pthread.h>
#include <stdbool.h>

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

/*
 * A second normconf, loaded on a thread of its own while the caller loads
 * the first, for the part of the input that a second thread will do (its
 * caches are its own): that part then starts at once, not after a load of
 * its own. Its messages are dropped: a config that fails to load fails the
 * caller's load too, and a part that gets no spare loads its own and says
 * why.
 */
struct normconf_spare {
    struct normconf nc;
    const char *config_dir;
    pthread_t thread;
    bool started, joined, taken;
    int rc; /* normconf_load()'s, once joined */
};

/* Start loading (nothing happens when no thread can start). */
void normconf_spare_start(struct normconf_spare *s, const char *config_dir);

/*
 * The spare, loaded: the caller owns it then and releases it with
 * normconf_release(). NULL when none was started, it failed, or it was
 * taken already. Waits for the load to end.
 */
struct normconf *normconf_spare_take(struct normconf_spare *s);

/* Wait for the load, and release the spare unless it was taken. */
void normconf_spare_release(struct normconf_spare *s);

#endif
