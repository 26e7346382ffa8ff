#include "test_common.h"

#include <regex.h>
#include <string.h>

#include "tokenize/refilter.h"
#include "tokenize_fixture.h"

static bool may(const char *re, const char *text)
{
    struct refilter f;

    assert_int_equal(refilter_init(&f, re), 0);
    bool r = refilter_may_match(&f, text, strlen(text));
    refilter_release(&f);
    return r;
}

static enum refilter_kind kind(const char *re)
{
    struct refilter f;

    assert_int_equal(refilter_init(&f, re), 0);
    enum refilter_kind k = f.kind;
    refilter_release(&f);
    return k;
}

static void test_refilter_init_kinds(void **state)
{
    (void)state;
    assert_int_equal(kind("^video:.*$"), REFILTER_FIRST);
    assert_int_equal(kind("^(read more|related)(:.*)?$"), REFILTER_FIRST);
    assert_int_equal(kind("^\\([0-9]+\\)$"), REFILTER_FIRST);
    assert_int_equal(kind("^(comments? ?\\(|[0-9]+ comments?)$"), REFILTER_FIRST);
    assert_int_equal(kind("les mer lukk$"), REFILTER_LITERAL);
    assert_int_equal(kind("<[ ]*/?[ ]*[a-z]"), REFILTER_LITERAL);
    /* no condition: a top-level '|', an optional or unknown first element */
    assert_int_equal(kind("^abc|x"), REFILTER_NONE);
    assert_int_equal(kind("^a?b"), REFILTER_NONE);
    assert_int_equal(kind("^(ab)*c"), REFILTER_NONE);
    assert_int_equal(kind("^(a|)b"), REFILTER_NONE);
    assert_int_equal(kind("^.x"), REFILTER_NONE);
    assert_int_equal(kind("^[^a]"), REFILTER_NONE);
    assert_int_equal(kind("^[[:alpha:]]"), REFILTER_NONE);
    assert_int_equal(kind("^\\<a"), REFILTER_NONE);
    assert_int_equal(kind("a?bc"), REFILTER_NONE);
    assert_int_equal(kind("(ab)c"), REFILTER_NONE);
}

static void test_refilter_may_match_first_byte(void **state)
{
    (void)state;
    const char *re = "^(read more|see also|[0-9]+ comments?)(:.*)?$";

    assert_true(may(re, "read more: here"));
    assert_true(may(re, "see also"));
    assert_true(may(re, "12 comments"));
    assert_true(may(re, "results")); /* 'r' may start a match, regexec decides */
    assert_false(may(re, "the end"));
    assert_false(may(re, ""));
    assert_false(may("^\\(x", "x"));
    assert_true(may("^\\(x", "(x"));
    assert_true(may("^[a-c]+d", "bd"));
    assert_true(may("^source:?$", "source"));
    assert_true(may("^source:?$", "sources")); /* the prefix holds, regexec decides */
    assert_false(may("^source:?$", "sour"));
    assert_false(may("^source:?$", "see"));
    assert_true(may("^kommentare? ?\\(", "kommentar (1)"));
    assert_false(may("^kommentare? ?\\(", "kommando"));
    assert_true(may("^\\(artikkelen (under|etter)", "(artikkelen etter"));
    assert_false(may("^\\(artikkelen (under|etter)", "(artikler"));
    assert_true(may("^(annonse|reklame)$", "reklame"));
    assert_false(may("^(annonse|reklame)$", "russland"));
    assert_false(may("^(annonse|reklame)$", "annen"));
    assert_true(may("^(les (også|mer)|se også)(:.*)?$", "les mer: x"));
    assert_false(may("^(les (også|mer)|se også)(:.*)?$", "sedan"));
    assert_true(may("^(comments? ?\\(|[0-9]+ comments?)$", "12 comments")); /* no literal in one */
    assert_true(may("^(sponsored( content)?|ad)$", "sponsored content"));
    assert_false(may("^(sponsored( content)?|ad)$", "sponsor"));
    assert_false(may("^[a-c]+d", "dd"));
}

