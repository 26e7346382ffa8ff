/* Tests for recclaim: reading a record, malformed records, intervals. */
#include "reconcile/recclaim.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "err.h"
#include "test_common.h"
#include "test_recfixture.h"

static const char *bad_json;
static int parse_bad(void *arg)
{
    struct recclaim c;
    json_t *base =
        json_pack("{s:s,s:i,s:i,s:s,s:f,s:n,s:n,s:s,s:s,s:s,s:s,s:s}", "doc", "a", "start", 0,
                  "end", 2, "text", "10", "value", 10.0, "low", "high", "qualifier", "exact",
                  "kind", "cardinal", "unit", "", "category", "killed", "lang", "en");
    json_t *o = json_loads(bad_json, 0, NULL);

    (void)arg;
    json_object_update(base, o);
    int rc = recclaim_from_json(&c, base, "n.jsonl", 17);
    if (rc == 1)
        recclaim_release(&c);
    json_decref(o);
    json_decref(base);
    return rc;
}

static void expect_error(const char *over, const char *msg)
{
    char err[512];

    bad_json = over;
    assert_int_equal(capture_stderr(parse_bad, NULL, err, sizeof(err)), -1);
    assert_non_null(strstr(err, msg));
}

static void test_recclaim_from_json_malformed(void **state)
{
    (void)state;
    err_init("reconcile");
    /* the claim fields are missing from this base record */
    expect_error("{}", "reconcile: n.jsonl:17: field 'sid' is missing");
    expect_error("{\"value\":\"10\"}", "n.jsonl:17: field 'value' is not a number");
    expect_error("{\"start\":-1}", "n.jsonl:17: field 'start' is not a non-negative integer");
    expect_error("{\"end\":null}", "n.jsonl:17: field 'end' is not a non-negative integer");
    expect_error("{\"qualifier\":\"many\"}", "n.jsonl:17: field 'qualifier' has unknown value");
    expect_error("{\"category\":5}", "n.jsonl:17: field 'category' is not a category name");
    expect_error("{\"low\":\"x\"}", "n.jsonl:17: field 'low' is not a number or null");
}

static void test_recclaim_from_json_claim_fields(void **state)
{
    json_t *rec = json_loads("{\"doc\":\"a\",\"start\":0,\"end\":2,\"text\":\"10\",\"value\":10,"
                             "\"low\":null,\"high\":null,\"qualifier\":\"exact\",\"kind\":"
                             "\"cardinal\",\"unit\":\"\",\"category\":null,\"lang\":\"en\"}",
                             0, NULL);
    struct recclaim c;
    char err[512];

    (void)state;
    assert_int_equal(recclaim_from_json(&c, rec, "f", 1), 0); /* not a claim */
    json_decref(rec);
    bad_json = "{\"sid\":0,\"ambiguous\":false,\"date\":\"2023-13\",\"as_of\":\"\","
               "\"subject\":\"\",\"victim\":\"\",\"side\":\"\",\"scope\":\"\",\"place\":\"\","
               "\"attribution\":\"\",\"quote\":\"\",\"source\":\"\"}";
    assert_int_equal(capture_stderr(parse_bad, NULL, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "n.jsonl:17: field 'date' is not YYYY"));
}

static void test_recclaim_rounding(void **state)
{
    (void)state;
    assert_true(recclaim_rounding(50000, 0.1) == 5000);
    assert_true(recclaim_rounding(2000, 0.1) == 200);
    assert_true(recclaim_rounding(3500, 0.1) == 50);
    assert_true(recclaim_rounding(65036, 0.1) == 0);
    assert_true(recclaim_rounding(7, 0.1) == 0);
    assert_true(recclaim_rounding(12.5, 0.1) == 0);
}

static void test_recclaim_derive_intervals(void **state)
{
    struct recclaim c[5];

    (void)state;
    mk(&c[0], "{\"value\":5000,\"qualifier\":\"approx\"}");
    mk(&c[1], "{\"value\":1000,\"qualifier\":\"min\",\"text\":\"mer enn 1000\"}");
    mk(&c[2], "{\"value\":1000,\"qualifier\":\"min\",\"text\":\"tusenvis\"}");
    mk(&c[3], "{\"value\":30,\"qualifier\":\"max\",\"text\":\"up to 30\"}");
    mk(&c[4], "{\"value\":25,\"qualifier\":\"range\",\"low\":20,\"high\":30}");
    assert_true(c[0].lo == 3750 && c[0].hi == 6250);
    assert_true(c[1].lo == 1000 && isinf(c[1].hi) && !c[1].vague);
    assert_true(c[2].vague);
    assert_true(c[3].lo == 0 && c[3].hi == 30);
    assert_true(c[4].lo == 20 && c[4].hi == 30 && c[4].est == 25);
    assert_true(c[4].fig_lo == 20 && c[4].fig_hi == 30);
    assert_false(recclaim_overlap(&c[3], &c[1]));
    assert_true(recclaim_overlap(&c[1], &c[2]));
    release(c, 5);
}

