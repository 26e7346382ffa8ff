#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokenize/markidx.h"
#include "tokenize/markmemo.h"
#include "tokenize/tokwords.h"
#include "tokenize_fixture.h"

static struct markidx marks;
static struct markmemo memo;

static int setup_memo(void **state)
{
    if (setup(state) != 0 || tc.nlangs > 16 || markidx_init(&marks, &tc) < 0)
        return -1;
    return markmemo_init(&memo, tc.nlangs);
}

static int teardown_memo(void **state)
{
    markmemo_release(&memo);
    markidx_release(&marks);
    return teardown(state);
}

/* The memo's hits for w equal a fresh fold and lookup; returns their total. */
static size_t same_hits(const char *w)
{
    size_t want[16] = {0}, got[16] = {0}, flen, total = 0;
    char *f = tokwords_fold(w, strlen(w), &flen);

    if (f)
        markidx_count(&marks, f, flen, want);
    free(f);
    markmemo_count(&memo, &marks, w, strlen(w), tokwords_fold, got);
    for (size_t i = 0; i < tc.nlangs; i++) {
        assert_int_equal(got[i], want[i]);
        total += got[i];
    }
    return total;
}

static void test_markmemo_matches_fold(void **state)
{
    (void)state;
    static const char *const words[] = {
        "og",
        "OG",
        "Og",
        "ikke",
        "IKKE",
        "nå",
        "NÅ",
        "är",
        "ÄR",
        "och",
        "the",
        "The",
        "und",
        "niet",
        "het",
        "xyzzy",
        "Grüße",
        "straße",
        "STRASSE",
        "ﬁ",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    };
    size_t hits = 0;

    for (int round = 0; round < 3; round++) /* first seen, then remembered */
        for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
            hits += same_hits(words[i]);
    assert_true(hits > 20);
}

static void test_markmemo_survives_emptying(void **state)
{
    (void)state;
    char w[32];

    for (int i = 0; i < 70000; i++) {
        snprintf(w, sizeof(w), "w%dx", i);
        assert_int_equal(same_hits(w), 0);
    }
    assert_true(memo.nwords < 70000);
    assert_true(same_hits("og") > 0);
    assert_true(same_hits("och") > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markmemo_matches_fold),
        cmocka_unit_test(test_markmemo_survives_emptying),
    };
    return cmocka_run_group_tests(tests, setup_memo, teardown_memo);
}
