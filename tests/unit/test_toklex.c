#include "test_common.h"

#include <stdio.h>
#include <string.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_toklex_scan_numbers),
        cmocka_unit_test(test_toklex_scan_words_and_symbols),
        cmocka_unit_test(test_toklex_scan_bad_bytes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