static void test_refilter_may_match_literal(void **state)
{
    (void)state;
    assert_true(may("les mer lukk$", "du kan les mer lukk"));
    assert_false(may("les mer lukk$", "les mer"));
    assert_true(may("ab+c", "xabbc")); /* "ab" is required, not "abc" */
    assert_false(may("ab+c", "xacb"));
    assert_true(may("abc?", "xab"));
    assert_true(may("\\.5", "a.5"));
    assert_false(may("\\.5", "a5"));
    assert_true(may("x|y", "y")); /* no condition */
}

static bool may_start(const char *re, unsigned char b)
{
    struct refilter f;

    assert_int_equal(refilter_init(&f, re), 0);
    bool r = refilter_may_start(&f, b);
    refilter_release(&f);
    return r;
}

static void test_refilter_may_start_first_byte(void **state)
{
    (void)state;
    assert_true(may_start("^(read more|see also)", 'r'));
    assert_true(may_start("^(read more|see also)", 's'));
    assert_false(may_start("^(read more|see also)", 'x'));
    assert_false(may_start("^source:?$", 0xC3));
    assert_true(may_start("les mer lukk$", 'x')); /* not anchored: any byte */
    assert_true(may_start("^a?b", 'x'));          /* no condition */
}

/* Wherever the filter says no, regexec finds nothing, for every pattern of the config. */
static void test_refilter_agrees_with_regexec(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "read more: the war",
        "les mer lukk",
        "(artikkelen fortsetter under bildet)",
        "< p>however, the peacekeepers",
        "video: the convoy",
        "[image_1]",
        "(12)",
        "kommentarer (3)",
        "annonse",
        "källa:",
        "läs också: kriget",
        "your browser doesn't support html5 video",
        "12 comments",
        "source",
        "sources: none",
        "kommentare (1)",
        "anzeige",
        "anzeigen",
        "reacties (4)",
        "sinds zondag",
        "armenia sends",
        "related: the war",
        "se også",
        "sponsored content",
        "reklam",
        "the army said 200 soldiers",
        "",
    };
    regmatch_t m;

    for (size_t i = 0; i < tc.npatterns; i++)
        for (size_t k = 0; k < sizeof(lines) / sizeof(*lines); k++) {
            const char *s = lines[k];
            if (!refilter_may_match(&tc.patterns[i].filter, s, strlen(s)))
                assert_int_not_equal(regexec(&tc.patterns[i].re, s, 1, &m, 0), 0);
        }
}

/* refilter_may_match_lowered(text) is refilter_may_match(text lowered), for random ASCII texts. */
static void test_refilter_lowered_agrees(void **state)
{
    (void)state;
    static const char *const pieces[] = {"Les mer Lukk",
                                         "LES MER LUKK",
                                         "les",
                                         " mer",
                                         "lukk",
                                         "<",
                                         "< P>",
                                         "Video:",
                                         "[Image_1]",
                                         "(12)",
                                         "Source",
                                         "ANZEIGE",
                                         "Read More: ",
                                         "x",
                                         " ",
                                         "Kommentar (3)"};
    uint64_t rng = 0x2545F4914F6CDD1Du;
    char text[128], low[128];

    for (int k = 0; k < 20000; k++) {
        size_t n = 0;
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        for (uint64_t r = rng; r > 15 && n < 100; r >>= 4) {
            const char *p = pieces[r % (sizeof(pieces) / sizeof(*pieces))];
            size_t cut = 1 + (r >> 4) % strlen(p);
            memcpy(text + n, p, cut);
            n += cut;
        }
        for (size_t i = 0; i < n; i++)
            low[i] = (char)(text[i] >= 'A' && text[i] <= 'Z' ? text[i] + ('a' - 'A') : text[i]);
        for (size_t i = 0; i < tc.npatterns; i++)
            assert_int_equal(refilter_may_match_lowered(&tc.patterns[i].filter, text, n),
                             refilter_may_match(&tc.patterns[i].filter, low, n));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refilter_init_kinds),
        cmocka_unit_test(test_refilter_may_match_first_byte),
        cmocka_unit_test(test_refilter_may_match_literal),
        cmocka_unit_test(test_refilter_may_start_first_byte),
        cmocka_unit_test(test_refilter_agrees_with_regexec),
        cmocka_unit_test(test_refilter_lowered_agrees),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
