#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "jsonl.h"
#include "par.h"
#include "stats.h"

static void test_par_threads_arg(void **state)
{
    (void)state;
    assert_int_equal(par_threads_arg("0"), 0);
    assert_int_equal(par_threads_arg("3"), 3);
    assert_int_equal(par_threads_arg("64"), PAR_MAX);
    assert_int_equal(par_threads_arg("65"), -1);
    assert_int_equal(par_threads_arg("-1"), -1);
    assert_int_equal(par_threads_arg("2x"), -1);
    assert_int_equal(par_threads_arg(""), -1);
    assert_true(par_threads_default() >= 1 && par_threads_default() <= PAR_MAX);
}

/* A JSONL file of ndocs documents, each a doc record and nsent sentence records. */
static char *write_docs(int ndocs, int nsent)
{
    char *path = strdup("/tmp/test_par_XXXXXX");
    int fd = mkstemp(path);
    FILE *fp = fdopen(fd, "w");

    assert_non_null(fp);
    for (int d = 0; d < ndocs; d++) {
        fprintf(fp, "{\"doc\":\"d%d\",\"type\":\"doc\"}\n", d);
        if (d == 1)
            fputs("\n", fp); /* an empty line belongs to no record */
        for (int s = 0; s < nsent; s++)
            fprintf(fp, "{\"doc\":\"d%d\",\"sid\":%d,\"type\":\"sentence\"}\n", d, s);
    }
    fclose(fp);
    return path;
}

/* par_cut_jsonl(): parts of about chunk bytes, each but the first at a doc record, lines from 0. */
static void test_par_cut_jsonl_cuts_before_docs(void **state)
{
    (void)state;
    char *path = write_docs(10, 4);
    struct par_range *r;

    for (off_t chunk = 64; chunk <= 4096; chunk *= 2) {
        int k = par_cut_jsonl(path, 2, chunk, &r);
        assert_true(k >= 1 && k <= 10);
        if (k == 1) {
            assert_null(r);
            continue;
        }
        size_t seen = 0;
        for (int i = 0; i < k; i++) {
            struct jsonl_reader rd;
            size_t len;
            int first = 1;
            assert_true(i == 0 ? r[i].start == 0 : r[i].start == r[i - 1].end);
            assert_int_equal(r[i].line0, 0);
            assert_int_equal(jsonl_open_range(&rd, path, r[i].start, r[i].end, r[i].line0), 0);
            while (jsonl_next_line(&rd, &len) == 1) {
                if (first && i > 0)
                    assert_non_null(strstr(rd.buf, "\"type\":\"doc\""));
                first = 0;
                seen++;
            }
            jsonl_close(&rd);
        }
        assert_true(r[k - 1].end == -1);
        assert_int_equal(seen, 50);
        free(r);
    }
    assert_int_equal(par_cut_jsonl(path, 2, 64, &r), 10); /* one document a part at most */
    free(r);
    assert_int_equal(par_cut_jsonl(path, 4, 1 << 20, &r), 4); /* at least one a thread */
    free(r);
    unlink(path);
    free(path);
}

static void test_par_cut_jsonl_keeps_whole(void **state)
{
    (void)state;
    char *path = write_docs(1, 40); /* one document: nowhere to cut */
    struct par_range *r;

    assert_int_equal(par_cut_jsonl(path, 4, 64, &r), 1);
    assert_null(r);
    assert_int_equal(par_cut_jsonl(path, 1, 64, &r), 1); /* one thread */
    assert_int_equal(par_cut_jsonl("-", 4, 64, &r), 1);
    assert_int_equal(par_cut_jsonl("/nonexistent/x.jsonl", 4, 64, &r), 1);
    assert_int_equal(par_cut_jsonl("/tmp", 4, 64, &r), 1);
    assert_null(r);
    unlink(path);
    free(path);
}

/* par_split_lines(): the parts begin at any line, every line read once, numbered right. */
static void test_par_split_lines_cuts_anywhere(void **state)
{
    (void)state;
    char *path = write_docs(1, 40); /* no doc record to cut before: lines will do */
    struct par_range r[PAR_MAX];

    for (int n = 2; n <= 8; n++) {
        int k = par_split_lines(path, n, r);
        assert_int_equal(k, n);
        size_t seen = 0, line = 0;
        for (int i = 0; i < k; i++) {
            struct jsonl_reader rd;
            size_t len;
            if (i > 0)
                assert_true(r[i].start == r[i - 1].end);
            assert_int_equal(jsonl_open_range(&rd, path, r[i].start, r[i].end, r[i].line0), 0);
            while (jsonl_next_line(&rd, &len) == 1) {
                assert_int_equal(rd.line, line + 1); /* consecutive across parts */
                line = rd.line;
                seen++;
            }
            jsonl_close(&rd);
        }
        assert_int_equal(seen, 41);
    }
    {
        struct par_range *c;
        assert_int_equal(par_cut_jsonl(path, 4, 64, &c), 1); /* the same file: no doc to cut at */
    }
    unlink(path);
    free(path);
}

static void test_stats_add(void **state)
{
    (void)state;
    struct stats a, b;

    assert_int_equal(stats_init(&a, "t"), 0);
    assert_int_equal(stats_init(&b, "t"), 0);
    a.documents = 2;
    a.warnings = 1;
    b.documents = 3;
    b.records_in = 7;
    b.records_out = 5;
    b.bytes_in = 11;
    b.warnings = 4;
    assert_int_equal(stats_skip_quiet(&b, "x", "x.txt", "binary file"), 0);
    assert_int_equal(stats_add(&a, &b), 0);
    assert_int_equal(a.documents, 5);
    assert_int_equal(a.records_in, 7);
    assert_int_equal(a.records_out, 5);
    assert_int_equal(a.bytes_in, 11);
    assert_int_equal(a.warnings, 5);
    assert_int_equal(stats_nskipped(&a), 1);
    stats_release(&a);
    stats_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_par_threads_arg),
        cmocka_unit_test(test_par_cut_jsonl_cuts_before_docs),
        cmocka_unit_test(test_par_cut_jsonl_keeps_whole),
        cmocka_unit_test(test_par_split_lines_cuts_anywhere),
        cmocka_unit_test(test_stats_add),
    };
    err_init("test_par");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
