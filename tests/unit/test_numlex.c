#include "test_common.h"

#include <math.h>
#include <stdio.h>
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

/* The longest phrase wins, whatever its length in bytes (a key longer than any buffer too). */
static void test_numlex_match_longest_phrase(void **state)
{
    (void)state;
    struct numlex nl;
    struct numtok_list toks = NUMTOK_LIST_INIT;
    char longword[400], cfg[1024], text[600];
    const json_t *v = NULL;

    memset(longword, 'a', sizeof(longword) - 1);
    longword[sizeof(longword) - 1] = '\0';
    snprintf(cfg, sizeof(cfg),
             "{\"decimal\":\".\",\"group\":[\",\"],\"cardinals\":{\"one\":1},"
             "\"qualifiers\":{\"more\":\"approx\",\"more than\":\"min\",\"no more than\":\"max\","
             "\"x %s\":\"exact\"}}",
             longword);
    assert_int_equal(numlex_load_text(&nl, "en", cfg, "en"), 0);
    assert_int_equal(nl.maxw[NUMLEX_QUALIFIERS], 3);
    snprintf(text, sizeof(text), "No MORE than  more x %s", longword);
    assert_int_equal(numtok_lex(text, strlen(text), &toks), 0);
    assert_int_equal(toks.n, 6);
    assert_int_equal(numlex_match(&nl, NUMLEX_QUALIFIERS, &toks, 0, toks.n, &v), 3);
    assert_string_equal(json_string_value(v), "max");
    assert_int_equal(numlex_match(&nl, NUMLEX_QUALIFIERS, &toks, 1, toks.n, &v), 2);
    assert_string_equal(json_string_value(v), "min");
    assert_int_equal(numlex_match(&nl, NUMLEX_QUALIFIERS, &toks, 1, 2, &v), 1);
    assert_string_equal(json_string_value(v), "approx");
    assert_int_equal(numlex_match(&nl, NUMLEX_QUALIFIERS, &toks, 4, toks.n, &v), 2);
    assert_string_equal(json_string_value(v), "exact");
    assert_int_equal(numlex_match(&nl, NUMLEX_QUALIFIERS, &toks, 4, 5, NULL), 0);
    assert_int_equal(numlex_match(&nl, NUMLEX_QUALIFIERS, &toks, 2, toks.n, NULL), 0);
    assert_int_equal(numlex_match(&nl, NUMLEX_QUALIFIERS, &toks, toks.n, toks.n, NULL), 0);
    assert_int_equal(numlex_match(&nl, NUMLEX_UNITS, &toks, 0, toks.n, NULL), 0);
    numtok_list_release(&toks);
    numlex_release(&nl);
}

static void test_numlex_part_prefix_and_lengths(void **state)
{
    (void)state;
    struct numlex nl;
    bool whole;

    assert_int_equal(numlex_load_text(&nl, "nb",
                                      "{\"decimal\":\",\",\"group\":[\".\"],"
                                      "\"cardinals\":{\"tre\":3,\"tretti\":30},"
                                      "\"multipliers\":{\"hundre\":100},\"months\":[\"mars\"]}",
                                      "nb"),
                     0);
    assert_true(numlex_part_prefix(&nl, "trettifem", 3, &whole) && whole);
    assert_true(numlex_part_prefix(&nl, "trettifem", 4, &whole) && !whole);
    assert_true(numlex_part_prefix(&nl, "trettifem", 6, &whole) && whole);
    assert_false(numlex_part_prefix(&nl, "trettifem", 7, &whole));
    assert_true(numlex_part_prefix(&nl, "hundrede", 6, &whole) && whole);
    assert_false(numlex_part_prefix(&nl, "mars", 2, &whole)); /* months make no compounds */
    assert_true(numlex_hasn(&nl, NUMLEX_MONTHS, "marsj", 4));
    assert_true(numlex_numn(&nl, NUMLEX_CARDINALS, "tretti", 3) == 3);
    assert_true(isnan(numlex_numn(&nl, NUMLEX_CARDINALS, "tretti", 5)));
    assert_true(isnan(numlex_num(&nl, NUMLEX_MONTHS, "mars")));
    assert_true(numlex_tables(&nl, "tre") == NUMLEX_BIT(NUMLEX_CARDINALS));
    assert_true(numlex_tables(&nl, "mars") == NUMLEX_BIT(NUMLEX_MONTHS));
    assert_true(numlex_tables(&nl, "tr") == 0);
    numlex_release(&nl);
}

/* A marked token carries the tables of its fold, and numlex_match() reads the mark. */
static void test_numlex_mark_notes_tables_and_heads(void **state)
{
    (void)state;
    struct numlex nl, other;
    struct numtok_list toks = NUMTOK_LIST_INIT;
    const char *text = "Mer enn tre i mars three";

    assert_int_equal(numlex_load_text(&nl, "nb",
                                      "{\"decimal\":\",\",\"group\":[\".\"],"
                                      "\"cardinals\":{\"tre\":3},\"months\":[\"mars\"],"
                                      "\"qualifiers\":{\"mer enn\":\"min\"}}",
                                      "nb"),
                     0);
    assert_int_equal(numlex_load_text(&other, "en",
                                      "{\"decimal\":\".\",\"group\":[\",\"],"
                                      "\"cardinals\":{\"three\":3}}",
                                      "en"),
                     0);
    assert_int_equal(numtok_lex(text, strlen(text), &toks), 0);
    numlex_mark(&nl, &toks);
    assert_true(toks.marked == &nl);
    assert_true(toks.v[0].tables == 0);
    assert_true(toks.v[0].heads == NUMLEX_BIT(NUMLEX_QUALIFIERS));
    assert_true(numlex_tok_has(&toks.v[2], NUMLEX_CARDINALS));
    assert_false(numlex_tok_has(&toks.v[2], NUMLEX_MONTHS));
    assert_true(toks.v[4].tables == NUMLEX_BIT(NUMLEX_MONTHS));
    assert_int_equal(numlex_match(&nl, NUMLEX_QUALIFIERS, &toks, 0, toks.n, NULL), 2);
    /* marks for one lexicon are not read for another */
    assert_true(toks.v[5].heads == 0);
    assert_int_equal(numlex_match(&other, NUMLEX_CARDINALS, &toks, 5, toks.n, NULL), 1);
    numtok_list_reset(&toks);
    assert_true(toks.marked == NULL);
    numtok_list_release(&toks);
    numlex_release(&other);
    numlex_release(&nl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numlex_load_folds_phrases),
        cmocka_unit_test(test_numlex_load_rejects_bad_config),
        cmocka_unit_test(test_numlex_set_load_finds_languages),
        cmocka_unit_test(test_numlex_match_longest_phrase),
        cmocka_unit_test(test_numlex_part_prefix_and_lengths),
        cmocka_unit_test(test_numlex_mark_notes_tables_and_heads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
