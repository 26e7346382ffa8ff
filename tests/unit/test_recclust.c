/* Tests for recclust: which cluster each claim of a run joins. */
#include "reconcile/recclust.h"

#include "test_common.h"
#include "test_recfixture.h"

/* Assign c[0..n) with the given document numbers; cluster gets the result. */
static void assign(struct recclaim *c, const size_t *doc, size_t n, size_t *cluster)
{
    const struct recclaim *p[8];

    for (size_t i = 0; i < n; i++)
        p[i] = &c[i];
    assert_int_equal(recclust_assign(p, doc, n, cluster), 0);
}

static void test_recclust_assign_same_place_joins(void **state)
{
    struct recclaim c[2];
    size_t doc[] = {0, 1}, cl[2];

    (void)state;
    mk(&c[0], "{\"place\":\"baku\"}");
    mk(&c[1], "{\"doc\":\"b\",\"place\":\"baku\",\"value\":12}");
    assign(c, doc, 2, cl);
    assert_int_equal(cl[0], 0);
    assert_int_equal(cl[1], 0);
    release(c, 2);
}

/* Two named sides apart; an unnamed side that fits both opens a third cluster. */
static void test_recclust_assign_unnamed_side_stays_apart(void **state)
{
    struct recclaim c[3];
    size_t doc[] = {0, 1, 2}, cl[3];

    (void)state;
    mk(&c[0], "{\"side\":\"armenia\"}");
    mk(&c[1], "{\"doc\":\"b\",\"side\":\"azerbaijan\"}");
    mk(&c[2], "{\"doc\":\"c\"}");
    assign(c, doc, 3, cl);
    assert_int_equal(cl[0], 0);
    assert_int_equal(cl[1], 1);
    assert_int_equal(cl[2], 2);
    release(c, 3);
}

/* ...unless one of the clusters it fits holds a claim of its own document. */
static void test_recclust_assign_own_document_decides(void **state)
{
    struct recclaim c[4];
    size_t doc[] = {0, 1, 1, 2}, cl[4];

    (void)state;
    mk(&c[0], "{\"side\":\"armenia\"}");
    mk(&c[1], "{\"doc\":\"b\",\"side\":\"azerbaijan\"}");
    mk(&c[2], "{\"doc\":\"b\",\"start\":9}");
    mk(&c[3], "{\"doc\":\"c\",\"side\":\"armenia\"}");
    assign(c, doc, 4, cl);
    assert_int_equal(cl[2], 1);
    assert_int_equal(cl[3], 0); /* cluster 1 now holds azerbaijan, which armenia does not fit */
    release(c, 4);
}

static void test_recclust_assign_place_mismatch_and_empty(void **state)
{
    struct recclaim c[2];
    size_t doc[] = {0, 1}, cl[2];

    (void)state;
    mk(&c[0], "{\"place\":\"baku\"}");
    mk(&c[1], "{\"doc\":\"b\",\"place\":\"gyumri\"}");
    assign(c, doc, 2, cl);
    assert_int_equal(cl[0], 0);
    assert_int_equal(cl[1], 1);
    assert_int_equal(recclust_assign(NULL, NULL, 0, cl), 0);
    release(c, 2);
}

/* With more signatures than the table of fits holds, each fit is judged as it comes: the same. */
static void test_recclust_assign_many_signatures(void **state)
{
    enum { N = 300 };
    struct recclaim *c = calloc(N + 1, sizeof(*c));
    const struct recclaim **p = calloc(N + 1, sizeof(*p));
    size_t *doc = calloc(N + 1, sizeof(*doc)), *cl = calloc(N + 1, sizeof(*cl));
    char over[64];

    (void)state;
    assert_true(c && p && doc && cl);
    for (size_t i = 0; i < N; i++) {
        snprintf(over, sizeof(over), "{\"place\":\"p%zu\",\"doc_place\":\"\"}", i % 290);
        mk(&c[i], over);
        p[i] = &c[i];
        doc[i] = i;
    }
    mk(&c[N], "{\"place\":\"p7\",\"doc_place\":\"q\"}"); /* a signature of its own */
    p[N] = &c[N];
    doc[N] = N;
    assert_int_equal(recclust_assign(p, doc, N + 1, cl), 0);
    assert_int_equal(cl[0], 0);
    assert_int_equal(cl[289], 289);
    assert_int_equal(cl[290], 0); /* p0 again */
    assert_int_equal(cl[299], 9);
    assert_int_equal(cl[N], 7); /* shares p7 with the cluster of claims 7 and 297 */
    release(c, N + 1);
    free(c);
    free(p);
    free(doc);
    free(cl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recclust_assign_same_place_joins),
        cmocka_unit_test(test_recclust_assign_unnamed_side_stays_apart),
        cmocka_unit_test(test_recclust_assign_own_document_decides),
        cmocka_unit_test(test_recclust_assign_place_mismatch_and_empty),
        cmocka_unit_test(test_recclust_assign_many_signatures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