/* The claim a line gives through recscan, or -1 when recscan leaves it to jansson. */
static int from_line(struct recclaim *c, const char *line)
{
    static struct recscan sc; /* c->doc of a non-claim points into it, or into copy */
    static char copy[1024];   /* recscan_line() writes into its line */
    size_t len = strlen(line);

    assert_true(len < sizeof(copy));
    memcpy(copy, line, len + 1);
    return recscan_line(&sc, copy, len) == 1 ? recclaim_from_scan(c, &sc) : -1;
}

static void test_recclaim_from_scan_as_json(void **state)
{
    const char *line =
        "{\"ambiguous\":false,\"as_of\":\"Monday\",\"attribution\":\"UN\",\"category\":"
        "\"killed\",\"date\":\"2023-09-27\",\"doc\":\"d1\",\"doc_place\":\"armenia\",\"end\":9,"
        "\"high\":30,\"kind\":\"cardinal\",\"lang\":\"en\",\"low\":20.5,\"place\":\"x\","
        "\"qualifier\":\"range\",\"quote\":\"q \\\"20-30\\\"\",\"scope\":\"total\",\"sid\":3,"
        "\"side\":\"\",\"source\":\"s\",\"start\":4,\"subject\":\"people\",\"text\":\"20-30\","
        "\"unit\":\"\",\"value\":25,\"victim\":\"civilians\"}";
    json_t *rec = json_loads(line, 0, NULL);
    struct recclaim a, b;

    (void)state;
    assert_int_equal(recclaim_from_json(&a, rec, "f", 1), 1);
    assert_int_equal(from_line(&b, line), 1);
    for (size_t i = 0; i < recclaim_nstrings; i++)
        assert_string_equal(*(const char *const *)((const char *)&a + recclaim_string_fields[i]),
                            *(const char *const *)((const char *)&b + recclaim_string_fields[i]));
    assert_string_equal(a.quote, b.quote);
    assert_string_equal(b.quote, "q \"20-30\"");
    assert_string_equal(a.doc_place, b.doc_place);
    assert_string_equal(a.as_of, b.as_of);
    assert_string_equal(a.victim, b.victim);
    assert_true(a.start == b.start && a.end == b.end && a.sid == b.sid);
    assert_true(a.value == b.value && a.low == b.low && a.high == b.high);
    assert_true(a.dated && b.dated && a.when.first == b.when.first);
    recclaim_release(&a);
    recclaim_release(&b);
    json_decref(rec);
}

static void test_recclaim_from_scan_leaves_errors(void **state)
{
    struct recclaim c;

    (void)state;
    /* valid JSON, but records recclaim_from_json() reports: left to it */
    assert_int_equal(from_line(&c, "{\"doc\":\"a\"}"), -1);
    assert_int_equal(from_line(&c, "{\"doc\":\"a\",\"start\":0,\"end\":2,\"text\":\"10\","
                                   "\"value\":10,\"low\":null,\"high\":null,\"qualifier\":"
                                   "\"many\",\"kind\":\"cardinal\",\"unit\":\"\",\"category\":"
                                   "null,\"lang\":\"en\"}"),
                     -1);
    /* the same with a known qualifier is a valid record that is no claim */
    assert_int_equal(from_line(&c, "{\"doc\":\"a\",\"start\":0,\"end\":2,\"text\":\"10\","
                                   "\"value\":10,\"low\":null,\"high\":null,\"qualifier\":"
                                   "\"exact\",\"kind\":\"cardinal\",\"unit\":\"\",\"category\":"
                                   "null,\"lang\":\"en\"}"),
                     0);
    assert_string_equal(c.doc, "a");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recclaim_from_json_malformed),
        cmocka_unit_test(test_recclaim_from_json_claim_fields),
        cmocka_unit_test(test_recclaim_from_scan_as_json),
        cmocka_unit_test(test_recclaim_from_scan_leaves_errors),
        cmocka_unit_test(test_recclaim_rounding),
        cmocka_unit_test(test_recclaim_derive_intervals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
