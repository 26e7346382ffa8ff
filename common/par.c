#include "par.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "jscan.h"
#include "outfile.h"

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

/* par_split_jsonl(), cutting before doc records, or before any line when any. */
static int par_split(const char *path, int n, bool any, struct par_range *r)
{
    struct stat st;

    r[0] = (struct par_range){0, -1, 0};
    if (n <= 1 || strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 1;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return 1; /* the stage's own open names the problem */
    int k = par_cut(fp, st.st_size, n > PAR_MAX ? PAR_MAX : n, any, r);
    if (k > 1 && par_count_lines(fp, r, k) < 0)
        k = -1;
    if (k < 0)
        error_at(path, 0, "read failed: %s", ferror(fp) ? strerror(errno) : "file changed");
    fclose(fp);
    return k;
}

int par_split_jsonl(const char *path, int n, struct par_range *r)
{
    return par_split(path, n, false, r);
}

int par_split_lines(const char *path, int n, struct par_range *r)
{
    return par_split(path, n, true, r);
}

/* An unnamed temporary file in the folder of near (or $TMPDIR, /tmp). NULL when none (reported). */
static FILE *par_tmpfile(const char *near)
{
    const char *dir = getenv("TMPDIR");
    size_t dlen;

    if (near && strcmp(near, "-") != 0) {
        const char *slash = strrchr(near, '/');
        dir = slash ? near : ".";
        dlen = slash ? (size_t)(slash - near) + (slash == near) : 1;
    } else {
        if (!dir || !*dir)
            dir = "/tmp";
        dlen = strlen(dir);
    }
    char *tmpl = malloc(dlen + sizeof("/.claimrec-part-XXXXXX"));
    if (!tmpl)
        return error_at(NULL, 0, "out of memory"), NULL;
    memcpy(tmpl, dir, dlen);
    strcpy(tmpl + dlen, "/.claimrec-part-XXXXXX");
    int fd = mkstemp(tmpl);
    FILE *fp = NULL;
    if (fd < 0)
        error_at(tmpl, 0, "cannot create: %s", strerror(errno));
    else {
        unlink(tmpl);
        fp = fdopen(fd, "w+b");
        if (!fp) {
            error_at(tmpl, 0, "cannot open: %s", strerror(errno));
            close(fd);
        }
    }
    free(tmpl);
    return fp;
}

static void *par_thread(void *arg)
{
    struct par_part *p = arg;

    err_set_stream(p->msgs);
    p->status = p->fn(p, p->ctx);
    err_set_stream(NULL);
    return NULL;
}

/* Part k ready to run: its figures, and (k > 0) its output file and message buffer. */
static int par_prepare(struct par_part *p, int k, FILE *out, const char *near,
                       const struct stats *total)
{
    p->out = p->msgs = NULL;
    p->msgbuf = NULL;
    p->msglen = 0;
    p->outbuf = NULL;
    p->started = false;
    p->status = STAGE_FATAL;
    if (stats_init(&p->stats, total->stage) < 0)
        return error_at(NULL, 0, "out of memory");
    if (k == 0) {
        p->out = out;
        return 0;
    }
    if (out) {
        p->out = par_tmpfile(near);
        if (!p->out)
            return -1;
        p->outbuf = malloc(OUTFILE_BUF); /* without it, stdio's own buffer serves */
        if (p->outbuf && setvbuf(p->out, p->outbuf, _IOFBF, OUTFILE_BUF) != 0) {
            free(p->outbuf);
            p->outbuf = NULL;
        }
    }
    p->msgs = open_memstream(&p->msgbuf, &p->msglen);
    return p->msgs ? 0 : error_at(NULL, 0, "out of memory");
}

static void par_release(struct par_part *p, int k)
{
    if (k > 0 && p->out)
        fclose(p->out);
    if (p->msgs)
        fclose(p->msgs);
    free(p->msgbuf);
    free(p->outbuf);
    stats_release(&p->stats);
}

/*
 * Append the part's output file to out, named name (the output, or NULL for
 * standard output) in messages: the temporary file is written beside it, so
 * what stops one (a full disk, a size limit) stops the other. Returns 0, or
 * -1 (reported).
 */
static int par_copy(FILE *from, FILE *out, const char *name)
{
    char block[65536];
    size_t n;

    if (fflush(from) != 0 || fseeko(from, 0, SEEK_SET) != 0)
        return error_at(name, 0, "write failed: %s (a part's temporary file)", strerror(errno));
    while ((n = fread(block, 1, sizeof(block), from)) > 0)
        if (fwrite(block, 1, n, out) != n)
            return error_at(name, 0, "write failed: %s", strerror(errno));
    return ferror(from)
               ? error_at(name, 0, "read failed: %s (a part's temporary file)", strerror(errno))
               : 0;
}

/* Pass part k on: its messages to stderr, its output after the parts before, its figures. */
static int par_pass_on(struct par_part *p, int k, FILE *out, const char *name, struct stats *total)
{
    if (k > 0) {
        int closed = fclose(p->msgs);
        p->msgs = NULL;
        if (closed == 0 && p->msglen)
            fwrite(p->msgbuf, 1, p->msglen, stderr);
        if (p->status != STAGE_FATAL && out && par_copy(p->out, out, name) < 0)
            return STAGE_FATAL;
    }
    if (stats_add(total, &p->stats) < 0)
        return error_at(NULL, 0, "out of memory"), STAGE_FATAL;
    return p->status;
}

/* Run the parts: 1..n-1 on threads of their own, 0 here; a thread that cannot start runs here. */
static void par_work(struct par_part *parts, int n)
{
    for (int k = 1; k < n; k++)
        parts[k].started = pthread_create(&parts[k].thread, NULL, par_thread, &parts[k]) == 0;
    parts[0].status = parts[0].fn(&parts[0], parts[0].ctx);
    for (int k = 1; k < n; k++) {
        if (parts[k].started)
            pthread_join(parts[k].thread, NULL);
        else
            par_thread(&parts[k]);
    }
}

int par_run(struct par_part *parts, int n, par_work_fn fn, void *ctx, FILE *out, const char *near,
            struct stats *total)
{
    int status = STAGE_OK, k, ready = 0;

    for (k = 0; k < n; k++) {
        parts[k].fn = fn;
        parts[k].ctx = ctx;
    }
    while (ready < n && par_prepare(&parts[ready], ready, out, near, total) == 0)
        ready++;
    if (ready < n) {
        status = STAGE_FATAL;
        ready++; /* the part that failed holds what it got */
    } else {
        par_work(parts, n);
        for (k = 0; k < n && status != STAGE_FATAL; k++) {
            int rc =
                par_pass_on(&parts[k], k, out, near && strcmp(near, "-") != 0 ? near : NULL, total);
            if (rc > status)
                status = rc;
        }
    }
    for (k = 0; k < ready; k++)
        par_release(&parts[k], k);
    return status;
}
