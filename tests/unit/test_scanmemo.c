#include "test_common.h"

#include <stdio.h>
#include <string.h>

#include "extract/scan.h"
#include "extract/scanmemo.h"
#include "numlex.h"
#include "numtok.h"
#include "numval.h"

/* Sentences with numbers of every kind, in each language of the config. */
static const char *const sentences[][2] = {
    {"en", "About 2,500 people, or one in three, fled; twenty-five thousand more by May 4th."},
    {"en", "The one who left said three hundred and twelve died, between 10 and 20 were hurt."},
    {"en",
     "At least two thirds of the 1990s budget, $3.5 million, went to 12 km of road at 11 a.m."},
    {"nb", "Over halvparten av de 65.036 innbyggerne, tusenvis av dem, flyktet 19. september."},
    {"nb", "Tjuefem soldater og to hundre sivile ble drept, sier han til NTB kl. 14."},
    {"nl", "Een op de twintig, zo'n drieënvijftigduizend mensen, vluchtte in de jaren negentig."},
    {"de", "Mehr als vierundzwanzig Menschen starben, für Erste sind 3,5 Millionen Euro bereit."},
    {"sv", "Omkring tvåhundrafemtio personer dog och 1 500 skadades den 3 maj 2023."},
};

static void same_mentions(const struct scan_list *a, const struct scan_list *b)
{
    assert_int_equal(a->n, b->n);
    for (size_t k = 0; k < a->n; k++) {
        const struct scan_mention *x = &a->v[k], *y = &b->v[k];
        assert_int_equal(x->from, y->from);
        assert_int_equal(x->to, y->to);
        assert_string_equal(x->form, y->form);
        assert_true(x->hint == y->hint || (x->hint && y->hint && !strcmp(x->hint, y->hint)));
        const struct scan_span *sx[] = {&x->num,  &x->hi,     &x->qual,   &x->postq, &x->post,
                                        &x->unit, &x->prefix, &x->suffix, &x->den};
        const struct scan_span *sy[] = {&y->num,  &y->hi,     &y->qual,   &y->postq, &y->post,
                                        &y->unit, &y->prefix, &y->suffix, &y->den};
        for (size_t s = 0; s < sizeof(sx) / sizeof(*sx); s++) {
            assert_int_equal(sx[s]->from, sy[s]->from);
            assert_int_equal(sx[s]->to, sy[s]->to);
        }
        assert_int_equal(x->share, y->share);
    }
}

/* Scan text with and without the memo: the same mentions, the same marks. */
static size_t scan_both(const struct numlex *nl, const char *text, struct scanmemo *memo,
                        struct numtok_list *reused)
{
    struct numtok_list toks = NUMTOK_LIST_INIT;
    struct scan_list plain = SCAN_LIST_INIT, memoed = SCAN_LIST_INIT;

    numtok_list_reset(reused);
    assert_int_equal(numtok_lex(text, strlen(text), &toks), 0);
    assert_int_equal(numtok_lex(text, strlen(text), reused), 0);
    assert_int_equal(scan_sentence(nl, text, &toks, &plain), 0);
    assert_int_equal(scan_sentence_memo(nl, text, reused, memo, &memoed), 0);
    same_mentions(&plain, &memoed);
    assert_int_equal(toks.n, reused->n);
    for (size_t i = 0; i < toks.n; i++) {
        assert_true(toks.v[i].tables == reused->v[i].tables);
        assert_true(toks.v[i].heads == reused->v[i].heads);
    }
    assert_ptr_equal(reused->marked, nl);
    size_t n = plain.n;
    scan_list_release(&plain);
    scan_list_release(&memoed);
    numtok_list_release(&toks);
    return n;
}

/*
 * One memo across languages and rounds: what it remembers of a word in one
 * lexicon never answers for another, and words pushed out of their slot by
 * many others are looked up again.
 */
