#include "test_common.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tokenize/manifest.h"
#include "tokenize/tokconf.h"

static struct tokconf tc;

static int setup(void **state)
{
    (void)state;
    return tokconf_load(&tc, "config");
}

static int teardown(void **state)
{
    (void)state;
    tokconf_release(&tc);
    return 0;
}

/* Parse len bytes; returns manifest_read's result, leaves the stderr line in msg. */
static int parse_bytes(const char *text, size_t len, struct manifest *m, char *msg, size_t size)
{
    FILE *in = fmemopen((void *)text, len, "r");
    FILE *err = tmpfile();
    int saved = dup(2);

    dup2(fileno(err), 2);
    int rc = manifest_read(m, in, "manifest.csv", &tc);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(err);
    msg[0] = '\0';
    if (!fgets(msg, (int)size, err))
        msg[0] = '\0';
    fclose(err);
    fclose(in);
    return rc;
}

static int parse(const char *text, struct manifest *m, char *msg, size_t size)
{
    return parse_bytes(text, strlen(text), m, msg, size);
}

static void test_manifest_read_good(void **state)
{
    (void)state;
    struct manifest m;
    char msg[256];

    assert_int_equal(parse("doc,date,lang,source,url\r\nb,2023-09,,,\r\n\r\na,2020-10-02,nb,"
                           "\"Paper, \"\"The\"\"\",http://x\r\n",
                           &m, msg, sizeof(msg)),
                     0);
    assert_int_equal(m.n, 2);
    struct manifest_row *r = manifest_find(&m, "a");
    assert_non_null(r);
    assert_string_equal(r->date, "2020-10-02");
    assert_string_equal(r->lang, "nb");
    assert_string_equal(r->source, "Paper, \"The\"");
    assert_int_equal(r->line, 4);
    assert_true(r->used);
    assert_null(manifest_find(&m, "c"));
    manifest_release(&m);
}

static void expect_error(const char *text, const char *want)
{
    struct manifest m;
    char msg[256];

    assert_int_equal(parse(text, &m, msg, sizeof(msg)), -1);
    assert_non_null(strstr(msg, want));
    assert_int_equal(m.n, 0);
}

/* Lines ended by a lone CR (old Mac exports) are counted as lines. */
static void test_manifest_read_cr_lines(void **state)
{
    (void)state;
    struct manifest m;
    char msg[256];

    assert_int_equal(parse("doc,date,lang,source,url\rb,2023-09,,,\r\ra,2020-10-02,nb,,\r", &m, msg,
                           sizeof(msg)),
                     0);
    assert_int_equal(m.n, 2);
    assert_int_equal(manifest_find(&m, "b")->line, 2);
    assert_int_equal(manifest_find(&m, "a")->line, 4);
    manifest_release(&m);
    expect_error("doc,date,lang,source,url\ra,,,,\rb,2023-9,,,\r", "manifest.csv:3: date is not");
    expect_error("doc,date,lang,source,url\r\na,,,,\rb,,,,\ra,,,,\r\n",
                 "manifest.csv:4: duplicate row for doc 'a' (first at line 2)");
}

/* A NUL byte inside a field is an error, not the end of the value. */
static void test_manifest_read_nul_in_field(void **state)
{
    (void)state;
    static const char text[] = "doc,date,lang,source,url\na\0b,,,,\n";
    struct manifest m;
    char msg[256];

    assert_int_equal(parse_bytes(text, sizeof(text) - 1, &m, msg, sizeof(msg)), -1);
    assert_non_null(strstr(msg, "manifest.csv:2: NUL byte in a field"));
    assert_int_equal(m.n, 0);
}

static void test_manifest_read_unterminated_quote(void **state)
{
    (void)state;
    expect_error("doc,date,lang,source,url\na,,,,\nb,,,\"open,\n",
                 "manifest.csv:3: unterminated quoted field");
}

static void test_manifest_read_wrong_header(void **state)
{
    (void)state;
    expect_error("doc,date,language,source,url\n", "manifest.csv:1: header must be");
}

static void test_manifest_read_wrong_columns(void **state)
{
    (void)state;
    expect_error("doc,date,lang,source,url\na,,,,\nb,,\n", "manifest.csv:3: 3 fields, want 5");
}

static void test_manifest_read_bad_date(void **state)
{
    (void)state;
    expect_error("doc,date,lang,source,url\na,2023-9,,,\n", "manifest.csv:2: date is not");
}

static void test_manifest_read_unknown_lang(void **state)
{
    (void)state;
    expect_error("doc,date,lang,source,url\na,,xx,,\n",
                 "manifest.csv:2: language is not configured");
}

static void test_manifest_read_empty_doc(void **state)
{
    (void)state;
    expect_error("doc,date,lang,source,url\n,,,,\n", "manifest.csv:2: empty doc");
}

static void test_manifest_read_duplicate(void **state)
{
    (void)state;
    expect_error("doc,date,lang,source,url\na,,,,\nb,,,,\na,,,,\n",
                 "manifest.csv:4: duplicate row for doc 'a' (first at line 2)");
}

static void test_manifest_read_empty_file(void **state)
{
    (void)state;
    expect_error("", "manifest.csv:1: empty file");
}

static void test_manifest_read_stray_quote(void **state)
{
    (void)state;
    expect_error("doc,date,lang,source,url\na,,,so\"urce,\n", "manifest.csv:2:");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_manifest_read_good),
        cmocka_unit_test(test_manifest_read_cr_lines),
        cmocka_unit_test(test_manifest_read_nul_in_field),
        cmocka_unit_test(test_manifest_read_unterminated_quote),
        cmocka_unit_test(test_manifest_read_wrong_header),
        cmocka_unit_test(test_manifest_read_wrong_columns),
        cmocka_unit_test(test_manifest_read_bad_date),
        cmocka_unit_test(test_manifest_read_unknown_lang),
        cmocka_unit_test(test_manifest_read_empty_doc),
        cmocka_unit_test(test_manifest_read_duplicate),
        cmocka_unit_test(test_manifest_read_empty_file),
        cmocka_unit_test(test_manifest_read_stray_quote),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
