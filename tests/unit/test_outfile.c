#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"

static char dir[64];
static char target[128];
static char tmp[160];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/test_outfile_XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(target, sizeof(target), "%s/out.csv", dir);
    snprintf(tmp, sizeof(tmp), "%s.tmp", target);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(target);
    unlink(tmp);
    rmdir(dir);
    return 0;
}

static char *slurp(const char *p)
{
    static char text[256];
    FILE *fp = fopen(p, "r");

    if (!fp)
        return NULL;
    size_t n = fread(text, 1, sizeof(text) - 1, fp);
    text[n] = '\0';
    fclose(fp);
    return text;
}

static void test_outfile_commit_renames_into_place(void **state)
{
    (void)state;
    struct outfile out;

    assert_int_equal(outfile_open(&out, target), 0);
    fputs("new", out.fp);
    assert_null(slurp(target)); /* nothing visible before commit */
    assert_int_equal(outfile_commit(&out), 0);
    assert_string_equal(slurp(target), "new");
    assert_null(slurp(tmp));
}

static void test_outfile_abort_keeps_previous_output(void **state)
{
    (void)state;
    struct outfile out;

    assert_int_equal(outfile_open(&out, target), 0);
    fputs("good", out.fp);
    assert_int_equal(outfile_commit(&out), 0);
    assert_int_equal(outfile_open(&out, target), 0);
    fputs("half", out.fp);
    outfile_abort(&out);
    assert_string_equal(slurp(target), "good");
    assert_null(slurp(tmp));
}

static void test_outfile_open_in_missing_folder_fails(void **state)
{
    (void)state;
    struct outfile out;

    assert_int_equal(outfile_open(&out, "/nonexistent/dir/out.csv"), -1);
    assert_null(out.fp);
}

static void test_outfile_commit_full_disk_fails(void **state)
{
    (void)state;
    struct outfile out;

    if (access("/dev/full", W_OK) != 0)
        skip();
    assert_int_equal(outfile_open(&out, target), 0);
    fclose(out.fp);
    out.fp = fopen("/dev/full", "w");
    assert_non_null(out.fp);
    fputs("data that cannot be written", out.fp);
    assert_int_equal(outfile_commit(&out), -1);
    assert_null(slurp(target));
    assert_null(slurp(tmp));
}

/* More than a buffer's worth, in pieces of odd sizes: every byte lands, in order. */
static void test_outfile_commit_keeps_writes_past_the_buffer(void **state)
{
    (void)state;
    struct outfile out;
    const size_t total = 3 * OUTFILE_BUF + 4321;

    assert_int_equal(outfile_open(&out, target), 0);
    assert_non_null(out.buf);
    for (size_t i = 0; i < total; i += 7)
        for (size_t j = i; j < i + 7 && j < total; j++)
            assert_int_equal(fputc('a' + (int)(j % 23), out.fp), 'a' + (int)(j % 23));
    assert_int_equal(outfile_commit(&out), 0);
    assert_null(out.buf);
    FILE *fp = fopen(target, "rb");
    assert_non_null(fp);
    size_t n = 0;
    for (int c; (c = getc(fp)) != EOF; n++)
        assert_int_equal(c, 'a' + (int)(n % 23));
    fclose(fp);
    assert_int_equal(n, total);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_outfile_commit_renames_into_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_outfile_abort_keeps_previous_output, setup, teardown),
        cmocka_unit_test_setup_teardown(test_outfile_open_in_missing_folder_fails, setup, teardown),
        cmocka_unit_test_setup_teardown(test_outfile_commit_full_disk_fails, setup, teardown),
        cmocka_unit_test_setup_teardown(test_outfile_commit_keeps_writes_past_the_buffer, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
