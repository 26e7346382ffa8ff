#include "test_common.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "tokenize/manifest.h"
#include "tokenize/shard.h"
#include "tokenize/tokwalk.h"

/* Run shard_parse(s, arg), or shard_parse_all() when all is not NULL, with stderr caught into msg.
 */
static int parse_any(struct shard *s, const char *arg, bool *all, char *msg, size_t size)
{
    FILE *err = tmpfile();
    int saved = dup(2);

    dup2(fileno(err), 2);
    int rc = all ? shard_parse_all(s, arg, all) : shard_parse(s, arg);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(err);
    if (!fgets(msg, (int)size, err))
        msg[0] = '\0';
    fclose(err);
    return rc;
}

static int parse(struct shard *s, const char *arg, char *msg, size_t size)
{
    return parse_any(s, arg, NULL, msg, size);
}

static void test_shard_hash_fnv1a64(void **state)
{
    (void)state;
    /* Published FNV-1a 64 test vectors. */
    assert_true(shard_hash("") == UINT64_C(0xcbf29ce484222325));
    assert_true(shard_hash("a") == UINT64_C(0xaf63dc4c8601ec8c));
    assert_true(shard_hash("foobar") == UINT64_C(0x85944171f73967e8));
    /* Bytes, not chars: a high byte is not sign-extended. */
    assert_true(shard_hash("\xc3\xa5") != shard_hash("\xc3"));
}

static void test_shard_parse_good(void **state)
{
    (void)state;
    struct shard s;
    char msg[256];

    assert_int_equal(parse(&s, "3/4", msg, sizeof(msg)), 0);
    assert_int_equal(s.k, 3);
    assert_int_equal(s.n, 4);
    assert_int_equal(parse(&s, "0/1", msg, sizeof(msg)), 0);
    assert_int_equal(s.k, 0);
    assert_int_equal(s.n, 1);
}

static void test_shard_parse_bad(void **state)
{
    (void)state;
    static const char *const notkn[] = {"",
                                        "x",
                                        "1",
                                        "1/",
                                        "/2",
                                        "-1/4",
                                        "1/-4",
                                        "1/4x",
                                        " 1/4",
                                        "1/ 4",
                                        "+1/4",
                                        "1//4",
                                        "99999999999999999999999/1"};
    struct shard s = {7, 9};
    char msg[256];

    for (size_t i = 0; i < sizeof(notkn) / sizeof(*notkn); i++) {
        assert_int_equal(parse(&s, notkn[i], msg, sizeof(msg)), -1);
        assert_non_null(strstr(msg, "not K/N"));
    }
    assert_int_equal(parse(&s, "4/4", msg, sizeof(msg)), -1);
    assert_string_equal(msg, "tokenize: -S: '4/4': K must be less than N\n");
    assert_int_equal(parse(&s, "0/0", msg, sizeof(msg)), -1);
    assert_string_equal(msg, "tokenize: -S: '0/0': N must be at least 1\n");
    assert_int_equal(s.k, 7);
    assert_int_equal(s.n, 9);
}

/* Every id is in exactly one shard, hash mod N, and the shards are near even. */
static void test_shard_has_partition(void **state)
{
    (void)state;
    size_t count[7] = {0};
    char doc[32];

    for (int i = 0; i < 7000; i++) {
        snprintf(doc, sizeof(doc), "%03d_article", i);
        size_t in = 0;
        for (unsigned long k = 0; k < 7; k++) {
            struct shard s = {k, 7};
            if (shard_has(&s, doc)) {
                in++;
                count[k]++;
                assert_true(shard_hash(doc) % 7 == k);
            }
        }
        assert_int_equal(in, 1);
    }
    for (int k = 0; k < 7; k++)
        assert_in_range(count[k], 850, 1150);
    struct shard all = {0, 1};
    assert_true(shard_has(&all, "anything"));
}

