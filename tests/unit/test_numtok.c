#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numidx.h"
#include "numtok.h"
#include "utf8.h"

static void test_numtok_lex_folds_each_token(void **state)
{
    (void)state;
    const char *text = "Zo\xe2\x80\x99n 120\xc2\xa0"
                       "000 \xc3\x89T\xc3\x89 \xe2\x80\x93 HTML5";
    struct numtok_list toks = NUMTOK_LIST_INIT;

    assert_int_equal(numtok_lex(text, strlen(text), &toks), 0);
    assert_int_equal(toks.n, 5);
    assert_string_equal(toks.v[0].fold, "zo'n");
    assert_int_equal(toks.v[1].type, NUMTOK_NUM);
    assert_string_equal(toks.v[1].fold, "120\xc2\xa0"
                                        "000");
    assert_string_equal(toks.v[2].fold, "\xc3\xa9t\xc3\xa9");
    assert_string_equal(toks.v[3].fold, "-");
    assert_int_equal(toks.v[3].type, NUMTOK_PUNCT);
    assert_string_equal(toks.v[4].fold, "html5");
    assert_int_equal(toks.v[4].type, NUMTOK_WORD);
    for (size_t i = 0; i < toks.n; i++)
        assert_int_equal(toks.v[i].flen, strlen(toks.v[i].fold));
    numtok_list_release(&toks);
}

/*
 * Each token keeps the hash of its fold that the lexicon's indexes use,
 * whether its word is folded in one pass (ASCII letters and digits) or not
 * (an apostrophe, letters not ASCII, numbers, punctuation).
 */
static void test_numtok_lex_hashes_each_fold(void **state)
{
    (void)state;
    const char *text = "Three HTML5 don't Zo\xe2\x80\x99n STRA\xc3\x9f"
                       "E abc\xc3\xa9 12,5 - x";
    struct numtok_list toks = NUMTOK_LIST_INIT;

    assert_int_equal(numtok_lex(text, strlen(text), &toks), 0);
    assert_int_equal(toks.n, 9);
    assert_string_equal(toks.v[0].fold, "three");
    assert_string_equal(toks.v[2].fold, "don't");
    assert_string_equal(toks.v[4].fold, "strasse");
    assert_string_equal(toks.v[5].fold, "abc\xc3\xa9");
    assert_int_equal(toks.v[8].end, strlen(text));
    for (size_t i = 0; i < toks.n; i++) {
        assert_int_equal(toks.v[i].flen, strlen(toks.v[i].fold));
        assert_int_equal(toks.v[i].hash, numidx_hash(toks.v[i].fold, toks.v[i].flen));
    }
    /* a fold may be read a word at a time: bytes stay allocated past the last */
    assert_true(toks.folds.cap >= toks.folds.len + NUMTOK_FOLD_PAD);
    numtok_list_release(&toks);
}

/*
 * ASCII words are read eight bytes at a time where eight are left: a word
 * ends at the first byte that is no letter or digit, whichever of the eight
 * it is, the bytes next to the letters and digits ('@', '[', '`', '{', '/',
 * ':') included.
 */
static void test_numtok_lex_long_ascii_words(void **state)
{
    (void)state;
    const char *text = "ABCDEFGH@x Wordwordword[1 HTML5x`yZ abcdefghABCDEFGH{ "
                       "Q/r:S9 Twelvelettersx don't";
    const char *want[] = {"abcdefgh",
                          "@",
                          "x",
                          "wordwordword",
                          "[",
                          "1",
                          "html5x",
                          "`",
                          "yz",
                          "abcdefghabcdefgh",
                          "{",
                          "q",
                          "/",
                          "r",
                          ":",
                          "s9",
                          "twelvelettersx",
                          "don't"};
    size_t nwant = sizeof(want) / sizeof(*want);
    struct numtok_list toks = NUMTOK_LIST_INIT;

    assert_int_equal(numtok_lex(text, strlen(text), &toks), 0);
    assert_int_equal(toks.n, nwant);
    for (size_t i = 0; i < nwant; i++) {
        assert_string_equal(toks.v[i].fold, want[i]);
        assert_int_equal(toks.v[i].end - toks.v[i].start, strlen(want[i]));
        assert_int_equal(toks.v[i].hash, numidx_hash(toks.v[i].fold, toks.v[i].flen));
    }
    assert_int_equal(toks.v[0].type, NUMTOK_WORD);
    assert_int_equal(toks.v[1].type, NUMTOK_PUNCT);
    assert_int_equal(toks.v[5].type, NUMTOK_NUM);
    numtok_list_release(&toks);
}

/* Lexing into a list again keeps the folds of the tokens already in it. */
static void test_numtok_lex_appends_and_keeps_folds(void **state)
{
    (void)state;
    struct numtok_list toks = NUMTOK_LIST_INIT;
    char big[4000];

    for (size_t i = 0; i + 2 < sizeof(big); i += 2) {
        big[i] = 'A';
        big[i + 1] = ' ';
    }
    big[sizeof(big) - 2] = 'B';
    big[sizeof(big) - 1] = '\0';
    assert_int_equal(numtok_lex("First", 5, &toks), 0);
    assert_int_equal(numtok_lex(big, strlen(big), &toks), 0);
    assert_int_equal(toks.n, 1 + sizeof(big) / 2);
    assert_string_equal(toks.v[0].fold, "first");
    assert_string_equal(toks.v[1].fold, "a");
    assert_string_equal(toks.v[toks.n - 1].fold, "b");
    for (size_t i = 0; i < toks.n; i++)
        assert_ptr_equal(toks.v[i].fold, toks.folds.data + toks.v[i].foff);
    char *joined = numtok_join(&toks, 0, 3);
    assert_string_equal(joined, "first a a");
    free(joined);
    /* lexed again where the buffer has room: it does not move, and every fold points into it */
    numtok_list_reset(&toks);
    assert_int_equal(numtok_lex("Two words", 9, &toks), 0);
    assert_int_equal(numtok_lex(" and three", 10, &toks), 0);
    assert_int_equal(toks.n, 4);
    for (size_t i = 0; i < toks.n; i++)
        assert_ptr_equal(toks.v[i].fold, toks.folds.data + toks.v[i].foff);
    assert_string_equal(toks.v[3].fold, "three");
    numtok_list_release(&toks);
    assert_int_equal(toks.n, 0);
}

