#include "test_common.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "tokenize/tokjson.h"

/* s[0..n) written by tokjson_string_at(), NUL-terminated in out; NULL when refused. */
static const char *str(char *out, const char *s, size_t n)
{
    char *end = tokjson_string_at(out, s, n);

    if (!end)
        return NULL;
    *end = '\0';
    return out;
}

static const char *size(char *out, size_t v)
{
    *tokjson_size_at(out, v) = '\0';
    return out;
}

static void test_tokjson_size_at_lengths(void **state)
{
    char out[TOKJSON_SIZE_ROOM + 1];

    (void)state;
    assert_string_equal(size(out, 0), "0");
    assert_string_equal(size(out, 9), "9");
    assert_string_equal(size(out, 10), "10");
    assert_string_equal(size(out, 99), "99");
    assert_string_equal(size(out, 100), "100");
    assert_string_equal(size(out, 999), "999");
    assert_string_equal(size(out, 1000), "1000");
    assert_string_equal(size(out, 65036), "65036");
    assert_string_equal(size(out, 1000000), "1000000");
    assert_string_equal(size(out, SIZE_MAX), "18446744073709551615");
}

static void test_tokjson_string_at_escapes_as_jansson(void **state)
{
    char out[TOKJSON_STRING_ROOM(64)];
    const char s[] = "plain text, 8+ bytes \"quoted\" back\\slash\t\n\r\b\f\x01\x1f\x7f end";

    (void)state;
    assert_string_equal(str(out, s, sizeof(s) - 1),
                        "\"plain text, 8+ bytes \\\"quoted\\\" back\\\\slash\\t\\n\\r\\b\\f"
                        "\\u0001\\u001F\x7f end\"");
    assert_string_equal(str(out, "", 0), "\"\"");
    assert_string_equal(str(out, "a\0b", 3), "\"a\\u0000b\"");
}

static void test_tokjson_string_at_keeps_utf8(void **state)
{
    char out[TOKJSON_STRING_ROOM(64)];
    const char s[] = "bl\xc3\xa5"
                     "b\xc3\xa6r \xe2\x80\xaf \xf0\x9f\x98\x80 \xd0\x96";

    (void)state;
    assert_string_equal(str(out, s, sizeof(s) - 1),
                        "\"bl\xc3\xa5"
                        "b\xc3\xa6r \xe2\x80\xaf \xf0\x9f\x98\x80 \xd0\x96\"");
}

static void test_tokjson_string_at_refuses_invalid(void **state)
{
    char out[TOKJSON_STRING_ROOM(64)];

    (void)state;
    assert_null(str(out, "abc\xff", 4));
    assert_null(str(out, "long ascii run \xc3", 16)); /* cut 2-byte character */
    assert_null(str(out, "\xc3(", 2));                /* bad continuation */
    assert_null(str(out, "\xc0\xaf", 2));             /* overlong */
    assert_null(str(out, "x \xed\xa0\x80 y", 7));     /* surrogate */
}

/* tokjson_valid_string_at() writes valid text as tokjson_string_at() does, at each place. */
static void test_tokjson_valid_string_at_same(void **state)
{
    static const char *const odd[] = {"\"",   "\\",       "\x01",         "\n",
                                      "\x7f", "\xc3\xa5", "\xe2\x80\xaf", "\xf0\x9f\x98\x80"};
    char s[32], want[TOKJSON_STRING_ROOM(32)], got[TOKJSON_STRING_ROOM(32)];

    (void)state;
    for (size_t k = 0; k < sizeof(odd) / sizeof(*odd); k++) {
        size_t len = strlen(odd[k]);
        for (size_t at = 0; at + len <= 20; at++) {
            size_t ends[] = {at + len, 20}; /* the odd one last, or in a run */
            memset(s, 'a', 20);
            memcpy(s + at, odd[k], len);
            for (size_t e = 0; e < 2; e++) {
                *tokjson_valid_string_at(got, s, ends[e]) = '\0';
                assert_string_equal(got, str(want, s, ends[e]));
            }
        }
    }
}

/* One byte or character that is not plain ASCII at each place of a run, as jansson writes it. */
static void test_tokjson_string_at_every_place(void **state)
{
    static const char *const odd[] = {"\"", "\\", "\x01", "\n", "\x7f", "\xc3\xa5", "\xe2\x80\xaf"};
    char s[32], out[TOKJSON_STRING_ROOM(32)];

    (void)state;
    for (size_t k = 0; k < sizeof(odd) / sizeof(*odd); k++) {
        size_t len = strlen(odd[k]);
        for (size_t at = 0; at + len <= 20; at++) {
            memset(s, 'a', 20);
            memcpy(s + at, odd[k], len);
            json_t *j = json_stringn(s, 20);
            char *want = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT);
            assert_non_null(want);
            assert_string_equal(str(out, s, 20), want);
            free(want);
            json_decref(j);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokjson_size_at_lengths),
        cmocka_unit_test(test_tokjson_string_at_escapes_as_jansson),
        cmocka_unit_test(test_tokjson_string_at_keeps_utf8),
        cmocka_unit_test(test_tokjson_string_at_refuses_invalid),
        cmocka_unit_test(test_tokjson_string_at_every_place),
        cmocka_unit_test(test_tokjson_valid_string_at_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
