/* A claim fixture for reconcile's unit tests: mk() builds a complete record and derives it. */
#ifndef TEST_RECFIXTURE_H
#define TEST_RECFIXTURE_H

#include <stdio.h>
#include <unistd.h>

#include <jansson.h>

#include "reconcile/recclaim.h"
#include "reconcile/recconf.h"
#include "test_common.h"

static char *cumulative[] = {"killed", "displaced", NULL};
static char *by_subject[] = {"other", NULL};

static inline struct recconf conf(void)
{
    struct recconf cfg;

    recconf_defaults(&cfg);
    cfg.cumulative = cumulative;
    cfg.by_subject = by_subject;
    return cfg;
}

/* A claim: a complete killed record of doc "a", changed by the fields in over. */
static inline void mk(struct recclaim *c, const char *over)
{
    json_t *rec = json_pack(
        "{s:s,s:i,s:i,s:s,s:f,s:n,s:n,s:s,s:s,s:s,s:s,s:s,s:i,s:b,s:s,s:s,s:s,s:s,s:s,s:s,"
        "s:s,s:s,s:s,s:s}",
        "doc", "a", "start", 0, "end", 2, "text", "10", "value", 10.0, "low", "high", "qualifier",
        "exact", "kind", "cardinal", "unit", "", "category", "killed", "lang", "en", "sid", 0,
        "ambiguous", 0, "date", "2023-09", "as_of", "", "subject", "people", "victim", "", "side",
        "", "scope", "total", "place", "x", "attribution", "", "quote", "q", "source", "");
    json_t *o = json_loads(over, 0, NULL);
    struct recconf cfg = conf();

    assert_non_null(rec);
    assert_non_null(o);
    assert_int_equal(json_object_update(rec, o), 0);
    if (!json_object_get(o, "end")) /* keep end after an overridden start */
        json_object_set_new(rec, "end",
                            json_integer(json_integer_value(json_object_get(rec, "start")) + 2));
    assert_int_equal(recclaim_from_json(c, rec, "t", 1), 1);
    recclaim_derive(c, &cfg);
    json_decref(o);
    json_decref(rec);
}

static inline void release(struct recclaim *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        recclaim_release(&c[i]);
}

/* Run fn with stderr captured into buf (NUL-terminated); returns fn's result. */
static inline int capture_stderr(int (*fn)(void *), void *arg, char *buf, size_t size)
{
    FILE *tmp = tmpfile();
    int saved = dup(2);

    assert_non_null(tmp);
    fflush(stderr);
    dup2(fileno(tmp), 2);
    int rc = fn(arg);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(tmp);
    size_t n = fread(buf, 1, size - 1, tmp);
    buf[n] = '\0';
    fclose(tmp);
    return rc;
}

#endif
