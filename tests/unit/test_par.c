#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "jsonl.h"
#include "par.h"

/* What one part of a test run does. */
struct job {
    int id;
    int lines;       /* "<id><letter>" lines written */
    int status;      /* returned */
    long delay_ms;   /* before its message: part 0 finishing last must still come first */
    const char *msg; /* warned, or NULL */
};

static int job_work(struct par_part *part, void *ctx)
{
    const struct job *j = part->arg;
    int *calls = ctx;

    (void)calls;
    if (j->delay_ms) {
        struct timespec ts = {0, j->delay_ms * 1000000L};
        nanosleep(&ts, NULL);
    }
    for (int i = 0; i < j->lines; i++)
        fprintf(part->out, "%d%c\n", j->id, 'a' + i);
    if (j->msg)
        warn_at("p", (size_t)j->id + 1, "%s", j->msg);
    char doc[8];
    snprintf(doc, sizeof(doc), "d%d", j->id);
    stats_skip_quiet(&part->stats, doc, NULL, "test");
    part->stats.documents += (size_t)j->lines;
    return j->status;
}

/* Run the jobs through par_run(); the output and stderr into *out and *err (caller frees). */
static int run_jobs(const struct job *jobs, int n, struct stats *total, char **out, char **err)
{
    struct par_part parts[8];
    size_t outlen = 0, errlen = 0;
    FILE *fp = open_memstream(out, &outlen);
    FILE *errfp = tmpfile();
    int saved = dup(2);

    assert_non_null(fp);
    assert_non_null(errfp);
    fflush(stderr);
    dup2(fileno(errfp), 2);
    for (int k = 0; k < n; k++)
        parts[k].arg = &jobs[k];
    int status = par_run(parts, n, job_work, NULL, fp, NULL, total);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    fclose(fp);
    errlen = (size_t)ftell(errfp);
    rewind(errfp);
    *err = calloc(1, errlen + 1);
    assert_int_equal(fread(*err, 1, errlen, errfp), errlen);
    fclose(errfp);
    return status;
}

static void test_par_run_passes_parts_on_in_order(void **state)
{
    (void)state;
    const struct job jobs[] = {
        {0, 2, STAGE_OK, 60, "zero"},
        {1, 1, STAGE_SKIPPED, 0, "one"},
        {2, 3, STAGE_OK, 0, "two"},
    };
    struct stats total;
    char *out, *err;

    assert_int_equal(stats_init(&total, "t"), 0);
    assert_int_equal(run_jobs(jobs, 3, &total, &out, &err), STAGE_SKIPPED);
    assert_string_equal(out, "0a\n0b\n1a\n2a\n2b\n2c\n");
    assert_string_equal(err, "test_par: p:1: zero\ntest_par: p:2: one\ntest_par: p:3: two\n");
    assert_int_equal(total.documents, 6);
    assert_int_equal(stats_nskipped(&total), 3);
    assert_string_equal(json_string_value(json_object_get(json_array_get(total.skipped, 2), "doc")),
                        "d2");
    free(out);
    free(err);
    stats_release(&total);
}

static void test_par_run_stops_after_a_failed_part(void **state)
{
    (void)state;
    const struct job jobs[] = {
        {0, 1, STAGE_OK, 0, NULL},
        {1, 2, STAGE_FATAL, 0, "broke"},
        {2, 1, STAGE_OK, 0, "never seen"},
    };
    struct stats total;
    char *out, *err;

    assert_int_equal(stats_init(&total, "t"), 0);
    assert_int_equal(run_jobs(jobs, 3, &total, &out, &err), STAGE_FATAL);
    assert_string_equal(out, "0a\n"); /* the failed part's output and what follows are dropped */
    assert_string_equal(err, "test_par: p:2: broke\n");
    assert_int_equal(total.documents, 3);
    free(out);
    free(err);
    stats_release(&total);
}

static void test_par_run_one_part_writes_straight(void **state)
{
    (void)state;
    const struct job jobs[] = {{0, 2, STAGE_OK, 0, "only"}};
    struct stats total;
    char *out, *err;

    assert_int_equal(stats_init(&total, "t"), 0);
    assert_int_equal(run_jobs(jobs, 1, &total, &out, &err), STAGE_OK);
    assert_string_equal(out, "0a\n0b\n");
    assert_string_equal(err, "test_par: p:1: only\n");
    free(out);
    free(err);
    stats_release(&total);
}

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

/* Read every part with jsonl_open_range(); check each begins at a doc and the lines and numbers
 * add up to the whole file. */
