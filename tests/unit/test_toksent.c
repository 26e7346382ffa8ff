#include "test_common.h"

#include <stdio.h>
#include <string.h>

#include "tokenize/toksent.h"
#include "tokenize_fixture.h"

/* Split s in language code; return the sentences joined by '|'. */
static const char *split(const char *code, const char *s)
{
    static char out[2048];
    struct toksent_list l;
    size_t o = 0;

    toksent_list_init(&l);
    assert_int_equal(toksent_split(&tc, tokconf_lang_get(&tc, code), s, 0, strlen(s), 0, &l), 0);
    out[0] = '\0';
    for (size_t i = 0; i < l.n; i++)
        o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%.*s", i ? "|" : "",
                              (int)(l.v[i].end - l.v[i].start), s + l.v[i].start);
    toksent_list_release(&l);
    return out;
}

static void test_toksent_split_plain(void **state)
{
    (void)state;
    assert_string_equal(split("en", "One here. Two here! Three? Four."),
                        "One here.|Two here!|Three?|Four.");
}

/* Spans are trimmed of ASCII and Unicode whitespace at both ends, and kept when they end in ink. */
static void test_toksent_split_trims_spaces(void **state)
{
    (void)state;
    assert_string_equal(split("en", " \xC2\xA0One here.\xE3\x80\x80 Two\t"), "One here.|Two");
    assert_string_equal(split("en", "\xC3\xA5 here. \xC3\x86"), "\xC3\xA5 here.|\xC3\x86");
}

static void test_toksent_split_abbreviations(void **state)
{
    (void)state;
    assert_string_equal(split("nb", "Mange land, f.eks. Norge, og bl.a. Sverige. Dvs. alle."),
                        "Mange land, f.eks. Norge, og bl.a. Sverige.|Dvs. alle.");
    assert_string_equal(
        split("en", "Mr. Smith met U.S. officials at 11 a.m. Wednesday. Then left."),
        "Mr. Smith met U.S. officials at 11 a.m. Wednesday.|Then left.");
    assert_string_equal(split("sv", "Flera länder, t.ex. Norge. Det var allt."),
                        "Flera länder, t.ex. Norge.|Det var allt.");
    assert_string_equal(split("nl", "Veel landen, bijv. Duitsland. Dat is alles."),
                        "Veel landen, bijv. Duitsland.|Dat is alles.");
    assert_string_equal(split("de", "Viele, z.B. Berlin. Das war es."),
                        "Viele, z.B. Berlin.|Das war es.");
}

static void test_toksent_split_numbers(void **state)
{
    (void)state;
    assert_string_equal(split("nb", "Totalt 65.036 personer. Det er 7,8 prosent."),
                        "Totalt 65.036 personer.|Det er 7,8 prosent.");
    assert_string_equal(split("en", "About 2,000 peacekeepers and 1.5 million. Next."),
                        "About 2,000 peacekeepers and 1.5 million.|Next.");
}

static void test_toksent_split_ordinals(void **state)
{
    (void)state;
    assert_string_equal(split("nb", "Det skjedde 19. september i fjor. Nytt."),
                        "Det skjedde 19. september i fjor.|Nytt.");
    assert_string_equal(split("de", "Am 19. September begann es. Dann nichts."),
                        "Am 19. September begann es.|Dann nichts.");
    assert_string_equal(split("de", "Es war 1994. Dann kam es."), "Es war 1994.|Dann kam es.");
}

static void test_toksent_split_initials_and_quotes(void **state)
{
    (void)state;
    assert_string_equal(split("en", "J. Smith said «go.» Then “stop.” , he said. End"),
                        "J. Smith said «go.»|Then “stop.” , he said.|End");
}

static void test_toksent_split_caps_long(void **state)
{
    (void)state;
    char s[5000];
    struct toksent_list l;

    for (size_t i = 0; i < sizeof(s) - 1; i++)
        s[i] = i % 5 == 4 ? ' ' : 'a';
    s[sizeof(s) - 1] = '\0';
    toksent_list_init(&l);
    assert_int_equal(toksent_split(&tc, tokconf_lang_get(&tc, "en"), s, 0, strlen(s), 3, &l), 0);
    assert_true(l.n >= 3);
    for (size_t i = 0; i < l.n; i++) {
        assert_true(l.v[i].end - l.v[i].start <= tc.max_sentence_bytes);
        assert_int_equal(l.v[i].para, 3);
    }
    toksent_list_release(&l);
}

static void test_toksent_ends_final(void **state)
{
    (void)state;
    const char *a = "A headline", *b = "A sentence.»", *c = "She said: ";

    assert_false(toksent_ends_final(&tc, a, 0, strlen(a)));
    assert_true(toksent_ends_final(&tc, b, 0, strlen(b)));
    assert_true(toksent_ends_final(&tc, c, 0, strlen(c)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_toksent_split_plain),
        cmocka_unit_test(test_toksent_split_abbreviations),
        cmocka_unit_test(test_toksent_split_numbers),
        cmocka_unit_test(test_toksent_split_ordinals),
        cmocka_unit_test(test_toksent_split_initials_and_quotes),
        cmocka_unit_test(test_toksent_split_caps_long),
        cmocka_unit_test(test_toksent_ends_final),
        cmocka_unit_test(test_toksent_split_trims_spaces),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
