#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jscan.h"
#include "jsonl.h"
#include "normalize/normsent.h"
#include "normalize/wordcache.h"

/* Read line into ns as normrun does (the tokens read by the scan), and check that reading it from
 * the index alone (normsent_read()) gives the same tokens. */
static void read_line(struct normsent *ns, const char *line)
{
    struct jscan js;
    struct jscan_triple_sink sink = {"tokens", malloc(16 * sizeof(*sink.t)), 16, 0, false};
    struct normsent plain;

    assert_non_null(sink.t);

    normsent_init(&plain);
    assert_int_equal(jscan_object(&js, line, strlen(line)), 0);
    assert_int_equal(normsent_read(&plain, &js), 0);
    assert_int_equal(jscan_object_triples(&js, line, strlen(line), &sink), 0);
    assert_int_equal(normsent_read_triples(ns, &js, &sink), 0);
    assert_int_equal(ns->ntok, plain.ntok);
    for (size_t i = 0; i < plain.ntok; i++) {
        assert_int_equal(ns->tok[i].a, plain.tok[i].a);
        assert_int_equal(ns->tok[i].b, plain.tok[i].b);
        assert_int_equal(ns->tok[i].c, plain.tok[i].c);
    }
    normsent_release(&plain);
    free(sink.t);
}

/* The fields as claim_rawsent_from_json() reads them from the jansson record. */
static void assert_same_as_jansson(const struct normsent *ns, const char *line)
{
    json_t *rec = json_loads(line, 0, NULL);
    struct claim_rawsent want, got;

    assert_non_null(rec);
    assert_int_equal(claim_rawsent_from_json(&want, rec), 0);
    normsent_raw(ns, &got);
    assert_int_equal(got.tlen, want.tlen);
    if (want.text)
        assert_memory_equal(got.text, want.text, want.tlen);
    else
        assert_null(got.text);
    assert_int_equal(got.start, want.start);
    assert_int_equal(got.sid, want.sid);
    assert_int_equal(got.para, want.para);
    assert_int_equal(got.ntok, want.ntok);
    for (size_t i = 0; i < want.ntok; i++) {
        assert_int_equal(got.tok[i].a, want.tok[i].a);
        assert_int_equal(got.tok[i].b, want.tok[i].b);
        assert_int_equal(got.tok[i].c, want.tok[i].c);
    }
    assert_int_equal(got.nbad, want.nbad);
    for (size_t i = 0; i < want.nbad; i++)
        assert_int_equal(got.bad[i], want.bad[i]);
    claim_rawsent_release(&want);
    json_decref(rec);
}

static void test_normsent_read_as_tokenize_writes(void **state)
{
    const char *line = "{\"doc\":\"d\",\"para\":2,\"sid\":7,\"start\":100,\"text\":\"26 dead.\","
                       "\"tokens\":[[0,2,\"n\"],[3,4,\"w\"],[7,1,\"p\"]],\"type\":\"sentence\"}";
    struct normsent ns;
    (void)state;

    normsent_init(&ns);
    read_line(&ns, line);
    assert_int_equal(ns.ntok, 3);
    assert_int_equal(ns.tok[1].a, 3);
    assert_int_equal(ns.tok[1].b, 4);
    assert_int_equal(ns.tok[1].c, 'w');
    assert_string_equal(buf_str(&ns.text), "26 dead.");
    assert_same_as_jansson(&ns, line);
    normsent_release(&ns);
}

/* Spaces, escapes, reals, negative and missing parts: the slow path, read as jansson reads them. */
static void test_normsent_read_odd_shapes_as_jansson(void **state)
{
    static const char *const lines[] = {
        "{\"text\":\"a\\u00e9 b\",\"tokens\":[ [0, 3, \"w\"], [4,1,\"\\u0077\"] "
        "],\"bad\":[1,\"x\",2]}",
        "{\"text\":\"ab\",\"start\":-5,\"sid\":1.5,\"tokens\":[[0,1],[1.0,1,\"w\"],3,[-1,1,\"\"]]}",
        "{\"text\":7,\"tokens\":\"x\",\"para\":\"p\"}",
        "{\"tokens\":[[0,1,\"w\"],[1,2,\"ww\"],[12345678901234567,1,\"w\"]],\"text\":\"x\"}",
        "{\"tokens\":[]}",
    };
    struct normsent ns;
    (void)state;

    normsent_init(&ns);
    for (size_t i = 0; i < sizeof(lines) / sizeof(*lines); i++) {
        read_line(&ns, lines[i]); /* the slot is reused */
        assert_same_as_jansson(&ns, lines[i]);
    }
    normsent_release(&ns);
}

