/* Tests for recgroup: what is grouped together, and what is kept apart. */
#include "reconcile/recgroup.h"

#include <stdio.h>
#include <string.h>

#include "test_common.h"
#include "test_recfixture.h"

/* Group c[0..n) and return the number of groups; *same tells whether c[0] and c[1] share one. */
static size_t build(struct recclaim *c, size_t n, bool *same)
{
    struct recgroups gs = {0};
    struct recconf cfg = conf();
    size_t count;

    assert_int_equal(recgroup_build(&gs, c, n, &cfg), 0);
    count = gs.n;
    *same = false;
    for (size_t g = 0; g < gs.n; g++) {
        bool has0 = false, has1 = false;
        for (size_t i = 0; i < gs.v[g].n; i++) {
            has0 |= gs.v[g].idx[i] == 0;
            has1 |= gs.v[g].idx[i] == 1;
        }
        *same |= has0 && has1;
    }
    recgroups_release(&gs);
    return count;
}

static void test_recgroup_build_side(void **state)
{
    struct recclaim c[2];
    bool same;

    (void)state;
    mk(&c[0], "{\"value\":89,\"side\":\"nagorno-karabakh\"}");
    mk(&c[1], "{\"value\":9,\"side\":\"azerbaijan\",\"start\":5}");
    assert_int_equal(build(c, 2, &same), 2);
    assert_false(same);
    release(c, 2);
}

/* A claim's own document decides, found even when the claims do not come sorted by document. */
static void test_recgroup_build_unsorted_documents(void **state)
{
    struct recclaim c[4];
    struct recgroups gs = {0};
    struct recconf cfg = conf();

    (void)state;
    mk(&c[0], "{\"doc\":\"b\",\"side\":\"azerbaijan\"}");
    mk(&c[1], "{\"doc\":\"a\",\"side\":\"armenia\"}");
    mk(&c[2], "{\"doc\":\"b\",\"start\":9}"); /* unnamed side: fits both, joins its doc's */
    mk(&c[3], "{\"doc\":\"c\",\"side\":\"armenia\",\"start\":3}");
    assert_int_equal(recgroup_build(&gs, c, 4, &cfg), 0);
    assert_int_equal(gs.n, 2);
    for (size_t g = 0; g < gs.n; g++) {
        assert_int_equal(gs.v[g].n, 2);
        assert_int_equal(gs.v[g].idx[1] - gs.v[g].idx[0], 2); /* {0, 2} and {1, 3} */
    }
    recgroups_release(&gs);
    release(c, 4);
}

static void test_recgroup_build_part_and_increment(void **state)
{
    struct recclaim c[3];
    bool same;

    (void)state;
    mk(&c[0], "{\"value\":25}");
    mk(&c[1], "{\"value\":2,\"scope\":\"part\",\"start\":5}");
    mk(&c[2], "{\"value\":26,\"scope\":\"increment\",\"start\":9}");
    assert_int_equal(build(c, 3, &same), 3);
    assert_false(same);
    assert_string_equal(recgroup_scope_class("estimate"), "whole");
    assert_string_equal(recgroup_scope_class("part"), "part");
    release(c, 3);
}

static void test_recgroup_build_victim_and_unit(void **state)
{
    struct recclaim c[3];
    bool same;

    (void)state;
    mk(&c[0], "{\"value\":120000,\"victim\":\"civilians\"}");
    mk(&c[1], "{\"value\":30000,\"victim\":\"children\",\"start\":5}");
    mk(&c[2], "{\"value\":50,\"unit\":\"%\",\"start\":9}");
    assert_int_equal(build(c, 3, &same), 3);
    assert_false(same);
    release(c, 3);
}

static void test_recgroup_build_subjects_across_languages(void **state)
{
    struct recclaim c[2];
    bool same;

    (void)state;
    mk(&c[0], "{\"value\":65036,\"subject\":\"personer\",\"lang\":\"nb\"}");
    mk(&c[1], "{\"value\":50000,\"subject\":\"people\",\"doc\":\"b\"}");
    assert_int_equal(build(c, 2, &same), 1);
    assert_true(same);
    release(c, 2);
    /* for 'other', the subject says what is counted */
    mk(&c[0], "{\"value\":60,\"category\":\"other\",\"subject\":\"positions\"}");
    mk(&c[1], "{\"value\":20,\"category\":\"other\",\"subject\":\"vehicles\",\"start\":4}");
    assert_int_equal(build(c, 2, &same), 2);
    release(c, 2);
}

