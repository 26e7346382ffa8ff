/*
 * recconf: reconcile's thresholds, read from config/reconcile.json.
 *
 * Every setting must come with a reason in the file's "reasons" object, so
 * that a threshold is never a bare number. Unknown keys, wrong types and
 * settings without a reason are errors reported as "file:line: key 'k' what".
 * The struct is the caller's; recconf_release() frees what it holds.
 */
#ifndef RECCONF_H
#define RECCONF_H

#include <stdbool.h>
#include <stddef.h>

struct recconf {
    double approx_tolerance;   /* "about v" allows [v(1-t), v(1+t)] */
    double rounding_max_share; /* cap on the widening of a round exact number, share of v */
    double divergence_factor;  /* compatible estimates further apart than this diverge */
    double period_window_days; /* dated claims this close (in days) share a period */
    char **cumulative;         /* categories whose totals only grow (NULL-terminated) */
    char **by_subject;         /* categories whose subject names what is counted */
};

/* Load path into cfg. Returns 0, or -1 after reporting. */
int recconf_load(struct recconf *cfg, const char *path);

/* The built-in values (used by tests and as a starting point). */
void recconf_defaults(struct recconf *cfg);

void recconf_release(struct recconf *cfg);

/* Whether category counts only grow over time (killed, displaced, ...). */
bool recconf_cumulative(const struct recconf *cfg, const char *category);

/* Whether claims of category are grouped by subject too ("other": villages, vehicles). */
bool recconf_by_subject(const struct recconf *cfg, const char *category);

#endif
