#include "test_common.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "parq.h"

/* What one part of a test run does. */
struct job {
    int id;
    int lines;       /* "<id><letter>" lines written, and lines of "p" it read */
    int status;      /* returned */
    long delay_ms;   /* before its message: a part finishing late must still come in its place */
    const char *msg; /* warned at its line 1 of "p", or NULL */
};

/* What the parts saw, for the tests that look at the order they ran in. */
static pthread_mutex_t seen_lock = PTHREAD_MUTEX_INITIALIZER;
static int started_max;   /* the highest part started */
static int started_early; /* the highest part started while part 0 ran */
static int zero_running;

static void note_start(int id)
{
    pthread_mutex_lock(&seen_lock);
    if (id > started_max)
        started_max = id;
    if (zero_running && id > started_early)
        started_early = id;
    if (id == 0)
        zero_running = 1;
    pthread_mutex_unlock(&seen_lock);
}

static int job_work(struct parq_part *part, void *ctx)
{
    const struct job *j = part->arg;

    (void)ctx;
    note_start(j->id);
    if (j->delay_ms) {
        struct timespec ts = {0, j->delay_ms * 1000000L};
        nanosleep(&ts, NULL);
    }
    if (j->id == 0) {
        pthread_mutex_lock(&seen_lock);
        zero_running = 0;
        pthread_mutex_unlock(&seen_lock);
    }
    for (int i = 0; i < j->lines; i++)
        fprintf(part->out, "%d%c\n", j->id, 'a' + i);
    if (j->msg) {
        warn_at("p", 1, "%s", j->msg);
        warn_at("other.json", 7, "%s", j->msg); /* not the file read in parts: as it is */
    }
    char doc[8];
    snprintf(doc, sizeof(doc), "d%d", j->id);
    stats_skip_quiet(&part->stats, doc, NULL, "test");
    part->stats.documents += (size_t)j->lines;
    part->lines = (size_t)j->lines;
    return j->status;
}

/* Run the jobs through parq_run() on threads; the output and stderr into *out and *err. */
static int run_jobs(const struct job *jobs, int n, int threads, struct stats *total, char **out,
                    char **err)
{
    size_t outlen = 0;
    FILE *fp = open_memstream(out, &outlen);
    FILE *errfp = tmpfile();
    int saved = dup(2);

    assert_non_null(fp);
    assert_non_null(errfp);
    fflush(stderr);
    dup2(fileno(errfp), 2);
    started_max = started_early = -1;
    zero_running = 0;
    struct parq_job job = {.args = jobs,
                           .size = sizeof(*jobs),
                           .n = n,
                           .threads = threads,
                           .fn = job_work,
                           .out = fp,
                           .name = "out",
                           .lines_of = "p"};
    int status = parq_run(&job, total);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    fclose(fp);
    long errlen = ftell(errfp);
    rewind(errfp);
    *err = calloc(1, (size_t)errlen + 1);
    assert_int_equal(fread(*err, 1, (size_t)errlen, errfp), (size_t)errlen);
    fclose(errfp);
    return status;
}

/* Whatever the threads, the parts come out in order, lines numbered through the parts. */
static void test_parq_run_passes_parts_on_in_order(void **state)
{
    (void)state;
    const struct job jobs[] = {
        {0, 2, STAGE_OK, 60, "zero"},
        {1, 1, STAGE_SKIPPED, 0, "one"},
        {2, 3, STAGE_OK, 0, "two"},
    };
    for (int threads = 1; threads <= 4; threads++) {
        struct stats total;
        char *out, *err;

        assert_int_equal(stats_init(&total, "t"), 0);
        assert_int_equal(run_jobs(jobs, 3, threads, &total, &out, &err), STAGE_SKIPPED);
        assert_string_equal(out, "0a\n0b\n1a\n2a\n2b\n2c\n");
        /* line 1 of each part: 1, then 2 + 1, then 2 + 1 + 1 */
        assert_string_equal(err, "test_parq: p:1: zero\ntest_parq: other.json:7: zero\n"
                                 "test_parq: p:3: one\ntest_parq: other.json:7: one\n"
                                 "test_parq: p:4: two\ntest_parq: other.json:7: two\n");
        assert_int_equal(total.documents, 6);
        assert_int_equal(stats_nskipped(&total), 3);
        assert_string_equal(
            json_string_value(json_object_get(json_array_get(total.skipped, 2), "doc")), "d2");
        free(out);
        free(err);
        stats_release(&total);
    }
}

