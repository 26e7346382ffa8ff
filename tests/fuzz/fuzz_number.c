/*
 * libFuzzer target: the number reader (common/numtok, numval, numlex) and
 * extract's scan on arbitrary text, in every configured language.
 *
 * The first byte picks the language of ./config/numbers (or
 * $CLAIMREC_CONFIG/numbers); the rest is the text. Each number token is
 * read with numval_digits(), each word with numval_word(), every run of up
 * to six tokens with numval_eval(), and the sentence with scan_sentence().
 * A value read must never be NaN.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "extract/scan.h"
#include "numlex.h"
#include "numtok.h"
#include "numval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct numlex_set fz_set;
static int fz_ready;

static void fz_cleanup(void)
{
    numlex_set_release(&fz_set);
}

static void fz_init(void)
{
    const char *dir = getenv("CLAIMREC_CONFIG");

    err_init("fuzz_number");
    if (numlex_set_load(&fz_set, dir ? dir : "config") < 0 || fz_set.n == 0)
        abort();
    atexit(fz_cleanup);
    fz_ready = 1;
}

static void fz_value(int rc, const struct numval *v)
{
    if (rc == 0 && isnan(v->value))
        abort();
}

static void fz_tokens(const struct numlex *nl, const char *text, const struct numtok_list *toks)
{
    struct numval v;
    double d;
    bool ord;

    for (size_t i = 0; i < toks->n; i++) {
        const struct numtok *t = &toks->v[i];
        if (t->start > t->end || t->end > strlen(text) || !t->fold)
            abort();
        if (t->type == NUMTOK_NUM)
            fz_value(numval_digits(nl, text + t->start, t->end - t->start, &v), &v);
        if (t->type == NUMTOK_WORD && numval_word(nl, t->fold, &d, &ord) == 0 && isnan(d))
            abort();
        for (size_t j = i + 1; j <= toks->n && j <= i + 6; j++)
            fz_value(numval_eval(nl, text, toks, i, j, &v), &v);
        numval_abbr_dot(nl, toks, i);
    }
}

static void fz_scan(const struct numlex *nl, const char *text, struct numtok_list *toks)
{
    struct scan_list found = SCAN_LIST_INIT;

    if (scan_sentence(nl, text, toks, &found) < 0)
        abort();
    for (size_t i = 0; i < found.n; i++)
        if (found.v[i].from >= found.v[i].to || found.v[i].to > toks->n)
            abort();
    scan_list_release(&found);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct numtok_list toks = NUMTOK_LIST_INIT;

    if (!fz_ready)
        fz_init();
    if (size == 0)
        return 0;
    const struct numlex *nl = &fz_set.v[data[0] % fz_set.n];
    char *text = malloc(size);
    if (!text)
        return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    size_t n = strlen(text); /* the readers take C strings: stop at a NUL */
    if (numtok_lex(text, n, &toks) == 0) {
        fz_tokens(nl, text, &toks);
        fz_scan(nl, text, &toks);
    }
    numtok_list_release(&toks);
    free(text);
    return 0;
}