static void test_scanmemo_finds_what_scanning_without_finds(void **state)
{
    (void)state;
    struct numlex_set set;
    struct scanmemo *memo = scanmemo_new();
    struct numtok_list reused = NUMTOK_LIST_INIT;
    char filler[256];
    size_t found = 0;

    assert_non_null(memo);
    assert_int_equal(numlex_set_load(&set, "config"), 0);
    for (int round = 0; round < 3; round++) {
        for (size_t k = 0; k < sizeof(sentences) / sizeof(*sentences); k++) {
            for (size_t l = 0; l < set.n; l++)
                found += scan_both(&set.v[l], sentences[k][1], memo, &reused);
            found +=
                scan_both(numlex_set_find(&set, sentences[k][0]), sentences[k][1], memo, &reused);
        }
        for (int f = 0; f < 2000; f++) {
            snprintf(filler, sizeof(filler), "w%dx%d zwei%d tjue%c %d thousand", f, round, f,
                     'a' + f % 26, f);
            found += scan_both(numlex_set_find(&set, "en"), filler, memo, &reused);
        }
    }
    assert_true(found > 6000);
    numtok_list_release(&reused);
    scanmemo_free(memo);
    numlex_set_release(&set);
}

static void same_value(int rc, const struct numval *a, int want, const struct numval *b)
{
    assert_int_equal(rc, want);
    assert_memory_equal(&a->value, &b->value, sizeof(a->value));
    assert_int_equal(a->ambiguous, b->ambiguous);
    assert_int_equal(a->ordinal, b->ordinal);
    assert_int_equal(a->fraction, b->fraction);
    assert_int_equal(a->words, b->words);
    assert_int_equal(a->grouped, b->grouped);
    assert_int_equal(a->decimals, b->decimals);
    assert_int_equal(a->trailing_zeros, b->trailing_zeros);
    assert_int_equal(a->overflow, b->overflow);
}

/* Each token of text evaluated alone through the memo, as numval_eval() reads it, twice. */
static void eval_both(const struct numlex *nl, const char *text, struct scanmemo *memo,
                      struct numtok_list *toks)
{
    numtok_list_reset(toks);
    assert_int_equal(numtok_lex(text, strlen(text), toks), 0);
    assert_non_null(scanmemo_mark(memo, nl, toks));
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < toks->n; i++) {
            struct numval a, b;
            int want = numval_eval(nl, text, toks, i, i + 1, &b);
            same_value(scanmemo_eval(memo, nl, text, toks, i, &a), &a, want, &b);
        }
    }
}

/*
 * A token alone evaluates through the memo as without it, in every
 * lexicon, remembered or not: numbers whose text is not their fold
 * ("1\u00a0500" beside "1 500"), words that are numbers and words that are
 * none, digits too long to read.
 */
static void test_scanmemo_eval_is_numval_eval(void **state)
{
    (void)state;
    struct numlex_set set;
    struct scanmemo *memo = scanmemo_new();
    struct numtok_list toks = NUMTOK_LIST_INIT;
    char filler[256];
    static const char *const extra[] = {
        "1\u00a0500 and 1 500 and 1\u202f500, 4,800 or 4.800 and 65.036, 1e10 2nd",
        "2,5 millioner, tjue, treogtjue, 12.000.000.000.000.000.000.000.000.000.000 km",
        "Seventeen THOUSAND and seventeen thousand, a half; een derde; - / .",
    };

    assert_non_null(memo);
    assert_int_equal(numlex_set_load(&set, "config"), 0);
    for (int round = 0; round < 2; round++) {
        for (size_t l = 0; l < set.n; l++) {
            for (size_t k = 0; k < sizeof(sentences) / sizeof(*sentences); k++)
                eval_both(&set.v[l], sentences[k][1], memo, &toks);
            for (size_t k = 0; k < sizeof(extra) / sizeof(*extra); k++)
                eval_both(&set.v[l], extra[k], memo, &toks);
        }
        for (int f = 0; f < 3000; f++) {
            snprintf(filler, sizeof(filler), "w%dx%d %d zwei%d %d.%d tjue%c thousand", f, round, f,
                     f, f % 7, f, 'a' + f % 26);
            eval_both(numlex_set_find(&set, "en"), filler, memo, &toks);
        }
    }
    numtok_list_release(&toks);
    scanmemo_free(memo);
    numlex_set_release(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scanmemo_finds_what_scanning_without_finds),
        cmocka_unit_test(test_scanmemo_eval_is_numval_eval),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