/* The sentence takes the scan's array and gives its own: the next scan leaves its tokens alone. */
static void test_normsent_read_triples_swaps_the_arrays(void **state)
{
    const char *first = "{\"text\":\"26 dead.\",\"tokens\":[[0,2,\"n\"],[3,4,\"w\"]]}";
    const char *second = "{\"text\":\"x\",\"tokens\":[[9,9,\"s\"]]}";
    struct jscan js;
    struct jscan_triple_sink sink = {"tokens", malloc(4 * sizeof(*sink.t)), 4, 0, false};
    struct jscan_triple *given = sink.t;
    struct normsent ns;
    (void)state;

    assert_non_null(sink.t);
    normsent_init(&ns);
    assert_int_equal(jscan_object_triples(&js, first, strlen(first), &sink), 0);
    assert_int_equal(normsent_read_triples(&ns, &js, &sink), 0);
    assert_ptr_equal(ns.tok, given);
    assert_int_equal(ns.captok, 4);
    assert_null(sink.t); /* ns had no array yet */
    assert_int_equal(sink.max, 0);
    assert_int_equal(jscan_object(&js, second, strlen(second)), 0);
    sink.t = malloc(4 * sizeof(*sink.t));
    sink.max = 4;
    assert_non_null(sink.t);
    assert_int_equal(jscan_object_triples(&js, second, strlen(second), &sink), 0);
    assert_true(sink.found);
    assert_int_equal(ns.ntok, 2);
    assert_int_equal(ns.tok[1].a, 3);
    assert_int_equal(ns.tok[1].b, 4);
    assert_int_equal(ns.tok[1].c, 'w');
    free(sink.t);
    normsent_release(&ns);
}

static void test_normsent_same_para_as_json_equal(void **state)
{
    struct normsent a, b;
    (void)state;

    normsent_init(&a);
    normsent_init(&b);
    read_line(&a, "{\"para\":3}");
    read_line(&b, "{\"para\":3,\"sid\":1}");
    assert_true(normsent_same_para(&a, &b));
    read_line(&b, "{\"para\":3.0}");
    assert_false(normsent_same_para(&a, &b));
    read_line(&a, "{\"para\":\"x\"}");
    read_line(&b, "{\"para\":\"x\"}");
    assert_true(normsent_same_para(&a, &b));
    read_line(&a, "{\"sid\":0}");
    read_line(&b, "{\"sid\":1}");
    assert_false(normsent_same_para(&a, &b)); /* json_equal(NULL, NULL) is false */
    normsent_release(&a);
    normsent_release(&b);
}

static void test_wordcache_get_put_evict(void **state)
{
    struct wordcache *c = wordcache_new(1);
    char longkey[WORDCACHE_KEY + 1];
    size_t n;
    (void)state;

    assert_non_null(c);
    assert_null(wordcache_get(c, "word", 4, &n));
    assert_true(wordcache_put(c, "word", 4, "stem", 4));
    const char *v = wordcache_get(c, "word", 4, &n);
    assert_non_null(v);
    assert_int_equal(n, 4);
    assert_memory_equal(v, "stem", 4);
    assert_null(wordcache_get(c, "wor", 3, &n));
    memset(longkey, 'x', sizeof(longkey));
    assert_false(wordcache_put(c, longkey, sizeof(longkey), "v", 1));
    assert_null(wordcache_get(c, longkey, sizeof(longkey), &n));
    /* two slots: of three keys, at least one evicted another, and none reads another's value */
    assert_true(wordcache_put(c, "a", 1, "1", 1));
    assert_true(wordcache_put(c, "b", 1, "2", 1));
    assert_true(wordcache_put(c, "c", 1, "3", 1));
    int found = 0;
    for (const char *k = "abc"; *k; k++) {
        v = wordcache_get(c, k, 1, &n);
        if (v) {
            assert_int_equal(v[0], '1' + (*k - 'a'));
            found++;
        }
    }
    assert_true(found >= 1 && found <= 2);
    wordcache_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normsent_read_as_tokenize_writes),
        cmocka_unit_test(test_normsent_read_odd_shapes_as_jansson),
        cmocka_unit_test(test_normsent_read_triples_swaps_the_arrays),
        cmocka_unit_test(test_normsent_same_para_as_json_equal),
        cmocka_unit_test(test_wordcache_get_put_evict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
