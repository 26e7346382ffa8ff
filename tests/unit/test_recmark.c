/* Tests for recmark: buckets of date spans find the same pairs as judging every pair. */
#include "reconcile/recmark.h"

#include <stdio.h>
#include <string.h>

#include "test_common.h"
#include "test_recfixture.h"

#define NCLAIMS 14

struct result {
    int found[2];
    bool mark[2][NCLAIMS];
    bool revision[2];
    double factor[2];
};

typedef int (*markfn)(const struct recclaim *const *, size_t, const struct recconf *,
                      enum recconflict_kind, bool *, struct recconflict *);

/* What recconflict_find() asks: contradictions, then divergences when there are none. */
static void run(markfn fn, const struct recclaim *const *reps, size_t n, struct result *r)
{
    static const enum recconflict_kind kinds[] = {RECCONFLICT_CONTRADICTION,
                                                  RECCONFLICT_DIVERGENCE};
    struct recconf cfg = conf();

    memset(r, 0, sizeof(*r));
    for (size_t k = 0; k < 2; k++) {
        struct recconflict out = {.factor = 1};
        r->found[k] = fn(reps, n, &cfg, kinds[k], r->mark[k], &out);
        r->revision[k] = out.revision;
        r->factor[k] = out.factor;
        if (r->found[k])
            break;
    }
}

static unsigned long next(unsigned long *seed)
{
    *seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
    return (*seed >> 33) % 1000;
}

#define PICK(seed, list) (list)[next(seed) % (sizeof(list) / sizeof((list)[0]))]

/* A random claim i; increments only when increment (a group holds one scope class). */
static void random_claim(struct recclaim *c, size_t i, bool increment, unsigned long *seed)
{
    static const char *const docs[] = {"a", "b", "c"};
    static const char *const dates[] = {"",           "2023-09",    "2023-09-01", "2023-09-01",
                                        "2023-09-05", "2023-10-02", "2023"};
    static const char *const quals[] = {"exact", "approx", "min", "max", "range"};
    static const char *const scopes[] = {"total", "estimate", "unknown"};
    static const char *const attrs[] = {"", "officials"};
    static const char *const anchors[] = {"", "morning"};
    static const char *const texts[] = {"100", "thousands"};
    static const double values[] = {0, 10, 20, 50, 89, 100, 150, 1000, 5000, -30};
    char rec[512];
    double v = PICK(seed, values), w = PICK(seed, values);

    snprintf(rec, sizeof(rec),
             "{\"doc\":\"%s\",\"sid\":%zu,\"start\":%zu,\"date\":\"%s\",\"qualifier\":\"%s\","
             "\"value\":%g,\"low\":%g,\"high\":%g,\"scope\":\"%s\",\"attribution\":\"%s\","
             "\"as_of\":\"%s\",\"text\":\"%s\"}",
             PICK(seed, docs), i, 10 * i, PICK(seed, dates), PICK(seed, quals), v, v < w ? v : w,
             v < w ? w : v, increment ? "increment" : PICK(seed, scopes), PICK(seed, attrs),
             PICK(seed, anchors), PICK(seed, texts));
    mk(c, rec);
}

static void compare_random(bool increment, unsigned long seed, size_t rounds)
{
    struct recclaim c[NCLAIMS];
    const struct recclaim *reps[NCLAIMS];
    struct result fast, slow;
    size_t found = 0;

    for (size_t round = 0; round < rounds; round++) {
        size_t n = 2 + next(&seed) % (NCLAIMS - 1);
        for (size_t i = 0; i < n; i++) {
            random_claim(&c[i], i, increment, &seed);
            reps[i] = &c[i];
        }
        run(recmark_pairs, reps, n, &fast);
        run(recmark_pairwise, reps, n, &slow);
        assert_memory_equal(&fast, &slow, sizeof(fast));
        found += fast.found[0] || fast.found[1];
        release(c, n);
    }
    assert_true(found > rounds / 4); /* the sets are not all quiet */
}

static void test_recmark_pairs_as_pairwise(void **state)
{
    (void)state;
    compare_random(false, 1, 3000);
}

static void test_recmark_pairs_as_pairwise_increments(void **state)
{
    (void)state;
    compare_random(true, 7, 2000);
}

static void test_recmark_pairs_revision(void **state)
{
    struct recclaim c[3];
    const struct recclaim *reps[] = {&c[0], &c[1], &c[2]};
    struct result r;

    (void)state;
    mk(&c[0], "{\"value\":1000,\"date\":\"2020-09-01\"}");
    mk(&c[1], "{\"value\":1200,\"date\":\"2020-09-20\",\"doc\":\"b\"}");
    mk(&c[2], "{\"value\":89,\"date\":\"2020-10\",\"doc\":\"c\"}");
    run(recmark_pairs, reps, 3, &r);
    assert_int_equal(r.found[0], 1);
    assert_true(r.revision[0]);
    assert_true(r.mark[0][0] && r.mark[0][1] && r.mark[0][2]);
    release(c, 3);
}

static void test_recmark_pairs_hedge_excused(void **state)
{
    struct recclaim c[3];
    const struct recclaim *reps[] = {&c[0], &c[1], &c[2]};
    struct result r;

    (void)state;
    /* 20 and its own source's "up to 100" are no conflict; "up to 40" elsewhere is 2.5 from 100 */
    mk(&c[0], "{\"value\":20,\"attribution\":\"officials\",\"sid\":1}");
    mk(&c[1], "{\"value\":100,\"scope\":\"estimate\",\"attribution\":\"officials\",\"sid\":2,"
              "\"start\":9,\"qualifier\":\"max\"}");
    mk(&c[2], "{\"value\":40,\"doc\":\"b\",\"qualifier\":\"max\"}");
    run(recmark_pairs, reps, 3, &r);
    assert_int_equal(r.found[0], 0);
    assert_int_equal(r.found[1], 1);
    assert_false(r.mark[1][0]);
    assert_true(r.mark[1][1] && r.mark[1][2]);
    assert_true(r.factor[1] == 2.5);
    release(c, 3);
}

static void test_recmark_pairs_ordered_dates_not_compared(void **state)
{
    struct recclaim c[2];
    const struct recclaim *reps[] = {&c[0], &c[1]};
    struct result r;

    (void)state;
    /* troops may move either way between reports of different days */
    mk(&c[0], "{\"value\":100,\"date\":\"2020-09-01\",\"category\":\"troops\"}");
    mk(&c[1], "{\"value\":5000,\"date\":\"2020-09-02\",\"doc\":\"b\",\"category\":\"troops\"}");
    run(recmark_pairs, reps, 2, &r);
    assert_int_equal(r.found[0], 0);
    assert_int_equal(r.found[1], 0);
    release(c, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recmark_pairs_as_pairwise),
        cmocka_unit_test(test_recmark_pairs_as_pairwise_increments),
        cmocka_unit_test(test_recmark_pairs_revision),
        cmocka_unit_test(test_recmark_pairs_hedge_excused),
        cmocka_unit_test(test_recmark_pairs_ordered_dates_not_compared),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
