#include "test_common.h"

#include <string.h>

#include "numlex.h"

static void test_numlex_load_folds_phrases(void **state)
{
    (void)state;
    struct numlex nl;
    struct numtok_list toks = NUMTOK_LIST_INIT;
    const json_t *v = NULL;
    const char *text = "Zo\xe2\x80\x99n  120";

    assert_int_equal(numlex_load_text(&nl, "nl",
                                      "{\"decimal\":\",\",\"group\":[\".\"],"
                                      "\"cardinals\":{\"twee\":2},"
                                      "\"qualifiers\":{\"Zo'n\":\"approx\","
                                      "\"meer dan\":\"min\",\"ca.\":\"approx\"}}",
                                      "nl"),
                     0);
    assert_int_equal(nl.decimal, ',');
    assert_true(numlex_has(&nl, NUMLEX_QUALIFIERS, "zo'n"));
    assert_true(numlex_has(&nl, NUMLEX_QUALIFIERS, "ca ."));
    assert_int_equal(numtok_lex(text, strlen(text), &toks), 0);
    assert_int_equal(numlex_match(&nl, NUMLEX_QUALIFIERS, &toks, 0, toks.n, &v), 1);
    assert_string_equal(json_string_value(v), "approx");
    assert_int_equal(numlex_match(&nl, NUMLEX_QUALIFIERS, &toks, 1, toks.n, &v), 0);
    numtok_list_release(&toks);
    numlex_release(&nl);
}

static void test_numlex_load_rejects_bad_config(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "{\"decimal\":\".\",\"group\":[\",\"],\"cardinals\":{},\"qualifers\":{}}",
        "{\"decimal\":\";\",\"group\":[\",\"],\"cardinals\":{}}",
        "{\"group\":[\",\"],\"cardinals\":{}}",
        "{\"decimal\":\".\",\"group\":[\",\"],\"cardinals\":{\"one\":\"1\"}}",
        "{\"decimal\":\".\",\"group\":[\",\"],\"cardinals\":{},\"qualifiers\":{\"x\":\"most\"}}",
        "{\"decimal\":\".\",\"group\":[\",\"],\"cardinals\":{},\"units\":{\"km\":\"distance\"}}",
        "{\"decimal\":\".\",\"group\":[\",\"],\"cardinals\":{},\"months\":\"may\"}",
        "{\"decimal\":\".\",\"group\":[\",\"],\"cardinals\":{},\"years\":[1900]}",
        "{\"decimal\":\".\",\"group\":[\",\"],\"cardinals\":{},"
        "\"qualifier_governors\":{\"over\":\"control\"}}",
        "{\"decimal\":\".\",\"group\":[\",\"],\"cardinals\":{},"
        "\"qualifier_governors\":{\"over\":[1]}}",
        "{\"decimal\":\".\",\"group\":[\",\"],\"cardinals\":{},\"fraction_joins\":{\"over\":1}}",
        "[1]",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
        struct numlex nl;
        assert_int_equal(numlex_load_text(&nl, "x.json", bad[i], "x"), -1);
        assert_null(nl.lang);
    }
}

static void test_numlex_set_load_finds_languages(void **state)
{
    (void)state;
    struct numlex_set set;

    assert_int_equal(numlex_set_load(&set, "config"), 0);
    assert_non_null(numlex_set_find(&set, "nb"));
    assert_string_equal(numlex_set_find(&set, "nb")->lang, "nb");
    assert_string_equal(numlex_set_find(&set, "xx")->lang, "en");
    numlex_set_release(&set);
    assert_int_equal(numlex_set_load(&set, "/nonexistent"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numlex_load_folds_phrases),
        cmocka_unit_test(test_numlex_load_rejects_bad_config),
        cmocka_unit_test(test_numlex_set_load_finds_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