static void test_recgroup_build_periods(void **state)
{
    struct recclaim c[3];
    bool same;

    (void)state;
    mk(&c[0], "{\"value\":25,\"date\":\"2023-09\"}");
    mk(&c[1], "{\"value\":1000,\"date\":\"2020-10\",\"doc\":\"b\"}");
    assert_int_equal(build(c, 2, &same), 2);
    release(c, 2);
    /* days within the window chain into one period */
    mk(&c[0], "{\"value\":25,\"date\":\"2023-09-01\"}");
    mk(&c[1], "{\"value\":30,\"date\":\"2023-09-12\",\"doc\":\"b\"}");
    mk(&c[2], "{\"value\":30,\"date\":\"2023-09-06\",\"doc\":\"c\"}");
    assert_int_equal(build(c, 3, &same), 1);
    release(c, 3);
    mk(&c[0], "{\"value\":25,\"date\":\"2023-09-01\"}");
    mk(&c[1], "{\"value\":30,\"date\":\"2023-09-12\",\"doc\":\"b\"}");
    assert_int_equal(build(c, 2, &same), 2);
    release(c, 2);
}

static void test_recgroup_build_undated(void **state)
{
    struct recclaim c[3];
    bool same;

    (void)state;
    /* one period, and the undated claim fits it: joins */
    mk(&c[0], "{\"value\":100,\"date\":\"\"}");
    mk(&c[1], "{\"value\":100,\"doc\":\"b\"}");
    assert_int_equal(build(c, 2, &same), 1);
    assert_true(same);
    release(c, 2);
    /* it would contradict the period: kept apart */
    mk(&c[0], "{\"value\":500,\"date\":\"\"}");
    mk(&c[1], "{\"value\":100,\"doc\":\"b\"}");
    assert_int_equal(build(c, 2, &same), 2);
    release(c, 2);
    /* two periods: it cannot be placed */
    mk(&c[0], "{\"value\":100,\"date\":\"\"}");
    mk(&c[1], "{\"value\":100,\"doc\":\"b\",\"date\":\"2020-01\"}");
    mk(&c[2], "{\"value\":100,\"doc\":\"c\",\"date\":\"2023-01\"}");
    assert_int_equal(build(c, 3, &same), 3);
    release(c, 3);
}

static void test_recgroup_build_period_label(void **state)
{
    struct recclaim c[2];
    struct recgroups gs = {0};
    struct recconf cfg = conf();

    (void)state;
    mk(&c[0], "{\"value\":25,\"date\":\"2023-09-01\"}");
    mk(&c[1], "{\"value\":30,\"date\":\"2023-09-05\",\"doc\":\"b\"}");
    assert_int_equal(recgroup_build(&gs, c, 2, &cfg), 0);
    assert_int_equal(gs.n, 1);
    assert_string_equal(gs.v[0].period, "2023-09-01..2023-09-05");
    assert_string_equal(gs.v[0].key, "killed|||whole|||x");
    recgroups_release(&gs);
    release(c, 2);
}

static void test_recgroup_build_unnamed_side_joins_named(void **state)
{
    struct recclaim c[2];
    bool same;

    (void)state;
    mk(&c[0], "{\"value\":1000,\"side\":\"\"}");
    mk(&c[1], "{\"value\":5000,\"side\":\"russia\",\"start\":5}");
    assert_int_equal(build(c, 2, &same), 1);
    assert_true(same);
    release(c, 2);
}

/* 89 for one side, 9 for the other, and an unnamed side's 30: 30 fits both, so joins neither. */
static void test_recgroup_build_unnamed_side_never_chains(void **state)
{
    struct recclaim c[3];
    bool same;

    (void)state;
    mk(&c[0], "{\"value\":89,\"side\":\"nagorno-karabakh\"}");
    mk(&c[1], "{\"value\":9,\"side\":\"azerbaijan\",\"start\":5}");
    mk(&c[2], "{\"value\":30,\"side\":\"\",\"start\":9}");
    assert_int_equal(build(c, 3, &same), 3);
    assert_false(same);
    release(c, 3);
}

