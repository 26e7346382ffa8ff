#include "test_common.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "jsonl.h"
#include "normalize/normrec.h"

static struct normstr str(const char *s)
{
    return (struct normstr){s, strlen(s)};
}

/* A number as a jansson value: null, an integer when whole, else a real (as resolve made them). */
static json_t *num(double v)
{
    if (isnan(v))
        return json_null();
    if (v == floor(v) && fabs(v) < 9e15)
        return json_integer((json_int_t)v);
    return json_real(v);
}

static void set_str(json_t *o, const char *key, const struct normstr *s)
{
    assert_int_equal(json_object_set_new(o, key, json_stringn(s->p, s->n)), 0);
}

/* r as the jansson record normalize used to build and write. */
static json_t *as_json(const struct normrec *r)
{
    json_t *o = json_object();

    set_str(o, "doc", &r->doc);
    set_str(o, "text", &r->text);
    json_object_set_new(o, "sid", json_integer(r->sid));
    json_object_set_new(o, "start", json_integer(r->start));
    json_object_set_new(o, "end", json_integer(r->end));
    if (r->lang_string)
        set_str(o, "lang", &r->lang);
    else
        json_object_set(o, "lang", r->lang_other ? r->lang_other : json_null());
    json_object_set_new(o, "value", num(r->value));
    json_object_set_new(o, "low", num(r->low));
    json_object_set_new(o, "high", num(r->high));
    json_object_set_new(o, "qualifier", json_string(r->qualifier));
    json_object_set_new(o, "kind", json_string(r->kind));
    json_object_set_new(o, "unit", json_string(r->unit));
    json_object_set_new(o, "ambiguous", json_boolean(r->ambiguous));
    json_object_set_new(o, "category",
                        r->annotated && r->category ? json_string(r->category) : json_null());
    if (!r->annotated)
        return o;
    const struct normstr *f[] = {&r->subject, &r->victim,    &r->side,        &r->scope,
                                 &r->place,   &r->doc_place, &r->attribution, &r->as_of,
                                 &r->quote,   &r->date,      &r->source};
    const char *k[] = {"subject",     "victim", "side",  "scope", "place", "doc_place",
                       "attribution", "as_of",  "quote", "date",  "source"};
    for (size_t i = 0; i < sizeof(f) / sizeof(*f); i++)
        set_str(o, k[i], f[i]);
    return o;
}

static void assert_put_as_jsonl_write(const struct normrec *r)
{
    char out[2048];
    struct buf b = BUF_INIT;
    json_t *o = as_json(r);
    FILE *fp = fmemopen(out, sizeof(out), "w");

    assert_non_null(fp);
    assert_int_equal(jsonl_write(fp, o), 0);
    fclose(fp);
    assert_int_equal(normrec_put(&b, r), 0);
    assert_int_equal(strlen(out), b.len + 1);
    assert_memory_equal(out, b.data, b.len);
    json_decref(o);
    buf_release(&b);
}

static struct normrec plain_rec(void)
{
    struct normrec r;

    memset(&r, 0, sizeof(r));
    r.doc = str("g001");
    r.text = str("rundt \"65.036\"\n\x01 \xc3\xa9/");
    r.lang = str("nb");
    r.lang_string = true;
    r.sid = 12;
    r.start = 0;
    r.end = 9223372036854775807LL;
    r.value = 65036;
    r.low = 65036 * 0.75;
    r.high = NAN;
    r.qualifier = "min";
    r.kind = "cardinal";
    r.unit = "";
    return r;
}

static void test_normrec_put_plain(void **state)
{
    struct normrec r = plain_rec();

    (void)state;
    assert_put_as_jsonl_write(&r);
    r.value = -0.5;
    r.low = 1e300;
    r.high = -9007199254740993.0;
    r.ambiguous = true;
    assert_put_as_jsonl_write(&r);
    r.value = 0.1;
    r.low = -7;
    r.high = 1e-10;
    r.lang_string = false; /* lang missing: null */
    assert_put_as_jsonl_write(&r);
    r.sid = -1; /* integers of every width, written in place */
    r.start = -9223372036854775807LL - 1;
    r.end = 1000000000;
    r.value = -9;
    assert_put_as_jsonl_write(&r);
    r.lang_other = json_loads("[1, 2.50, \"x\"]", 0, NULL);
    assert_non_null(r.lang_other);
    assert_put_as_jsonl_write(&r);
    normrec_release(&r);
    assert_null(r.lang_other);
}

