#include "test_common.h"

#include <string.h>

#include "tokenize/markidx.h"
#include "tokenize_fixture.h"

static size_t lang_of(const char *code)
{
    return (size_t)(tokconf_lang_get(&tc, code) - tc.langs);
}

/* Every marker word counts exactly for the languages whose lists hold it. */
static void test_markidx_count_matches_lists(void **state)
{
    (void)state;
    struct markidx mi;
    size_t hits[16];

    assert_true(tc.nlangs <= 16);
    assert_int_equal(markidx_init(&mi, &tc), 0);
    for (size_t i = 0; i < tc.nlangs; i++) {
        const struct tokwords *ws = &tc.langs[i].markers;
        for (size_t k = 0; k < ws->n; k++) {
            const char *w = ws->words[k];
            memset(hits, 0, sizeof(hits));
            markidx_count(&mi, w, strlen(w), hits);
            for (size_t j = 0; j < tc.nlangs; j++)
                assert_int_equal(hits[j], tokwords_has(&tc.langs[j].markers, w, strlen(w)));
        }
    }
    markidx_release(&mi);
}

static void test_markidx_count_unknown_and_prefix(void **state)
{
    (void)state;
    struct markidx mi;
    size_t hits[16] = {0};
    size_t inb = lang_of("nb");

    assert_int_equal(markidx_init(&mi, &tc), 0);
    markidx_count(&mi, "zzqxw", 5, hits);
    markidx_count(&mi, "", 0, hits);
    for (size_t j = 0; j < tc.nlangs; j++)
        assert_int_equal(hits[j], 0);
    assert_true(tokwords_has(&tc.langs[inb].markers, "ikke", 4));
    markidx_count(&mi, "ikkex", 4, hits); /* only the first len bytes count */
    assert_int_equal(hits[inb], 1);
    markidx_count(&mi, "ikk", 3, hits);
    assert_int_equal(hits[inb], 1);
    markidx_release(&mi);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markidx_count_matches_lists),
        cmocka_unit_test(test_markidx_count_unknown_and_prefix),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