static void test_shard_filter_keeps_own_in_order(void **state)
{
    (void)state;
    static const char *const names[] = {"a.txt", "b.txt", "c.txt", "d.txt", "e.txt",
                                        "f.txt", "g.txt", "h.txt", "i.txt", "j.txt"};
    struct shard s = {1, 3};
    struct tokwalk w;

    tokwalk_init(&w);
    for (size_t i = 0; i < 10; i++)
        assert_int_equal(tokwalk_file(&w, names[i], "-"), 0);
    shard_filter(&s, &w);
    size_t k = 0;
    for (size_t i = 0; i < 10; i++) {
        char doc[2] = {names[i][0], '\0'};
        if (!shard_has(&s, doc))
            continue;
        assert_true(k < w.n);
        assert_string_equal(w.v[k++].doc, doc);
    }
    assert_int_equal(k, w.n);
    assert_true(w.n > 0 && w.n < 10);
    tokwalk_release(&w);
}

static const char manifest_text[] = "doc,date,lang,source,url\n"
                                    "a,2023-09,en,Paper,http://a\n"
                                    "b,,,,\n"
                                    "c,2020-10-02,nb,,\n"
                                    "d,,,,\n"
                                    "e,,,,\n";

static void load_manifest(struct manifest *m)
{
    FILE *in = fmemopen((void *)manifest_text, strlen(manifest_text), "r");

    manifest_init(m);
    assert_int_equal(manifest_read(m, in, "manifest.csv", NULL), 0);
    fclose(in);
}

static void test_shard_claim_rows_other_shards(void **state)
{
    (void)state;
    struct shard s = {0, 2};
    struct manifest m;

    load_manifest(&m);
    shard_claim_rows(&s, &m);
    for (size_t i = 0; i < m.n; i++)
        assert_int_equal(m.rows[i].used, !shard_has(&s, m.rows[i].doc));
    manifest_release(&m);
}

/* A file of 5 bytes at a known time, a vanished one and a skip, with rows. */
static void test_shard_parse_all(void **state)
{
    (void)state;
    struct shard s = {9, 9};
    bool all = true;
    char msg[256];

    assert_int_equal(parse_any(&s, "2/3", &all, msg, sizeof(msg)), 0);
    assert_false(all);
    assert_int_equal(s.k, 2);
    assert_int_equal(s.n, 3);
    assert_int_equal(parse_any(&s, "all/5", &all, msg, sizeof(msg)), 0);
    assert_true(all);
    assert_int_equal(s.k, 0);
    assert_int_equal(s.n, 5);
    static const char *const bad[] = {"all/0", "all/", "all/x", "all/3x", "all", "ALL/3", "all/-1"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        s = (struct shard){7, 8};
        assert_int_equal(parse_any(&s, bad[i], &all, msg, sizeof(msg)), -1);
        assert_non_null(strstr(msg, bad[i]));
        assert_int_equal(s.k, 7); /* unchanged */
        assert_int_equal(s.n, 8);
    }
}

/* A folder's file is listed with the size and time the walk's stat() saw. */
static void test_shard_list_uses_the_walks_stat(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_shard_dir_XXXXXX";
    char path[64];
    struct timespec t[2] = {{1500000000, 5}, {1500000000, 5}};
    struct shard all = {0, 1};
    struct tokwalk w;
    char *text = NULL;
    size_t len = 0;

    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/a.txt", dir);
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "abc", 3), 3);
    assert_int_equal(futimens(fd, t), 0);
    close(fd);
    tokwalk_init(&w);
    assert_int_equal(tokwalk_dir(&w, dir), 0);
    assert_int_equal(w.n, 1);
    assert_true(w.v[0].stated);
    assert_int_equal(w.v[0].size, 3);
    assert_int_equal(w.v[0].mtime.tv_sec, 1500000000);
    assert_int_equal(w.v[0].mtime.tv_nsec, 5);
    unlink(path); /* gone now: the listing is of what the walk saw */
    rmdir(dir);
    FILE *fp = open_memstream(&text, &len);
    assert_int_equal(shard_list(fp, "list", &all, &w, NULL), 0);
    fclose(fp);
    assert_string_equal(text, "file\ta.txt\t3\t1500000000.000000005\n");
    free(text);
    tokwalk_release(&w);
}

