#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "extract/mention.h"
#include "jsonl.h"

/* What jsonl_write() gives rec, as a string (free it). */
static char *dumped(json_t *rec)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);

    assert_non_null(fp);
    assert_int_equal(jsonl_write(fp, rec), 0);
    assert_int_equal(fclose(fp), 0);
    json_decref(rec);
    return text;
}

/* mention_put()'s record for m in the sentence tr, as a string (free it). */
static char *put(const struct tokrec *tr, const struct numtok_list *toks,
                 const struct scan_mention *m, const char *lang)
{
    struct mention_ctx ctx = {tr, toks, lang};
    struct buf b = BUF_INIT;

    assert_int_equal(mention_put(&b, &ctx, m), 0);
    return buf_detach(&b);
}

static void test_mention_put_matches_jansson_every_part(void **state)
{
    (void)state;
    const char *text = "about 2 \"to\" 3 000 km/h\tof \xc3\xa9t\xc3\xa9 \\ \x01 so";
    struct tokrec tr = {.doc = "d/\"x\"",
                        .text = text,
                        .text_len = strlen(text),
                        .sid = 4,
                        .start = 50,
                        .end = 50 + strlen(text)};
    struct numtok_list toks = NUMTOK_LIST_INIT;
    struct scan_mention m = {.form = "range", .hint = "time", .share = true};

    assert_int_equal(numtok_lex(text, strlen(text), &toks), 0);
    assert_true(toks.n >= 14);
    m.from = 0;
    m.to = toks.n;
    m.qual = (struct scan_span){0, 1};
    m.num = (struct scan_span){1, 2};
    m.hi = (struct scan_span){5, 6};
    m.den = (struct scan_span){2, 5};
    m.unit = (struct scan_span){6, 9};
    m.postq = (struct scan_span){9, 11};
    m.prefix = (struct scan_span){11, 12};
    m.suffix = (struct scan_span){12, toks.n};
    char *got = put(&tr, &toks, &m, "en");
    size_t a = toks.v[0].start, z = toks.v[toks.n - 1].end;
#define SPAN(s) text + toks.v[(s).from].start, toks.v[(s).to - 1].end - toks.v[(s).from].start
    char *want = dumped(json_pack(
        "{s:s, s:s, s:I, s:I, s:I, s:s%, s:s, s:s, s:s, s:b, s:s%, s:s%, s:s%, s:s%, s:s%, s:s%, "
        "s:s%, s:s%}",
        "type", "mention", "doc", tr.doc, "sid", (json_int_t)4, "start", (json_int_t)(50 + a),
        "end", (json_int_t)(50 + z), "text", text + a, z - a, "form", "range", "lang", "en", "hint",
        "time", "share", 1, "num", SPAN(m.num), "hi", SPAN(m.hi), "den", SPAN(m.den), "qual",
        SPAN(m.qual), "post_qual", SPAN(m.postq), "unit", SPAN(m.unit), "prefix", SPAN(m.prefix),
        "suffix", SPAN(m.suffix)));
#undef SPAN
    assert_string_equal(got, want);
    free(got);
    free(want);
    numtok_list_release(&toks);
}

static void test_mention_put_leaves_out_empty_parts(void **state)
{
    (void)state;
    const char *text = "12 dead";
    struct tokrec tr = {.doc = "d", .text = text, .text_len = 7, .sid = 0, .start = 9, .end = 16};
    struct numtok_list toks = NUMTOK_LIST_INIT;
    struct scan_mention m = {.from = 0, .to = 1, .form = "digits", .num = {0, 1}};

    assert_int_equal(numtok_lex(text, strlen(text), &toks), 0);
    char *got = put(&tr, &toks, &m, "nb");
    assert_string_equal(got,
                        "{\"doc\":\"d\",\"end\":11,\"form\":\"digits\",\"lang\":\"nb\",\"num\":"
                        "\"12\",\"sid\":0,\"start\":9,\"text\":\"12\",\"type\":\"mention\"}\n");
    free(got);
    numtok_list_release(&toks);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mention_put_matches_jansson_every_part),
        cmocka_unit_test(test_mention_put_leaves_out_empty_parts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
