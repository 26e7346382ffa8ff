#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "normalize/claim_lex.h"

static char path[64];

static const char *write_tmp(const char *text)
{
    snprintf(path, sizeof(path), "/tmp/test_claim_lex_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

/* Load text, expect failure, return what was printed on stderr. */
static const char *load_fails(const char *text)
{
    static char msg[512];
    char errpath[] = "/tmp/test_claim_lex_err_XXXXXX";
    int fd = mkstemp(errpath);
    int saved = dup(2);
    struct claim_lex lx;

    assert_true(fd >= 0 && saved >= 0);
    fflush(stderr);
    dup2(fd, 2);
    int rc = claim_lex_load(&lx, write_tmp(text));
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    ssize_t n = pread(fd, msg, sizeof(msg) - 1, 0);
    msg[n > 0 ? n : 0] = '\0';
    close(fd);
    unlink(errpath);
    unlink(path);
    assert_int_equal(rc, -1);
    return msg;
}

static void test_claim_lex_load_real_lexicons(void **state)
{
    static const char *const langs[] = {"en", "nb", "nl", "sv", "de"};
    (void)state;

    for (size_t i = 0; i < 5; i++) {
        struct claim_lex lx;
        char p[64];
        snprintf(p, sizeof(p), "config/claims/%s.json", langs[i]);
        assert_int_equal(claim_lex_load(&lx, p), 0);
        assert_string_equal(lx.lang, langs[i]);
        assert_true(lx.ncats >= 9);
        assert_true(lx.stopwords.n > 0 && lx.part.n > 0 && lx.increment.n > 0);
        claim_lex_release(&lx);
    }
}

/* Config words and text words meet on their stems. */
static void test_claim_lex_stem_inflections_meet(void **state)
{
    struct claim_lex lx;
    struct claim_phrase *ph = malloc(sizeof(*ph));
    (void)state;

    assert_int_equal(claim_lex_load(&lx, "config/claims/sv.json"), 0);
    char *a = claim_lex_stem(&lx, "Flyktingar", 10);
    char *b = claim_lex_stem(&lx, "flyktingarna", 12);
    assert_string_equal(a, b);
    assert_int_equal(claim_lex_phrase(&lx, "miste  livet", ph), 0);
    assert_int_equal(ph->n, 2);
    struct claim_plist pl = {ph, 1, 0}; /* owns ph now; no memo slot */
    claim_plist_release(&pl);
    free(a);
    free(b);
    assert_null(claim_lex_stem(&lx, "\xff", 1));
    claim_lex_release(&lx);
}

/* A word's stem and index entry are the same when cached as when first made. */
static void test_claim_lex_word_to_same_when_cached(void **state)
{
    struct claim_lex lx;
    struct buf out = BUF_INIT;
    struct claim_lex_word w1, w2;
    size_t from = 1;
    (void)state;

    assert_int_equal(claim_lex_load(&lx, "config/claims/sv.json"), 0);
    char *stem = claim_lex_stem(&lx, "Flyktingar", 10);
    for (int k = 0; k < 2; k++) {
        buf_reset(&out);
        assert_int_equal(claim_lex_word_to(&lx, "Flyktingar", 10, &out, k ? &w2 : &w1), 0);
        assert_int_equal(out.len, strlen(stem) + 1);
        assert_string_equal(out.data, stem);
    }
    assert_ptr_equal(w1.ent, claim_index_find(&lx.index, stem, strlen(stem)));
    assert_ptr_equal(w1.ent, w2.ent);
    assert_non_null(w1.ent); /* a noun of a category */
    assert_int_equal(w1.compound, claim_index_suffix(&lx.index, stem, strlen(stem), &from) != NULL);
    assert_int_equal(w1.compound, w2.compound);
    buf_reset(&out);
    assert_int_equal(claim_lex_word_to(&lx, "\xff", 1, &out, &w1), -1);
    free(stem);
    buf_release(&out);
    claim_lex_release(&lx);
}

static void test_claim_lex_load_errors_name_line(void **state)
{
    (void)state;
    assert_non_null(strstr(load_fails("{\"language\": \"xx\", \"stemmer\": \"english\",\n"
                                      "\"categories\": {\"killed\": {}},\n\"stopwrods\": []}"),
                           ":3: key 'stopwrods' unknown"));
    assert_non_null(strstr(load_fails("{\"language\": \"xx\",\n\"stemmer\": \"klingon\",\n"
                                      "\"categories\": {\"killed\": {}}}"),
                           ":2: key 'stemmer' names no Snowball stemmer"));
    assert_non_null(strstr(load_fails("{\"language\": \"xx\", \"stemmer\": \"english\",\n"
                                      "\"categories\": {\"killed\": {\"nouns\": [\" \"]}}}"),
                           ":2: key 'nouns' has an empty entry"));
    assert_non_null(strstr(load_fails("{\"language\": \"xx\", \"stemmer\": \"english\",\n"
                                      "\"categories\": {\"killed\": {\"nouns\": [1]}}}"),
                           ":2: key 'nouns' has an item that is not a string"));
    assert_non_null(strstr(load_fails("{\"language\": \"xx\", \"stemmer\": \"english\",\n"
                                      "\"categories\": {\"killed\": {\"wek\": true}}}"),
                           ":2: key 'wek' unknown in 'killed'"));
    assert_non_null(strstr(load_fails("{\"language\": \"xx\", \"stemmer\": \"english\",\n"
                                      "\"categories\": {}}"),
                           ":2: key 'categories' is not a non-empty object"));
    assert_non_null(strstr(load_fails("{\"language\": \"xx\", \"stemmer\": \"english\",\n"
                                      "\"categories\": {\"k\": {}},\n\"phrase_gap\": -1}"),
                           ":3: key 'phrase_gap' is out of range"));
    assert_non_null(strstr(load_fails("{\"language\": \"xx\", \"stemmer\": \"english\",\n"
                                      "\"categories\": {\"k\": {}},\n\"scope\": {\"parts\": []}}"),
                           ":3: key 'parts' unknown in 'scope'"));
    assert_non_null(strstr(load_fails("{\"stemmer\": \"english\", \"categories\": {\"k\": {}}}"),
                           "key 'language' missing"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_claim_lex_load_real_lexicons),
        cmocka_unit_test(test_claim_lex_stem_inflections_meet),
        cmocka_unit_test(test_claim_lex_word_to_same_when_cached),
        cmocka_unit_test(test_claim_lex_load_errors_name_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