static void check_parts(const char *path, const struct par_range *r, int k, size_t want_lines)
{
    size_t seen = 0, line = 0;

    for (int i = 0; i < k; i++) {
        struct jsonl_reader rd;
        size_t len;
        int first = 1;

        if (i > 0)
            assert_true(r[i].start == r[i - 1].end);
        assert_int_equal(jsonl_open_range(&rd, path, r[i].start, r[i].end, r[i].line0), 0);
        while (jsonl_next_line(&rd, &len) == 1) {
            if (first && i > 0)
                assert_non_null(strstr(rd.buf, "\"type\":\"doc\""));
            first = 0;
            assert_true(rd.line > line);
            line = rd.line;
            seen++;
        }
        jsonl_close(&rd);
    }
    assert_true(r[k - 1].end == -1);
    assert_int_equal(seen, want_lines);
    assert_int_equal(line, want_lines + 1); /* the empty line is counted, not returned */
}

static void test_par_split_jsonl_cuts_before_docs(void **state)
{
    (void)state;
    char *path = write_docs(10, 4);
    struct par_range r[PAR_MAX];

    for (int n = 1; n <= 12; n++) {
        int k = par_split_jsonl(path, n, r);
        assert_true(k >= 1 && k <= n && k <= 10);
        if (n > 1 && n <= 5)
            assert_int_equal(k, n); /* parts of two or more documents each: all found */
        check_parts(path, r, k, 50);
    }
    assert_int_equal(par_split_jsonl(path, 3, r), 3);
    FILE *fp = fopen(path, "r");
    size_t newlines = 0;
    for (off_t at = 0; at < r[2].start; at++)
        newlines += getc(fp) == '\n';
    fclose(fp);
    assert_int_equal(r[2].line0, newlines);
    assert_true(newlines > 20); /* the empty line included */
    unlink(path);
    free(path);
}

static void test_par_split_jsonl_keeps_whole(void **state)
{
    (void)state;
    char *path = write_docs(1, 40); /* one document: nowhere to cut */
    struct par_range r[PAR_MAX];

    assert_int_equal(par_split_jsonl(path, 4, r), 1);
    assert_true(r[0].start == 0 && r[0].end == -1);
    assert_int_equal(par_split_jsonl("-", 4, r), 1);
    assert_int_equal(par_split_jsonl("/nonexistent/x.jsonl", 4, r), 1);
    assert_int_equal(par_split_jsonl("/tmp", 4, r), 1);
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
    assert_int_equal(par_split_jsonl(path, 4, r), 1); /* the same file: no doc to cut at */
    unlink(path);
    free(path);
}

/* With no output, the parts write nothing, and their messages and figures still come in order. */
static void test_par_run_without_output(void **state)
{
    (void)state;
    const struct job jobs[2] = {{0, 0, STAGE_OK, 30, "first"}, {1, 0, STAGE_SKIPPED, 0, "second"}};
    struct par_part parts[2];
    struct stats total;
    FILE *errfp = tmpfile();
    int saved = dup(2);
    char text[256] = "";

    assert_int_equal(stats_init(&total, "t"), 0);
    fflush(stderr);
    dup2(fileno(errfp), 2);
    for (int k = 0; k < 2; k++)
        parts[k].arg = &jobs[k];
    int status = par_run(parts, 2, job_work, NULL, NULL, NULL, &total);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(errfp);
    size_t n = fread(text, 1, sizeof(text) - 1, errfp);
    text[n] = '\0';
    fclose(errfp);
    assert_int_equal(status, STAGE_SKIPPED);
    char *first = strstr(text, "first"), *second = strstr(text, "second");
    assert_non_null(first);
    assert_non_null(second);
    assert_true(first < second);
    assert_int_equal(stats_nskipped(&total), 2);
    stats_release(&total);
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
        cmocka_unit_test(test_par_run_passes_parts_on_in_order),
        cmocka_unit_test(test_par_run_stops_after_a_failed_part),
        cmocka_unit_test(test_par_run_one_part_writes_straight),
        cmocka_unit_test(test_par_threads_arg),
        cmocka_unit_test(test_par_split_jsonl_cuts_before_docs),
        cmocka_unit_test(test_par_split_jsonl_keeps_whole),
        cmocka_unit_test(test_par_split_lines_cuts_anywhere),
        cmocka_unit_test(test_par_run_without_output),
        cmocka_unit_test(test_stats_add),
    };
    err_init("test_par");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
