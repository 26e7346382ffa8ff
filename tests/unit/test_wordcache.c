#include "test_common.h"

#include <string.h>

#include "normalize/wordcache.h"

/* Every key length the cache takes is stored and found again, each under its own value. */
static void test_wordcache_keys_of_every_length(void **state)
{
    (void)state;
    struct wordcache *c = wordcache_new(16);
    char key[WORDCACHE_KEY + 1], val[4];
    size_t vlen;

    assert_non_null(c);
    memset(key, 'k', sizeof(key));
    for (size_t n = 1; n <= WORDCACHE_KEY; n++) {
        val[0] = (char)('0' + n % 10);
        assert_true(wordcache_put(c, key, n, val, 1));
    }
    for (size_t n = 1; n <= WORDCACHE_KEY; n++) {
        const char *v = wordcache_get(c, key, n, &vlen);
        assert_non_null(v);
        assert_int_equal(vlen, 1);
        assert_int_equal(v[0], '0' + n % 10);
    }
    assert_null(wordcache_get(c, key, WORDCACHE_KEY + 1, &vlen));
    assert_false(wordcache_put(c, key, WORDCACHE_KEY + 1, val, 1));
    assert_false(wordcache_put(c, key, 0, val, 1));
    wordcache_free(c);
}

/* A key that differs from a stored one in a single byte (first, middle or last) is not found as
 * it. */
static void test_wordcache_tells_keys_apart(void **state)
{
    (void)state;
    struct wordcache *c = wordcache_new(12);
    const char *keys[] = {"a", "ab", "abc", "abcde", "abcdefg", "abcdefgh", "abcdefghijk"};
    size_t vlen;

    assert_non_null(c);
    for (size_t k = 0; k < sizeof(keys) / sizeof(*keys); k++) {
        size_t n = strlen(keys[k]);
        char other[16];
        assert_true(wordcache_put(c, keys[k], n, "v", 1));
        for (size_t at = 0; at < n; at += (n > 2 ? n / 2 : 1)) {
            memcpy(other, keys[k], n);
            other[at] = 'z';
            assert_null(wordcache_get(c, other, n, &vlen));
        }
        other[n - 1] = 'z';
        memcpy(other, keys[k], n - 1);
        assert_null(wordcache_get(c, other, n, &vlen));
        assert_non_null(wordcache_get(c, keys[k], n, &vlen));
    }
    wordcache_free(c);
}

/* In a cache of one slot every key meets every other: a key of the same length that differs in
 * any one byte is not taken for the stored one. */
static void test_wordcache_compares_every_byte(void **state)
{
    (void)state;
    struct wordcache *c = wordcache_new(0);
    char key[WORDCACHE_KEY], other[WORDCACHE_KEY];
    size_t vlen;

    assert_non_null(c);
    for (size_t n = 1; n <= WORDCACHE_KEY; n++) {
        for (size_t i = 0; i < n; i++)
            key[i] = (char)('a' + i % 26);
        assert_true(wordcache_put(c, key, n, "v", 1));
        assert_non_null(wordcache_get(c, key, n, &vlen));
        for (size_t at = 0; at < n; at++) {
            memcpy(other, key, n);
            other[at] = 'Z';
            assert_null(wordcache_get(c, other, n, &vlen));
        }
    }
    wordcache_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wordcache_keys_of_every_length),
        cmocka_unit_test(test_wordcache_tells_keys_apart),
        cmocka_unit_test(test_wordcache_compares_every_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
