#include "par.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "jscan.h"

int par_threads_default(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    return n < 1 ? 1 : n > PAR_MAX ? PAR_MAX : (int)n;
}

int par_threads_arg(const char *s)
{
    char *end;

    errno = 0;
    long n = strtol(s, &end, 10);
    if (errno || end == s || *end || n < 0 || n > PAR_MAX)
        return -1;
    return (int)n;
}

/* Whether line[0..n) is a record of type "doc" (as written: no escapes in the type). */
static bool par_is_doc(const char *line, size_t n)
{
    struct jscan js;

    if (n && line[n - 1] == '\n')
        n--;
    if (jscan_object(&js, line, n) < 0)
        return false;
    const struct jscan_span *t = jscan_get(&js, "type");
    return t && t->n == 5 && memcmp(t->p, "\"doc\"", 5) == 0;
}

/*
 * The offset of the first doc record (any line, when any) starting at or
 * after target (> 0), or -1 when there is none, -2 on a read error.
 */
static off_t par_next_doc(FILE *fp, off_t target, bool any, char **line, size_t *cap)
{
    ssize_t n;

    if (fseeko(fp, target - 1, SEEK_SET) != 0)
        return -2;
    int c = getc(fp);
    if (c == EOF)
        return ferror(fp) ? -2 : -1;
    if (c != '\n' && getline(line, cap, fp) < 0) /* the rest of the line target is in */
        return ferror(fp) ? -2 : -1;
    off_t at = ftello(fp);
    if (any) {
        c = getc(fp);
        return c != EOF ? at : ferror(fp) ? -2 : -1;
    }
    while ((n = getline(line, cap, fp)) > 0) {
        if (par_is_doc(*line, (size_t)n))
            return at;
        at += n;
    }
    return ferror(fp) ? -2 : -1;
}

/* Set r[1..k).line0: the newlines before each part's start. Returns 0, or -1 on a read error. */
static int par_count_lines(FILE *fp, struct par_range *r, int k)
{
    char block[65536];
    off_t pos = 0;
    size_t lines = 0;
    int i = 1;

    rewind(fp);
    while (i < k) {
        size_t want = sizeof(block);
        if ((off_t)want > r[i].start - pos)
            want = (size_t)(r[i].start - pos);
        size_t got = fread(block, 1, want, fp);
        if (got == 0 && want > 0)
            return -1;
        for (const char *p = block, *e = block + got; (p = memchr(p, '\n', (size_t)(e - p))); p++)
            lines++;
        pos += (off_t)got;
        while (i < k && pos == r[i].start)
            r[i++].line0 = lines;
    }
    return 0;
}

/* Cut points for n parts of fp (size bytes) into r; returns how many parts, or -1. */
static int par_cut(FILE *fp, off_t size, int n, bool any, struct par_range *r)
{
    char *line = NULL;
    size_t cap = 0;
    int k = 1;

    for (int i = 1; i < n; i++) {
        off_t target = size / n * i;
        if (target <= r[k - 1].start)
            continue;
        off_t at = par_next_doc(fp, target, any, &line, &cap);
        if (at == -2) {
            k = -1;
            break;
        }
        if (at < 0)
            break;
        if (at <= r[k - 1].start)
            continue;
        r[k - 1].end = at;
        r[k] = (struct par_range){at, -1, 0};
        k++;
    }
    free(line);
    return k;
}

int par_cut_jsonl(const char *path, int threads, off_t chunk, struct par_range **out)
{
    struct stat st;

    *out = NULL;
    if (threads <= 1 || strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 1;
    off_t want = chunk > 0 ? (st.st_size + chunk - 1) / chunk : 1;
    int n = want < threads ? threads : want > PAR_MAX_PARTS ? PAR_MAX_PARTS : (int)want;
    struct par_range *r = malloc((size_t)n * sizeof(*r));
    if (!r)
        return error_at(NULL, 0, "out of memory");
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        free(r);
        return 1; /* the stage's own open names the problem */
    }
    r[0] = (struct par_range){0, -1, 0};
    int k = par_cut(fp, st.st_size, n, false, r); /* line0 0: each part counts from 0 */
    if (k < 0)
        error_at(path, 0, "read failed: %s", ferror(fp) ? strerror(errno) : "file changed");
    fclose(fp);
    if (k > 1)
        *out = r;
    else
        free(r);
    return k;
}

int par_split_lines(const char *path, int n, struct par_range *r)
{
    struct stat st;

    r[0] = (struct par_range){0, -1, 0};
    if (n <= 1 || strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 1;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return 1; /* the stage's own open names the problem */
    int k = par_cut(fp, st.st_size, n > PAR_MAX ? PAR_MAX : n, true, r);
    if (k > 1 && par_count_lines(fp, r, k) < 0)
        k = -1;
    if (k < 0)
        error_at(path, 0, "read failed: %s", ferror(fp) ? strerror(errno) : "file changed");
    fclose(fp);
    return k;
}