/* The place nearest each number differs, but one names the other's main place. */
static void test_recgroup_build_place_through_document_place(void **state)
{
    struct recclaim c[3];
    bool same;

    (void)state;
    mk(&c[0], "{\"value\":65036,\"place\":\"armenia\",\"doc_place\":\"karabakh\"}");
    mk(&c[1], "{\"value\":50000,\"place\":\"karabakh\",\"doc_place\":\"karabakh\","
              "\"doc\":\"b\"}");
    mk(&c[2], "{\"value\":70,\"place\":\"sudan\",\"doc_place\":\"sudan\",\"doc\":\"c\"}");
    assert_int_equal(build(c, 3, &same), 2);
    assert_true(same);
    assert_true(recgroup_same_place(&c[0], &c[1]));
    assert_false(recgroup_same_place(&c[0], &c[2]));
    release(c, 3);
}

/* 1000 (side unnamed) fits both sides' clusters: it goes with the claim of its own document. */
static void test_recgroup_build_unnamed_side_prefers_own_document(void **state)
{
    struct recclaim c[4];
    bool same;

    (void)state;
    mk(&c[0], "{\"value\":1000,\"doc\":\"a\",\"date\":\"2023-09-03\"}");
    mk(&c[1], "{\"value\":5000,\"doc\":\"a\",\"start\":5,\"date\":\"2023-09-03\"}");
    mk(&c[2], "{\"value\":89,\"side\":\"nagorno-karabakh\",\"doc\":\"b\",\"date\":\"2023-09-01\"}");
    mk(&c[3], "{\"value\":9,\"side\":\"azerbaijan\",\"doc\":\"b\",\"start\":5,"
              "\"date\":\"2023-09-01\"}");
    assert_int_equal(build(c, 4, &same), 3);
    assert_true(same);
    release(c, 4);
}

/* Many keys (more than the key table first holds) come out as groups in strcmp order of key. */
static void test_recgroup_build_keys_in_order(void **state)
{
    enum { N = 100 };
    struct recclaim c[N];
    struct recgroups gs = {0};
    struct recconf cfg = conf();
    struct buf b = BUF_INIT;

    (void)state;
    for (size_t i = 0; i < N; i++) {
        char over[128];
        snprintf(over, sizeof(over), "{\"unit\":\"u%zu\",\"start\":%zu}", (i * 37) % N, i * 4);
        mk(&c[i], over);
    }
    assert_int_equal(recgroup_key(&b, &c[0], &cfg), 0);
    assert_string_equal(buf_str(&b), "killed|u0||whole|");
    assert_int_equal(recgroup_build(&gs, c, N, &cfg), 0);
    assert_int_equal(gs.n, N);
    for (size_t g = 1; g < gs.n; g++)
        assert_true(strcmp(gs.v[g - 1].key, gs.v[g].key) < 0);
    recgroups_release(&gs);
    buf_release(&b);
    release(c, N);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recgroup_build_side),
        cmocka_unit_test(test_recgroup_build_unsorted_documents),
        cmocka_unit_test(test_recgroup_build_part_and_increment),
        cmocka_unit_test(test_recgroup_build_victim_and_unit),
        cmocka_unit_test(test_recgroup_build_subjects_across_languages),
        cmocka_unit_test(test_recgroup_build_periods),
        cmocka_unit_test(test_recgroup_build_undated),
        cmocka_unit_test(test_recgroup_build_period_label),
        cmocka_unit_test(test_recgroup_build_unnamed_side_joins_named),
        cmocka_unit_test(test_recgroup_build_unnamed_side_never_chains),
        cmocka_unit_test(test_recgroup_build_place_through_document_place),
        cmocka_unit_test(test_recgroup_build_unnamed_side_prefers_own_document),
        cmocka_unit_test(test_recgroup_build_keys_in_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
