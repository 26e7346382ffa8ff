#include "test_common.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numidx.h"

static void test_numidx_find_keys_and_values(void **state)
{
    (void)state;
    json_t *obj =
        json_pack("{s:i, s:f, s:s, s:b}", "five", 5, "half", 0.5, "over", "min", "per cent", 1);
    struct numidx ix = NUMIDX_INIT;

    assert_int_equal(numidx_build(&ix, obj), 0);
    assert_int_equal(ix.n, 4);
    assert_int_equal(ix.maxlen, strlen("per cent"));
    const struct numidx_entry *e = numidx_find(&ix, "fivefold", 4);
    assert_non_null(e);
    assert_true(e->num == 5);
    assert_ptr_equal(e->val, json_object_get(obj, "five"));
    assert_true(numidx_find(&ix, "half", 4)->num == 0.5);
    assert_true(isnan(numidx_find(&ix, "over", 4)->num));
    assert_non_null(numidx_find(&ix, "per cent", 8));
    assert_null(numidx_find(&ix, "fiv", 3));
    assert_null(numidx_find(&ix, "fives", 5));
    assert_null(numidx_find(&ix, "", 0));
    assert_ptr_equal(numidx_find_hashed(&ix, "half", 4, numidx_hash("half", 4)),
                     numidx_find(&ix, "half", 4));
    assert_null(numidx_find_hashed(&ix, "fives", 5, numidx_hash("fives", 5)));
    numidx_release(&ix);
    json_decref(obj);
}

static void test_numidx_grows_past_its_first_table(void **state)
{
    (void)state;
    json_t *obj = json_object();
    struct numidx ix = NUMIDX_INIT;
    char key[16];

    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof(key), "w%d", i);
        assert_int_equal(json_object_set_new(obj, key, json_integer(i)), 0);
    }
    assert_int_equal(numidx_build(&ix, obj), 0);
    assert_int_equal(ix.n, 1000);
    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof(key), "w%d", i);
        const struct numidx_entry *e = numidx_find(&ix, key, strlen(key));
        assert_non_null(e);
        assert_true(e->num == i);
    }
    assert_null(numidx_find(&ix, "w1000", 5));
    numidx_release(&ix);
    json_decref(obj);
}

/*
 * The hash reads a key by words of eight and four bytes and its last few one
 * by one: keys of every length up to three words, and keys that differ in
 * one byte at any place, are each found as themselves, and the hash depends
 * on the bytes only, not on where they lie in memory.
 */
/*
 * A key read with the bytes past it (numidx_hash_padded()) hashes as when read
 * without them, whatever those bytes are: every length up to three words, every
 * byte value, at every alignment.
 */
static void test_numidx_hash_padded_as_hash(void **state)
{
    (void)state;
    char buf[64];
    unsigned seed = 1;

    for (size_t len = 0; len <= 25; len++)
        for (size_t at = 0; at < 8; at++)
            for (int round = 0; round < 64; round++) {
                for (size_t k = 0; k < sizeof(buf); k++) {
                    seed = seed * 1103515245u + 12345u;
                    buf[k] = (char)(seed >> 16);
                }
                if (round == 0)
                    memset(buf + at + len, 0, 8); /* a NUL and zeros past the key */
                if (round == 1)
                    memset(buf + at + len, 0xFF, 8);
                assert_int_equal(numidx_hash_padded(buf + at, len), numidx_hash(buf + at, len));
            }
}

static void test_numidx_hashes_every_length_and_byte(void **state)
{
    (void)state;
    json_t *obj = json_object();
    struct numidx ix = NUMIDX_INIT;
    char key[32], moved[40];

    for (size_t len = 1; len <= 25; len++)
        for (size_t at = 0; at <= len; at++) {
            memset(key, 'a', len);
            key[len] = '\0';
            if (at < len)
                key[at] = 'b';
            assert_int_equal(
                json_object_set_new(obj, key, json_integer((json_int_t)(len * 100 + at))), 0);
        }
    assert_int_equal(numidx_build(&ix, obj), 0);
    for (size_t len = 1; len <= 25; len++)
        for (size_t at = 0; at <= len; at++) {
            memset(key, 'a', len);
            if (at < len)
                key[at] = 'b';
            const struct numidx_entry *e = numidx_find(&ix, key, len);
            assert_non_null(e);
            assert_true(e->num == (double)(len * 100 + at));
            memcpy(moved + 3, key, len);
            assert_int_equal(numidx_hash(moved + 3, len), numidx_hash(key, len));
        }
    memset(key, 'c', 25);
    assert_null(numidx_find(&ix, key, 25));
    assert_null(numidx_find(&ix, "abb", 3)); /* two bytes changed: no key */
    numidx_release(&ix);
    json_decref(obj);
}

static void test_numidx_add_prefixes_marks_whole_keys(void **state)
{
    (void)state;
    json_t *a = json_pack("{s:i, s:i}", "tre", 3, "tretti", 30);
    json_t *b = json_pack("{s:i}", "tretten", 13);
    struct numidx ix = NUMIDX_INIT;

    assert_int_equal(numidx_add_prefixes(&ix, a), 0);
    assert_int_equal(numidx_add_prefixes(&ix, b), 0);
    const struct numidx_entry *e = numidx_find(&ix, "tre", 3);
    assert_non_null(e);
    assert_true(e->whole); /* "tretti" and "tretten" do not unmark it */
    assert_non_null(e = numidx_find(&ix, "trett", 5));
    assert_false(e->whole);
    assert_true(numidx_find(&ix, "tretten", 7)->whole);
    assert_non_null(numidx_find(&ix, "t", 1));
    assert_null(numidx_find(&ix, "trex", 4));
    assert_null(numidx_find(&ix, "trettenx", 8));
    numidx_release(&ix);
    json_decref(a);
    json_decref(b);
}

static void test_numidx_add_heads_marks_first_words(void **state)
{
    (void)state;
    json_t *a = json_pack("{s:b, s:b}", "more than", 1, "over", 1);
    json_t *b = json_pack("{s:b}", "more", 1);
    struct numidx ix = NUMIDX_INIT;

    assert_int_equal(numidx_add_heads(&ix, a, 1), 0);
    assert_int_equal(numidx_add_heads(&ix, b, 4), 0);
    assert_true(numidx_find(&ix, "more", 4)->tables == 5);
    assert_true(numidx_find(&ix, "over", 4)->tables == 1);
    assert_null(numidx_find(&ix, "than", 4));
    assert_null(numidx_find(&ix, "more than", 9));
    numidx_release(&ix);
    json_decref(a);
    json_decref(b);
}

static void test_numidx_empty_finds_nothing(void **state)
{
    (void)state;
    struct numidx ix = NUMIDX_INIT;

    assert_int_equal(numidx_build(&ix, NULL), 0);
    assert_null(numidx_find(&ix, "x", 1));
    numidx_release(&ix);
    assert_null(numidx_find(&ix, "x", 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numidx_find_keys_and_values),
        cmocka_unit_test(test_numidx_grows_past_its_first_table),
        cmocka_unit_test(test_numidx_hashes_every_length_and_byte),
        cmocka_unit_test(test_numidx_hash_padded_as_hash),
        cmocka_unit_test(test_numidx_add_prefixes_marks_whole_keys),
        cmocka_unit_test(test_numidx_add_heads_marks_first_words),
        cmocka_unit_test(test_numidx_empty_finds_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