static void test_shard_list_lines(void **state)
{
    (void)state;
    char path[] = "/tmp/test_shard_XXXXXX";
    int fd = mkstemp(path);
    struct timespec t[2] = {{1000000000, 123}, {1000000000, 123}};
    struct shard all = {0, 1};
    struct tokwalk w;
    struct manifest m;
    char *text = NULL;
    size_t len = 0;

    assert_true(fd >= 0);
    assert_int_equal(write(fd, "hello", 5), 5);
    assert_int_equal(futimens(fd, t), 0);
    close(fd);
    tokwalk_init(&w);
    assert_int_equal(tokwalk_file(&w, path, "-"), 0);
    assert_int_equal(tokwalk_file(&w, "/nonexistent/x.txt", "-"), 0);
    assert_int_equal(tokwalk_dir(&w, "/nonexistent-folder"), 0);
    load_manifest(&m);
    FILE *fp = open_memstream(&text, &len);
    assert_int_equal(shard_list(fp, "list", &all, &w, &m), 0);
    fclose(fp);
    unlink(path);
    char want[1024];
    snprintf(want, sizeof(want),
             "file\t%s\t5\t1000000000.000000123\n"
             "gone\t/nonexistent/x.txt\n"
             "skip\t/nonexistent-folder\tNo such file or directory\n"
             "row\ta\t2023-09\ten\tPaper\thttp://a\n"
             "row\tb\t\t\t\t\nrow\tc\t2020-10-02\tnb\t\t\nrow\td\t\t\t\t\nrow\te\t\t\t\t\n",
             path);
    assert_string_equal(text, want);
    free(text);
    manifest_release(&m);
    tokwalk_release(&w);
}

static void test_shard_list_rows_of_shard_only(void **state)
{
    (void)state;
    struct shard s = {1, 2};
    struct tokwalk none;
    struct manifest m;
    char *text = NULL;
    size_t len = 0, rows = 0;

    tokwalk_init(&none);
    load_manifest(&m);
    FILE *fp = open_memstream(&text, &len);
    assert_int_equal(shard_list(fp, "list", &s, &none, &m), 0);
    fclose(fp);
    for (size_t i = 0; i < m.n; i++) {
        char line[64];
        snprintf(line, sizeof(line), "row\t%s\t", m.rows[i].doc);
        bool listed = strstr(text, line) != NULL;
        assert_int_equal(listed, shard_has(&s, m.rows[i].doc));
        rows += listed;
    }
    assert_true(rows > 0 && rows < m.n);
    free(text);
    manifest_release(&m);
}

static void test_shard_list_write_failed(void **state)
{
    (void)state;
    char buf[8] = "";
    struct shard all = {0, 1};
    struct tokwalk w;
    char msg[256];

    tokwalk_init(&w);
    assert_int_equal(tokwalk_file(&w, "/nonexistent/x.txt", "-"), 0);
    FILE *fp = fmemopen(buf, sizeof(buf), "r"); /* cannot be written */
    FILE *err = tmpfile();
    int saved = dup(2);
    dup2(fileno(err), 2);
    int rc = shard_list(fp, "list", &all, &w, NULL);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(err);
    assert_non_null(fgets(msg, sizeof(msg), err));
    fclose(err);
    fclose(fp);
    assert_int_equal(rc, -1);
    assert_non_null(strstr(msg, "tokenize: list: write failed"));
    tokwalk_release(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shard_hash_fnv1a64),
        cmocka_unit_test(test_shard_parse_good),
        cmocka_unit_test(test_shard_parse_bad),
        cmocka_unit_test(test_shard_has_partition),
        cmocka_unit_test(test_shard_filter_keeps_own_in_order),
        cmocka_unit_test(test_shard_claim_rows_other_shards),
        cmocka_unit_test(test_shard_parse_all),
        cmocka_unit_test(test_shard_list_uses_the_walks_stat),
        cmocka_unit_test(test_shard_list_lines),
        cmocka_unit_test(test_shard_list_rows_of_shard_only),
        cmocka_unit_test(test_shard_list_write_failed),
    };
    err_init("tokenize");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
