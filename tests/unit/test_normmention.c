#include "test_common.h"

#include <string.h>

#include "jscan.h"
#include "normalize/normmention.h"

static void read_line(struct normmention *m, const char *line)
{
    struct jscan js;

    assert_int_equal(jscan_object(&js, line, strlen(line)), 0);
    assert_int_equal(normmention_read(m, &js), 0);
}

static void test_normmention_read_fields(void **state)
{
    struct normmention m;

    (void)state;
    normmention_init(&m);
    read_line(&m, "{\"doc\":\"d\\u00e9\",\"end\":12,\"form\":\"digits\",\"lang\":\"nb\","
                  "\"num\":\"65.036\",\"qual\":\"rundt\",\"share\":true,\"sid\":3,"
                  "\"start\":6,\"text\":\"rundt 65.036\",\"type\":\"mention\"}");
    assert_string_equal(m.str[NORMMENTION_DOC], "d\xc3\xa9");
    assert_int_equal(m.len[NORMMENTION_DOC], 3);
    assert_string_equal(m.str[NORMMENTION_NUM], "65.036");
    assert_string_equal(m.str[NORMMENTION_QUAL], "rundt");
    assert_string_equal(m.str[NORMMENTION_LANG], "nb");
    assert_null(m.str[NORMMENTION_DEN]);
    assert_null(m.str[NORMMENTION_HINT]);
    assert_int_equal(m.sid, 3);
    assert_int_equal(m.start, 6);
    assert_int_equal(m.end, 12);
    assert_true(m.share);
    assert_null(normmention_bad_field(&m));
    /* the struct is reused: nothing of the last record stays */
    read_line(&m, "{\"doc\":\"d\",\"end\":1,\"form\":\"words\",\"lang\":[1,2],\"share\":1,"
                  "\"sid\":0,\"start\":0,\"text\":\"x\"}");
    assert_null(m.str[NORMMENTION_NUM]);
    assert_null(m.str[NORMMENTION_LANG]);
    assert_string_equal(buf_str(&m.lang_json), "[1,2]");
    assert_false(m.share);
    normmention_release(&m);
    /* an empty string is "", even in a buffer never used before */
    normmention_init(&m);
    read_line(&m, "{\"doc\":\"d\",\"end\":1,\"form\":\"words\",\"num\":\"\",\"sid\":0,"
                  "\"start\":0,\"text\":\"x\"}");
    assert_string_equal(m.str[NORMMENTION_NUM], "");
    assert_int_equal(m.len[NORMMENTION_NUM], 0);
    normmention_release(&m);
}

/* Every string field by its key; keys that only begin like one, or are empty, are none. */
static void test_normmention_read_every_key(void **state)
{
    struct normmention m;

    (void)state;
    normmention_init(&m);
    read_line(&m, "{\"\":\"e\",\"d\":\"x\",\"den\":\"3\",\"doc\":\"d\",\"end\":1,\"form\":\"f\","
                  "\"h\":\"x\",\"hi\":\"9\",\"hint\":\"year\",\"hintx\":\"x\",\"lang\":\"en\","
                  "\"num\":\"2\",\"post_qual\":\"or more\",\"prefix\":\"$\",\"qual\":\"about\","
                  "\"s\":5,\"shar\":true,\"sid\":0,\"start\":0,\"suffix\":\"k\",\"text\":\"x\","
                  "\"unit\":\"people\",\"zz\":\"x\"}");
    assert_string_equal(m.str[NORMMENTION_DEN], "3");
    assert_string_equal(m.str[NORMMENTION_HI], "9");
    assert_string_equal(m.str[NORMMENTION_HINT], "year");
    assert_string_equal(m.str[NORMMENTION_POST_QUAL], "or more");
    assert_string_equal(m.str[NORMMENTION_PREFIX], "$");
    assert_string_equal(m.str[NORMMENTION_QUAL], "about");
    assert_string_equal(m.str[NORMMENTION_SUFFIX], "k");
    assert_string_equal(m.str[NORMMENTION_UNIT], "people");
    assert_string_equal(m.str[NORMMENTION_FORM], "f");
    assert_false(m.share);
    assert_int_equal(m.sid, 0);
    assert_null(normmention_bad_field(&m));
    normmention_release(&m);
}

static void test_normmention_bad_field(void **state)
{
    static const struct {
        const char *line, *bad;
    } cases[] = {
        {"{\"doc\":\"d\",\"end\":1,\"form\":\"f\",\"start\":0,\"text\":\"x\"}", "sid"},
        {"{\"doc\":\"d\",\"end\":1,\"form\":\"f\",\"sid\":-1,\"start\":0,\"text\":\"x\"}", "sid"},
        {"{\"doc\":\"d\",\"end\":1,\"form\":\"f\",\"sid\":0,\"start\":0.0,\"text\":\"x\"}",
         "start"},
        {"{\"doc\":\"d\",\"end\":\"1\",\"form\":\"f\",\"sid\":0,\"start\":0,\"text\":\"x\"}",
         "end"},
        {"{\"doc\":null,\"end\":1,\"form\":\"f\",\"sid\":0,\"start\":0,\"text\":\"x\"}", "doc"},
        {"{\"doc\":\"d\",\"end\":1,\"form\":\"f\",\"sid\":0,\"start\":0}", "text"},
        {"{\"doc\":\"d\",\"end\":1,\"form\":2,\"sid\":0,\"start\":0,\"text\":\"x\"}", "form"},
    };
    struct normmention m;

    (void)state;
    normmention_init(&m);
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        read_line(&m, cases[i].line);
        assert_string_equal(normmention_bad_field(&m), cases[i].bad);
    }
    normmention_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normmention_read_fields),
        cmocka_unit_test(test_normmention_read_every_key),
        cmocka_unit_test(test_normmention_bad_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