/* The space before each token, after words, numbers and punctuation, one space or more. */
static void test_numtok_space_after_words(void **state)
{
    (void)state;
    struct numtok_list toks = NUMTOK_LIST_INIT;
    const char *text = "Two  men,3 \xc3\xa5r x-y 4 z. ok ";
    static const bool space[] = {true,  true,  false, false, true,  true,
                                 false, false, true,  true,  false, true};

    assert_int_equal(numtok_lex(text, strlen(text), &toks), 0);
    assert_int_equal(toks.n, sizeof(space) / sizeof(*space));
    for (size_t i = 0; i < toks.n; i++)
        assert_int_equal(toks.v[i].space, space[i]);
    numtok_list_release(&toks);
}

/* A reset list lexes the next text from its first token, as a new one would. */
static void test_numtok_list_reset_starts_over(void **state)
{
    (void)state;
    struct numtok_list toks = NUMTOK_LIST_INIT;

    assert_int_equal(numtok_lex("Seven Days", 10, &toks), 0);
    numtok_list_reset(&toks);
    assert_int_equal(toks.n, 0);
    assert_int_equal(numtok_lex("TWO", 3, &toks), 0);
    assert_int_equal(toks.n, 1);
    assert_string_equal(toks.v[0].fold, "two");
    assert_int_equal(toks.v[0].foff, 0);
    assert_true(toks.v[0].space);
    numtok_list_release(&toks);
}

/*
 * A list reused from text to text remembers the folds of non-ASCII words: each must be what a
 * new list makes, also once more distinct words have passed than the cache has room for.
 */
static void test_numtok_reused_list_folds_as_a_new_one(void **state)
{
    (void)state;
    struct numtok_list reused = NUMTOK_LIST_INIT;
    char text[64];

    for (int round = 0; round < 2; round++) {
        for (int k = 0; k < 3000; k++) {
            struct numtok_list fresh = NUMTOK_LIST_INIT;
            /* "Ü" + a number spelt in letters, a word made of "Éé", and a case-folded "ß" */
            int n = snprintf(text, sizeof(text),
                             "\xc3\x9c%c%c%c \xc3\x89%c\xc3\xa9 Stra\xc3\x9f"
                             "e",
                             'a' + k % 26, 'A' + k / 26 % 26, 'a' + k / 676, 'a' + (k * 7) % 26);
            numtok_list_reset(&reused);
            assert_int_equal(numtok_lex(text, (size_t)n, &reused), 0);
            assert_int_equal(numtok_lex(text, (size_t)n, &fresh), 0);
            assert_int_equal(reused.n, fresh.n);
            for (size_t i = 0; i < fresh.n; i++)
                assert_string_equal(reused.v[i].fold, fresh.v[i].fold);
            assert_string_equal(fresh.v[2].fold, "strasse");
            numtok_list_release(&fresh);
        }
    }
    numtok_list_release(&reused);
}

/*
 * A word with a character of U+0001..U+00FF at its start, in it and at its
 * end gives one word or the tokens it would alone, each with the fold and
 * hash utf8_fold() gives (Latin-1 letters and ASCII punctuation are folded
 * in numtok_lex()'s own passes, the others not).
 */
static void test_numtok_lex_latin1_words(void **state)
{
    (void)state;
    struct numtok_list toks = NUMTOK_LIST_INIT;

    for (int32_t cp = 0x01; cp <= 0xFF; cp++) {
        char c[4], text[32], word[16];
        size_t cl = utf8_encode(cp, c);
        snprintf(text, sizeof(text), "%.*sA%.*sb%.*s 2", (int)cl, c, (int)cl, c, (int)cl, c);
        numtok_list_reset(&toks);
        assert_int_equal(numtok_lex(text, strlen(text), &toks), 0);
        for (size_t i = 0; i < toks.n; i++) {
            const struct numtok *t = &toks.v[i];
            size_t flen;
            snprintf(word, sizeof(word), "%.*s", (int)(t->end - t->start), text + t->start);
            char *f = utf8_fold(word, strlen(word), &flen);
            assert_non_null(f);
            assert_string_equal(t->fold, f);
            assert_int_equal(t->hash, numidx_hash(t->fold, t->flen));
            free(f);
        }
        assert_int_equal(toks.v[toks.n - 1].type, NUMTOK_NUM);
    }
    numtok_list_release(&toks);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numtok_lex_folds_each_token),
        cmocka_unit_test(test_numtok_lex_appends_and_keeps_folds),
        cmocka_unit_test(test_numtok_list_reset_starts_over),
        cmocka_unit_test(test_numtok_lex_hashes_each_fold),
        cmocka_unit_test(test_numtok_lex_long_ascii_words),
        cmocka_unit_test(test_numtok_reused_list_folds_as_a_new_one),
        cmocka_unit_test(test_numtok_lex_latin1_words),
        cmocka_unit_test(test_numtok_space_after_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
