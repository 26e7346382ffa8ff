#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog_name = "claimrec";

/* Where this thread's messages go (NULL: stderr); see err_set_stream(). */
static _Thread_local FILE *msg_stream;

/* Where this thread's line numbers are noted instead of printed; see err_defer_lines(). */
static _Thread_local struct err_lines *deferred;

void err_defer_lines(struct err_lines *l)
{
    deferred = l;
}

/* Note that line goes at fp's position. Returns 0, or -1 when it cannot (memory). */
static int err_note_line(FILE *fp, size_t line)
{
    struct err_lines *l = deferred;
    long at = ftell(fp);

    if (at < 0)
        return -1;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        struct err_line_mark *v = realloc(l->v, cap * sizeof(*v));
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = (struct err_line_mark){at, line};
    return 0;
}

void err_lines_write(FILE *fp, const char *text, size_t len, const struct err_lines *l, size_t base)
{
    size_t from = 0;

    for (size_t i = 0; i < l->n && (size_t)l->v[i].at <= len; i++) {
        fwrite(text + from, 1, (size_t)l->v[i].at - from, fp);
        fprintf(fp, "%zu", base + l->v[i].line);
        from = (size_t)l->v[i].at;
    }
    fwrite(text + from, 1, len - from, fp);
}

void err_set_stream(FILE *fp)
{
    msg_stream = fp;
}

void err_init(const char *prog)
{
    prog_name = prog;
}

const char *err_prog(void)
{
    return prog_name;
}

ERR_PRINTF(3, 0)
static void vreport(const char *file, size_t line, const char *fmt, va_list ap)
{
    FILE *fp = msg_stream ? msg_stream : stderr;

    fprintf(fp, "%s: ", prog_name);
    if (file && line && deferred && msg_stream && strcmp(file, deferred->file) == 0) {
        fprintf(fp, "%s:", file);
        if (err_note_line(fp, line) < 0)
            fprintf(fp, "(line %zu of a part)", line);
        fputs(": ", fp);
    } else if (file && line)
        fprintf(fp, "%s:%zu: ", file, line);
    else if (file)
        fprintf(fp, "%s: ", file);
    vfprintf(fp, fmt, ap);
    fputc('\n', fp);
}

void die(int status, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(NULL, 0, fmt, ap);
    va_end(ap);
    exit(status);
}

int error_at(const char *file, size_t line, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(file, line, fmt, ap);
    va_end(ap);
    return -1;
}

int warn_at(const char *file, size_t line, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(file, line, fmt, ap);
    va_end(ap);
    return 0;
}

void err_bug(const char *file, int line, const char *msg)
{
    fprintf(stderr, "%s: BUG: %s:%d: %s\n", prog_name, file, line, msg);
    abort();
}
