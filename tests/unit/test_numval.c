#include "test_common.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "numlex.h"
#include "numval.h"

static const char lex_dot[] = "{\"decimal\":\".\",\"group\":[\",\",\" \"],"
                              "\"cardinals\":{\"one\":1,\"two\":2,\"five\":5,\"twenty\":20},"
                              "\"multipliers\":{\"hundred\":100,\"thousand\":1000},"
                              "\"connectors\":[\"and\"],\"articles\":[\"a\"]}";
static const char lex_comma[] = "{\"decimal\":\",\",\"group\":[\".\",\" \"],"
                                "\"cardinals\":{\"en\":1,\"to\":2,\"fem\":5,\"tjue\":20},"
                                "\"multipliers\":{\"tusen\":1000},\"connectors\":[\"og\"]}";

static double digits(const struct numlex *nl, const char *s, int *amb)
{
    struct numval v;

    if (numval_digits(nl, s, strlen(s), &v) < 0)
        return NAN;
    *amb = v.ambiguous;
    return v.value;
}

static void test_numval_digits_separators(void **state)
{
    (void)state;
    struct numlex en, nb;
    int amb = 0;

    assert_int_equal(numlex_load_text(&en, "en", lex_dot, "en"), 0);
    assert_int_equal(numlex_load_text(&nb, "nb", lex_comma, "nb"), 0);
    assert_true(digits(&nb, "65.036", &amb) == 65036 && !amb);
    assert_true(digits(&en, "2,000", &amb) == 2000 && !amb);
    assert_true(digits(&nb, "120 000", &amb) == 120000);
    assert_true(digits(&nb,
                       "120\xc2\xa0"
                       "000",
                       &amb) == 120000);
    assert_true(digits(&nb,
                       "120\xe2\x80\xaf"
                       "000",
                       &amb) == 120000);
    assert_true(digits(&nb,
                       "120\xe2\x80\x89"
                       "000",
                       &amb) == 120000);
    assert_true(fabs(digits(&nb, "7,8", &amb) - 7.8) < 1e-9);
    assert_true(fabs(digits(&nb, "4,800", &amb) - 4.8) < 1e-9 && amb);
    assert_true(digits(&en, "4,800", &amb) == 4800 && !amb);
    assert_true(fabs(digits(&en, "1.500", &amb) - 1.5) < 1e-9 && amb);
    assert_true(fabs(digits(&nb, "1.234,567", &amb) - 1234.567) < 1e-9);
    assert_true(fabs(digits(&en, "12,34,567.89", &amb) - 1234567.89) < 1e-6);
    assert_true(fabs(digits(&en, ".08", &amb) - 0.08) < 1e-9);
    assert_true(isnan(digits(&en, "192.168.1.2", &amb)));
    assert_true(isnan(digits(&en, "1,23,4", &amb)));
    numlex_release(&en);
    numlex_release(&nb);
}

static void test_numval_word_compounds(void **state)
{
    (void)state;
    struct numlex nb;
    double v;
    bool ord;

    assert_int_equal(numlex_load_text(&nb, "nb", lex_comma, "nb"), 0);
    assert_int_equal(numval_word(&nb, "tjuefem", &v, &ord), 0);
    assert_true(v == 25 && !ord);
    assert_int_equal(numval_word(&nb, "femtusen", &v, &ord), 0);
    assert_true(v == 5000);
    assert_int_equal(numval_word(&nb, "femtjue", &v, &ord), -1);
    assert_int_equal(numval_word(&nb, "tofem", &v, &ord), -1);
    assert_int_equal(numval_word(&nb, "tito", &v, &ord), -1);
    numlex_release(&nb);
}

/*
 * The value of s, or NAN; the same whether its tokens were marked for nl
 * (numval then reads their marks) or not (it looks their folds up).
 */
static double eval(const struct numlex *nl, const char *s)
{
    struct numtok_list toks = NUMTOK_LIST_INIT;
    struct numval v;
    double out = NAN, marked = NAN;

    assert_int_equal(numtok_lex(s, strlen(s), &toks), 0);
    if (numval_eval(nl, s, &toks, 0, toks.n, &v) == 0)
        out = v.value;
    numlex_mark(nl, &toks);
    assert_ptr_equal(toks.marked, nl);
    if (numval_eval(nl, s, &toks, 0, toks.n, &v) == 0)
        marked = v.value;
    assert_true(isnan(out) ? isnan(marked) : marked == out);
    numtok_list_release(&toks);
    return out;
}

