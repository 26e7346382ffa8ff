#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static const char *prog_name = "claimrec";

/* Where this thread's messages go (NULL: stderr); see err_set_stream(). */
static _Thread_local FILE *msg_stream;

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
    if (file && line)
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
