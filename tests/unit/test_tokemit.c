#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokenize/tokemit.h"

/* The sentence record tokemit_sentence() writes for s[a..b) with the given tokens. */
static char *sentence(const char *s, size_t a, size_t b, const struct toklex *tok, size_t ntok,
                      bool clean)
{
    struct toksent_span sp = {a, b, 2};
    struct toklex_list list = {(struct toklex *)tok, ntok, ntok};
    struct tokemit_bufs bufs = {BUF_INIT, BUF_INIT, clean};
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);

    assert_non_null(fp);
    assert_int_equal(tokemit_sentence(fp, "d\"1", 7, &sp, s, &list, &bufs), 0);
    fclose(fp);
    buf_release(&bufs.text);
    buf_release(&bufs.line);
    return out;
}

static void test_tokemit_sentence_clean(void **state)
{
    (void)state;
    const char *s = "xx 12345678901 \"ok\".";
    struct toklex tok[] = {
        {3, 14, 'n'}, {15, 16, 'p'}, {16, 18, 'w'}, {18, 19, 'p'}, {19, 20, 'p'}};
    char *out = sentence(s, 3, 20, tok, 5, true);

    assert_string_equal(out, "{\"doc\":\"d\\\"1\",\"end\":20,\"para\":2,\"sid\":7,\"start\":3,"
                             "\"text\":\"12345678901 \\\"ok\\\".\",\"tokens\":[[0,11,\"n\"],"
                             "[12,1,\"p\"],[13,2,\"w\"],[15,1,\"p\"],[16,1,\"p\"]],"
                             "\"type\":\"sentence\"}\n");
    free(out);
}

static void test_tokemit_sentence_replaced_bytes(void **state)
{
    (void)state;
    const char *s = "a\xFF"
                    "b";
    struct toklex tok[] = {{0, 1, 'w'}, {1, 2, 's'}, {2, 3, 'w'}};
    char *out = sentence(s, 0, 3, tok, 3, false);

    assert_string_equal(out, "{\"bad\":[1],\"doc\":\"d\\\"1\",\"end\":3,\"para\":2,\"sid\":7,"
                             "\"start\":0,\"text\":\"a\xEF\xBF\xBD"
                             "b\",\"tokens\":[[0,1,\"w\"],[1,1,\"s\"],[2,1,\"w\"]],"
                             "\"type\":\"sentence\"}\n");
    free(out);
}

static void test_tokemit_sentence_no_tokens(void **state)
{
    (void)state;
    char *out = sentence("  ", 1, 1, NULL, 0, true);

    assert_string_equal(out, "{\"doc\":\"d\\\"1\",\"end\":1,\"para\":2,\"sid\":7,\"start\":1,"
                             "\"text\":\"\",\"tokens\":[],\"type\":\"sentence\"}\n");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokemit_sentence_clean),
        cmocka_unit_test(test_tokemit_sentence_replaced_bytes),
        cmocka_unit_test(test_tokemit_sentence_no_tokens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