static void test_parq_run_stops_after_a_failed_part(void **state)
{
    (void)state;
    const struct job jobs[] = {
        {0, 1, STAGE_OK, 0, NULL},
        {1, 2, STAGE_FATAL, 0, "broke"},
        {2, 1, STAGE_OK, 0, "never seen"},
        {3, 1, STAGE_OK, 0, "never seen"},
    };
    for (int threads = 1; threads <= 3; threads++) {
        struct stats total;
        char *out, *err;

        assert_int_equal(stats_init(&total, "t"), 0);
        assert_int_equal(run_jobs(jobs, 4, threads, &total, &out, &err), STAGE_FATAL);
        assert_string_equal(out, "0a\n"); /* the failed part's output and what follows: none */
        assert_string_equal(err, "test_parq: p:2: broke\ntest_parq: other.json:7: broke\n");
        assert_int_equal(total.documents, 3);
        free(out);
        free(err);
        stats_release(&total);
    }
}

/* No more than 2 x threads parts are held: while part 0 runs, part 4 (of 2 threads) waits. */
static void test_parq_run_holds_a_bounded_window(void **state)
{
    (void)state;
    struct job jobs[12];
    struct stats total;
    char *out, *err;

    for (int k = 0; k < 12; k++)
        jobs[k] = (struct job){k, 1, STAGE_OK, k == 0 ? 150 : 0, NULL};
    assert_int_equal(stats_init(&total, "t"), 0);
    assert_int_equal(run_jobs(jobs, 12, 2, &total, &out, &err), STAGE_OK);
    assert_int_equal(started_max, 11);
    assert_true(started_early <= 3); /* unbounded, it would reach 11 */
    assert_string_equal(out, "0a\n1a\n2a\n3a\n4a\n5a\n6a\n7a\n8a\n9a\n10a\n11a\n");
    free(out);
    free(err);
    stats_release(&total);
}

/* Parts that write nothing (out NULL): messages and figures still come in order. */
static void test_parq_run_without_output(void **state)
{
    (void)state;
    const struct job jobs[2] = {{0, 0, STAGE_OK, 30, "first"}, {1, 0, STAGE_SKIPPED, 0, "second"}};
    struct parq_job job = {
        .args = jobs, .size = sizeof(*jobs), .n = 2, .threads = 2, .fn = job_work};
    struct stats total;
    FILE *errfp = tmpfile();
    int saved = dup(2);
    char text[512] = "";

    assert_int_equal(stats_init(&total, "t"), 0);
    fflush(stderr);
    dup2(fileno(errfp), 2);
    int status = parq_run(&job, &total);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(errfp);
    size_t n = fread(text, 1, sizeof(text) - 1, errfp);
    text[n] = '\0';
    fclose(errfp);
    assert_int_equal(status, STAGE_SKIPPED);
    /* without lines_of, line numbers are printed as the parts give them */
    assert_string_equal(text, "test_parq: p:1: first\ntest_parq: other.json:7: first\n"
                              "test_parq: p:1: second\ntest_parq: other.json:7: second\n");
    assert_int_equal(stats_nskipped(&total), 2);
    stats_release(&total);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parq_run_passes_parts_on_in_order),
        cmocka_unit_test(test_parq_run_stops_after_a_failed_part),
        cmocka_unit_test(test_parq_run_holds_a_bounded_window),
        cmocka_unit_test(test_parq_run_without_output),
    };
    err_init("test_parq");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
