#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static const char *prog_name = "claimrec";

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
    fprintf(stderr, "%s: ", prog_name);
    if (file && line)
        fprintf(stderr, "%s:%zu: ", file, line);
    else if (file)
        fprintf(stderr, "%s: ", file);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
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