static void test_numval_eval_sequences(void **state)
{
    (void)state;
    struct numlex en, nb;

    assert_int_equal(numlex_load_text(&en, "en", lex_dot, "en"), 0);
    assert_int_equal(numlex_load_text(&nb, "nb", lex_comma, "nb"), 0);
    assert_true(eval(&en, "a hundred and twenty") == 120);
    assert_true(eval(&en, "twenty-five") == 25);
    assert_true(eval(&en, "2 thousand") == 2000);
    assert_true(eval(&en, "- 5") == -5);
    assert_true(eval(&nb, "fem tusen og tjue") == 5020);
    assert_true(eval(&nb, "1,5 tusen") == 1500);
    assert_true(isnan(eval(&en, "two five")));
    assert_true(isnan(eval(&en, "423 0000")));
    assert_true(isnan(eval(&en, "a")));
    assert_true(isnan(eval(&en, "twenty and")));
    assert_true(isnan(eval(&en, "20 -")));
    numlex_release(&en);
    numlex_release(&nb);
}

static void test_numval_digits_overflow(void **state)
{
    (void)state;
    struct numlex en;
    struct numval v;
    char big[402];

    assert_int_equal(numlex_load_text(&en, "en", lex_dot, "en"), 0);
    memset(big, '0', sizeof(big) - 1);
    big[0] = '1';
    big[sizeof(big) - 1] = 0;
    assert_int_equal(numval_digits(&en, big, strlen(big), &v), -1);
    assert_true(v.overflow);
    assert_int_equal(numval_digits(&en, big, 320, &v), -1); /* 1e319: not a double */
    assert_true(v.overflow);
    assert_int_equal(numval_digits(&en, "1,23,4", 6, &v), -1);
    assert_false(v.overflow);
    assert_int_equal(numval_digits(&en, big, 20, &v), 0);
    assert_true(v.value == 1e19 && !v.overflow);
    numlex_release(&en);
}

/* Every value is the double strtod() reads, with few digits (an exact division) or many. */
static void test_numval_digits_as_strtod(void **state)
{
    (void)state;
    struct numlex en;
    static const char *const cases[][2] = {
        {"0.1", "0.1"},
        {"2.675", "2.675"},
        {"123456789012345", "123456789012345"},
        {"1234567890123456", "1234567890123456"},
        {"9,007,199,254,740,993", "9007199254740993"},
        {".0000000000000000000001", "0.0000000000000000000001"},
        {".00000000000000000000001", "0.00000000000000000000001"},
        {"3.14159265358979323", "3.14159265358979323"},
        {"0.30000000000000004", "0.30000000000000004"},
        {"1,234.5678901234", "1234.5678901234"},
    };
    int amb;

    assert_int_equal(numlex_load_text(&en, "en", lex_dot, "en"), 0);
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
        assert_true(digits(&en, cases[i][0], &amb) == strtod(cases[i][1], NULL));
    numlex_release(&en);
}

static void test_numval_eval_powers_and_fractions(void **state)
{
    (void)state;
    struct numlex en;

    assert_int_equal(numlex_load_text(&en, "en", lex_dot, "en"), 0);
    assert_true(eval(&en, "1e10") == 1e10);
    assert_true(fabs(eval(&en, "-2.5^-1") + 0.4) < 1e-12);
    assert_true(eval(&en, "1.3x10^6") == 1300000);
    assert_true(isnan(eval(&en, "1e")));
    assert_true(isnan(eval(&en, "2 ^ 3")));
    assert_true(eval(&en, "2 1/4") == 2.25);
    assert_true(isnan(eval(&en, "2 5/4")));
    assert_true(isnan(eval(&en, "2 1")));
    numlex_release(&en);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numval_digits_separators),
        cmocka_unit_test(test_numval_word_compounds),
        cmocka_unit_test(test_numval_eval_sequences),
        cmocka_unit_test(test_numval_digits_overflow),
        cmocka_unit_test(test_numval_eval_powers_and_fractions),
        cmocka_unit_test(test_numval_digits_as_strtod),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
