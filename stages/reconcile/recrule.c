#include "recrule.h"

#include <stdbool.h>
#include <string.h>

#include "recgroup.h"

static bool recrule_same_source(const struct recclaim *a, const struct recclaim *b)
{
    if (a->doc != b->doc && strcmp(a->doc, b->doc) != 0)
        return false;
    return a->sid == b->sid || (*a->attribution && strcmp(a->attribution, b->attribution) == 0);
}

/* est is an estimate at or above the count c. */
static bool recrule_hedges(const struct recclaim *est, const struct recclaim *c)
{
    return strcmp(est->scope, "estimate") == 0 && strcmp(c->scope, "estimate") != 0 &&
           est->est >= c->est;
}

static bool recrule_same_day(const struct recclaim *a, const struct recclaim *b)
{
    return a->dated && b->dated && a->when.first == a->when.last && b->when.first == b->when.last &&
           a->when.first == b->when.first && strcmp(a->as_of, b->as_of) == 0;
}

/* earlier and later are reports of different dates. */
static enum recrule_verdict recrule_dated(const struct recclaim *earlier,
                                          const struct recclaim *later, const struct recconf *cfg)
{
    if (!recconf_cumulative(cfg, earlier->category))
        return RECRULE_UPDATE;
    return later->hi < earlier->lo ? RECRULE_REVISION : RECRULE_UPDATE;
}

bool recrule_hedge(const struct recclaim *a, const struct recclaim *b)
{
    return recrule_same_source(a, b) && (recrule_hedges(a, b) || recrule_hedges(b, a));
}

enum recrule_verdict recrule_pair(const struct recclaim *a, const struct recclaim *b,
                                  const struct recconf *cfg)
{
    if (recrule_hedge(a, b))
        return RECRULE_HEDGE;
    /* recgroup_scope_class() is "increment" exactly for that scope; this runs for every pair */
    if (strcmp(a->scope, "increment") == 0 || strcmp(b->scope, "increment") == 0)
        return recrule_same_day(a, b) ? RECRULE_COMPARE : RECRULE_INCREMENT;
    if (a->dated && b->dated && recdate_before(&a->when, &b->when))
        return recrule_dated(a, b, cfg);
    if (a->dated && b->dated && recdate_before(&b->when, &a->when))
        return recrule_dated(b, a, cfg);
    return RECRULE_COMPARE;
}

const char *recrule_name(enum recrule_verdict v)
{
    switch (v) {
    case RECRULE_COMPARE:
        return "compare";
    case RECRULE_HEDGE:
        return "hedge";
    case RECRULE_INCREMENT:
        return "increment";
    case RECRULE_UPDATE:
        return "update";
    case RECRULE_REVISION:
        return "revision";
    }
    return "?";
}
