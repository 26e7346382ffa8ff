#include "test_common.h"

#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "tokenize/toklex.h"
#include "tokenize_fixture.h"

/* Tokens of s as "text/type" joined by ' '. */
static const char *lex(const char *code, const char *s)
{
    static char out[2048];
    struct toklex_list l;
    size_t o = 0;

    toklex_list_init(&l);
    assert_int_equal(toklex_scan(&tc, tokconf_lang_get(&tc, code), s, 0, strlen(s), &l), 0);
    out[0] = '\0';
    for (size_t i = 0; i < l.n; i++)
        o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%.*s/%c", i ? " " : "",
                              (int)(l.v[i].end - l.v[i].start), s + l.v[i].start, l.v[i].type);
    toklex_list_release(&l);
    return out;
}

static void test_toklex_scan_numbers(void **state)
{
    (void)state;
    assert_string_equal(lex("nb", "65.036 og 7,8"), "65.036/n og/w 7,8/n");
    assert_string_equal(lex("en", "2,000 at 11:30, 3D"), "2,000/n at/w 11:30/n ,/p 3D/n");
    assert_string_equal(lex("sv", "120 000 och 30\xC2\xA0"
                                  "000 och 5\xE2\x80\xAF"
                                  "000 000"),
                        "120 000/n och/w 30\xC2\xA0"
                        "000/n och/w 5\xE2\x80\xAF"
                        "000 000/n");
    assert_string_equal(lex("en", "in 1994 100 died"), "in/w 1994/n 100/n died/w");
}

static void test_toklex_scan_words_and_symbols(void **state)
{
    (void)state;
    assert_string_equal(lex("en", "HTML5 Nagorno-Karabakh's 50% – $3"),
                        "HTML5/w Nagorno-Karabakh's/w 50/n %/s –/s $/s 3/n");
    assert_string_equal(lex("nb", "«Nei», f.eks. dette."),
                        "«/p Nei/w »/p ,/p f.eks./w dette/w ./p");
}

static void test_toklex_scan_bad_bytes(void **state)
{
    (void)state;
    assert_string_equal(lex("en", "a\xFF"
                                  "b"),
                        "a/w \xFF/s b/w");
}

/* ASCII spaces, marks, controls and joiners take the byte-class path. */
static void test_toklex_scan_ascii_classes(void **state)
{
    (void)state;
    assert_string_equal(lex("en", "a\tb (x_y) +z #q \x01 c-d e--f g !\r\n"),
                        "a/w b/w (/p x/w _/p y/w )/p +/s z/w #/s q/w \x01/s c-d/w e/w -/s -/s "
                        "f/w g/w !/p");
}

/* The ASCII fast path's table is utf8proc's own answer for each character. */
static void test_tokconf_ascii_category_is_utf8proc(void **state)
{
    (void)state;
    for (int32_t c = 0; c < 0x80; c++)
        assert_int_equal(tc.ascii_category[c], utf8proc_category(c));
    assert_int_equal(tc.ascii_category['a'], UTF8PROC_CATEGORY_LL);
    assert_int_equal(tc.ascii_category['%'], UTF8PROC_CATEGORY_PO);
}

/* Abbreviation lookups: folded, exact, and a word longer than any is none. */
static void test_tokwords_has_raw_lengths(void **state)
{
    (void)state;
    const struct tokwords *ab = &tc.langs[0].abbreviations;

    assert_true(ab->maxlen > 0);
    for (size_t i = 0; i < tc.nlangs; i++)
        if (strcmp(tc.langs[i].code, "en") == 0)
            ab = &tc.langs[i].abbreviations;
    assert_true(tokwords_has_raw(ab, "Mr.", 3));
    assert_true(tokwords_has_raw(ab, "MR.", 3));
    assert_true(tokwords_has_raw(ab, "u.s.", 4));
    assert_false(tokwords_has_raw(ab, "Mr", 2));
    assert_false(tokwords_has_raw(ab, "Mrs.x", 5));
    assert_false(tokwords_has_raw(ab, "Nagorno-Karabakh.", 17));
    assert_false(tokwords_has_raw(ab, "APPROXIMATELY.", 14)); /* ASCII past maxlen: no fold */
    char longer[64] = "mr."; /* "mr." and NULs: longer than any abbreviation */
    assert_true(ab->maxlen + 1 < sizeof(longer));
    assert_false(tokwords_has(ab, longer, ab->maxlen + 1));
}

/* The byte classes of the loops that skip plain text. */
static void test_tokconf_byte_class(void **state)
{
    (void)state;
    for (int c = 0; c < 0x100; c++) {
        bool word =
            c < 0x80 && (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9'));
        bool plain = c > 0 && c < 0x80 && !strchr(".!?", c);
        assert_int_equal((tc.byte_class[c] & TOKCONF_BYTE_WORD) != 0, word);
        assert_int_equal((tc.byte_class[c] & TOKCONF_BYTE_PLAIN) != 0, plain);
    }
}

/* Mixed ASCII and other letters, marks and a dash split as before the fast path. */
static void test_toklex_scan_mixed_scripts(void **state)
{
    (void)state;
    struct toklex_list l;
    const char *s = "Ha\xCC\x81r 3\xC2\xA0"
                    "000 ab\xE2\x80\x93"
                    "cd \xCE\xB1\xCE\xB2!";

    toklex_list_init(&l);
    assert_int_equal(toklex_scan(&tc, NULL, s, 0, strlen(s), &l), 0);
    assert_int_equal(l.n, 7);
    assert_int_equal(l.v[0].end, 5); /* "Ha\u0301r": the mark stays in the word */
    assert_int_equal(l.v[0].type, 'w');
    assert_int_equal(l.v[1].start, 6);
    assert_int_equal(l.v[1].end, 12); /* "3\u00A0000" */
    assert_int_equal(l.v[1].type, 'n');
    assert_int_equal(l.v[2].end, 15);
    assert_int_equal(l.v[3].type, 's'); /* en dash */
    assert_int_equal(l.v[4].end, 20);
    assert_int_equal(l.v[5].type, 'w'); /* Greek */
    assert_int_equal(l.v[6].type, 'p');
    toklex_list_release(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_toklex_scan_numbers),
        cmocka_unit_test(test_toklex_scan_words_and_symbols),
        cmocka_unit_test(test_toklex_scan_bad_bytes),
        cmocka_unit_test(test_toklex_scan_ascii_classes),
        cmocka_unit_test(test_tokconf_ascii_category_is_utf8proc),
        cmocka_unit_test(test_tokconf_byte_class),
        cmocka_unit_test(test_tokwords_has_raw_lengths),
        cmocka_unit_test(test_toklex_scan_mixed_scripts),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
