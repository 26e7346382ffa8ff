#include "recnote.h"

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "csvout.h"
#include "err.h"

int recnote_number(struct buf *b, double v)
{
    char digits[400]; /* DBL_MAX has 309 digits */
    /* Beyond 1e15 a double has no cents to round, and v * 100 may overflow. */
    double r = fabs(v) < 1e15 ? round(v * 100) / 100 : v;

    csvout_format_num(digits, sizeof(digits), r);
    const char *p = digits;
    if (*p == '-' && buf_addch(b, *p++) < 0)
        return -1;
    size_t intlen = strcspn(p, ".");
    for (size_t i = 0; i < intlen; i++) {
        if (i && (intlen - i) % 3 == 0 && buf_addch(b, ',') < 0)
            return -1;
        if (buf_addch(b, p[i]) < 0)
            return -1;
    }
    return buf_addstr(b, p + intlen);
}

int recnote_figure(struct buf *b, const struct recclaim *c)
{
    const char *q = c->qualifier;
    const char *word = strcmp(q, "approx") == 0 ? "about "
                       : strcmp(q, "min") == 0  ? "more than "
                       : strcmp(q, "max") == 0  ? "up to "
                                                : "";

    if (buf_addstr(b, word) < 0)
        return -1;
    if (strcmp(q, "range") == 0)
        return recnote_number(b, c->low) < 0 || buf_addch(b, '-') < 0 ||
                       recnote_number(b, c->high) < 0
                   ? -1
                   : 0;
    if (recnote_number(b, c->value) < 0)
        return -1;
    return *c->unit ? buf_addstr(b, strcmp(c->unit, "%") == 0 ? "" : " ") < 0 ||
                              buf_addstr(b, c->unit) < 0
                          ? -1
                          : 0
                    : 0;
}

/* Whether members disagree on the text of a field (offset of a const char * in recclaim). */
static bool recnote_differ(const struct recclaim *claims, const struct recconflict *cf,
                           size_t offset)
{
    const char *first = *(const char *const *)((const char *)&claims[cf->members[0]] + offset);

    for (size_t i = 1; i < cf->n; i++) {
        const char *s = *(const char *const *)((const char *)&claims[cf->members[i]] + offset);
        if (strcmp(first, s) != 0)
            return true;
    }
    return false;
}

/* "65,036 (doc, attribution, time)" */
static int recnote_member(struct buf *b, const struct recclaim *c, bool show_date)
{
    if (recnote_figure(b, c) < 0 || buf_addstr(b, " (") < 0 || buf_addstr(b, c->doc) < 0)
        return -1;
    if (*c->attribution && (buf_addstr(b, ", ") < 0 || buf_addstr(b, c->attribution) < 0))
        return -1;
    if (*c->as_of && (buf_addstr(b, ", ") < 0 || buf_addstr(b, c->as_of) < 0))
        return -1;
    if (show_date && (buf_addstr(b, ", ") < 0 || buf_addstr(b, *c->date ? c->date : "undated") < 0))
        return -1;
    return buf_addch(b, ')');
}

/*
 * The reports may be of different times: their time anchors differ, or
 * they come from different documents whose dates do not pin down the day.
 */
static bool recnote_times_unclear(const struct recclaim *claims, const struct recconflict *cf)
{
    if (recnote_differ(claims, cf, offsetof(struct recclaim, as_of)))
        return true;
    if (!recnote_differ(claims, cf, offsetof(struct recclaim, doc)))
        return false;
    for (size_t i = 0; i < cf->n; i++) {
        const struct recclaim *c = &claims[cf->members[i]];
        if (!c->dated || c->when.first != c->when.last)
            return true;
    }
    return recnote_differ(claims, cf, offsetof(struct recclaim, date));
}

static bool recnote_sources_differ(const struct recclaim *claims, const struct recconflict *cf)
{
    return recnote_differ(claims, cf, offsetof(struct recclaim, doc)) ||
           recnote_differ(claims, cf, offsetof(struct recclaim, attribution));
}

static bool recnote_has_estimate(const struct recclaim *claims, const struct recconflict *cf)
{
    for (size_t i = 0; i < cf->n; i++)
        if (strcmp(claims[cf->members[i]].scope, "estimate") == 0)
            return true;
    return false;
}

static int recnote_contradiction(struct buf *b, const struct recclaim *claims,
                                 const struct recconflict *cf)
{
    bool times = recnote_times_unclear(claims, cf);
    bool sources = recnote_sources_differ(claims, cf);

    if (cf->revision)
        return buf_addstr(b, "a running total fell between reports: revised down?");
    if (!times && !sources)
        return buf_addstr(b, "the figures cannot all be true");
    if (times && buf_addstr(b, "different reporting times") < 0)
        return -1;
    if (times && sources && buf_addstr(b, " or ") < 0)
        return -1;
    if (sources && buf_addstr(b, "different sources") < 0)
        return -1;
    return buf_addch(b, '?');
}

static int recnote_divergence(struct buf *b, const struct recclaim *claims,
                              const struct recconflict *cf)
{
    char factor[64];

    csvout_format_num(factor, sizeof(factor), round(cf->factor * 10) / 10);
    if (buf_addstr(b, "both can hold, but the estimates differ by a factor of ") < 0 ||
        buf_addstr(b, isfinite(cf->factor) ? factor : "more than any bound") < 0)
        return -1;
    if (recnote_has_estimate(claims, cf) &&
        buf_addstr(b, "; an estimate beside a confirmed count") < 0)
        return -1;
    if (recnote_sources_differ(claims, cf) && buf_addstr(b, "; different sources") < 0)
        return -1;
    return 0;
}

char *recnote_text(const struct recclaim *claims, const struct recconflict *cf)
{
    struct buf b = BUF_INIT;
    bool show_date = recnote_differ(claims, cf, offsetof(struct recclaim, date));
    int rc = 0;

    for (size_t i = 0; i < cf->n && rc == 0; i++) {
        if (i && buf_addstr(&b, " vs ") < 0)
            rc = -1;
        else
            rc = recnote_member(&b, &claims[cf->members[i]], show_date);
    }
    if (rc == 0 && cf->n)
        rc = buf_addstr(&b, ": ");
    if (rc == 0)
        rc = cf->kind == RECCONFLICT_DIVERGENCE ? recnote_divergence(&b, claims, cf)
                                                : recnote_contradiction(&b, claims, cf);
    if (rc < 0) {
        buf_release(&b);
        error_at(NULL, 0, "out of memory");
        return NULL;
    }
    return buf_detach(&b);
}