static void test_normrec_put_annotated(void **state)
{
    struct normrec r = plain_rec();

    (void)state;
    r.annotated = true;
    r.category = NULL;
    r.subject = r.victim = r.side = r.scope = r.place = r.doc_place = str("");
    r.attribution = r.as_of = r.date = r.source = str("");
    r.quote = str("Rundt 65.036 \"personer\"");
    assert_put_as_jsonl_write(&r);
    r.category = "displaced";
    r.subject = str("personer");
    r.victim = str("civilians");
    r.side = str("armenia");
    r.scope = str("total");
    r.place = str("armenia");
    r.doc_place = str("azerbaijan");
    r.attribution = str("FN");
    r.as_of = str("onsdag\t");
    r.date = str("2023-09");
    r.source = str("nrk");
    assert_put_as_jsonl_write(&r);
}

static void test_normpool_keeps_addresses(void **state)
{
    struct normpool p;
    char big[70000];
    const char *first, *s;

    (void)state;
    normpool_init(&p);
    first = normpool_add(&p, "abc", 3);
    assert_string_equal(first, "abc");
    memset(big, 'x', sizeof(big));
    s = normpool_add(&p, big, sizeof(big)); /* a block of its own */
    assert_non_null(s);
    assert_memory_equal(s, big, sizeof(big));
    assert_int_equal(s[sizeof(big)], '\0');
    for (int i = 0; i < 10000; i++)
        assert_non_null(normpool_add(&p, "0123456789", 10));
    assert_string_equal(first, "abc");
    assert_string_equal(normpool_add(&p, "", 0), "");
    normpool_reset(&p);
    assert_string_equal(normpool_add(&p, "de", 2), "de");
    normpool_reset(&p);
    assert_string_equal(normpool_add(&p, "f", 1), "f");
    normpool_release(&p);
}

/* v through normrec_real_fast(): the bytes json_dumpb() writes for json_real(v), or nothing. */
static size_t check_real(double v)
{
    char want[64], got[32];
    json_t *real = json_real(v);
    size_t n = real ? json_dumpb(real, want, sizeof(want), JSON_ENCODE_ANY | JSON_COMPACT) : 0;
    size_t k = normrec_real_fast(v, got);

    json_decref(real);
    if (k == 0)
        return 0;
    if (k != n || memcmp(got, want, n) != 0)
        fail_msg("%.17g: got '%.*s', jansson writes '%.*s'", v, (int)k, got, (int)n, want);
    return k;
}

/* A small generator of bit patterns (xorshift), so the test is the same every run. */
static uint64_t next_bits(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

static void test_normrec_real_fast_as_jansson(void **state)
{
    static const double edge[] = {
        0.1,
        0.5,
        2.5,
        0.3,
        1.1,
        99.99,
        0.001,
        0.0001,
        0.00012345,
        0.00009999,
        1e-5,
        123.456,
        -0.1,
        -2.5,
        1e15 + 0.5,
        4503599627370495.5,
        1234567890123456.25,
        1234567890123456.75,
        999999999999999.9,
        0.99999999999999999,
        9.9999999999999982,
        0.0009765625,
        3.0000000000000004,
    };
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    size_t fast = 0, tried = 0;
    (void)state;

    for (size_t i = 0; i < sizeof(edge) / sizeof(*edge); i++)
        fast += check_real(edge[i]) > 0;
    for (long k = -200000; k <= 200000; k += 7) { /* decimals as texts give them */
        fast += check_real((double)k / 10) > 0;
        fast += check_real((double)k / 100) > 0;
        fast += check_real((double)k / 1000) > 0;
        fast += check_real((double)k / 3) > 0;
        tried += 4;
    }
    for (int i = 0; i < 200000; i++, tried += 3) { /* any bits, and magnitudes near the limits */
        uint64_t b = next_bits(&x);
        double v;
        memcpy(&v, &b, sizeof(v));
        fast += check_real(v) > 0;
        fast += check_real(ldexp((double)(b >> 11), -(int)(b % 70))) > 0;
        fast += check_real((double)(b >> 11) / 8 + 0.125) > 0; /* ties past the 17th digit */
    }
    assert_true(fast > tried / 2); /* most values take the fast path */
    assert_int_equal(normrec_real_fast(2.0, (char[32]){0}), 0);
    assert_int_equal(normrec_real_fast(NAN, (char[32]){0}), 0);
    assert_int_equal(normrec_real_fast(1e-5, (char[32]){0}), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normrec_put_plain),
        cmocka_unit_test(test_normrec_put_annotated),
        cmocka_unit_test(test_normpool_keeps_addresses),
        cmocka_unit_test(test_normrec_real_fast_as_jansson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
