#include "csvout.h"

#include <math.h>
#include <string.h>

void csvout_init(struct csvout *c, FILE *fp)
{
    c->fp = fp;
    c->first = true;
}

static int csvout_sep(struct csvout *c)
{
    if (c->first) {
        c->first = false;
        return 0;
    }
    return fputc(',', c->fp) == EOF ? -1 : 0;
}

static bool csvout_is_formula(const char *s)
{
    return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
}

int csvout_text(struct csvout *c, const char *s)
{
    if (csvout_sep(c) < 0)
        return -1;
    if (!s || !*s)
        return 0;
    bool formula = csvout_is_formula(s);
    bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (quote && fputc('"', c->fp) == EOF)
        return -1;
    if (formula && fputc('\'', c->fp) == EOF)
        return -1;
    if (!quote)
        return fputs(s, c->fp) == EOF ? -1 : 0;
    for (const char *p = s; *p;) { /* each '"' doubled: written with the run that ends at it */
        size_t n = strcspn(p, "\"");
        n += p[n] == '"';
        if (fwrite(p, 1, n, c->fp) != n || (p[n - 1] == '"' && fputc('"', c->fp) == EOF))
            return -1;
        p += n;
    }
    if (quote && fputc('"', c->fp) == EOF)
        return -1;
    return 0;
}

/* An integer below 1e15 in decimal, as "%.6f" with its zeros cut would write it. */
static char *csvout_format_int(char *buf, double v)
{
    char digits[24];
    size_t n = 0;
    long long x = (long long)fabs(v);

    do {
        digits[n++] = (char)('0' + x % 10);
        x /= 10;
    } while (x);
    char *p = buf;
    if (v < 0)
        *p++ = '-';
    while (n)
        *p++ = digits[--n];
    *p = '\0';
    return buf;
}

char *csvout_format_num(char *buf, size_t size, double v)
{
    if (size >= 24 && fabs(v) < 1e15 && v == trunc(v))
        return csvout_format_int(buf, v);
    if (!isfinite(v) || size < 2) {
        if (size)
            buf[0] = '\0';
        return buf;
    }
    if (v == 0)
        v = 0; /* no "-0" */
    snprintf(buf, size, "%.6f", v);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        snprintf(buf, size, "0");
    return buf;
}

int csvout_num(struct csvout *c, double v)
{
    char buf[400];

    if (csvout_sep(c) < 0)
        return -1;
    csvout_format_num(buf, sizeof(buf), v);
    return fputs(buf, c->fp) == EOF ? -1 : 0;
}

int csvout_empty(struct csvout *c)
{
    return csvout_sep(c);
}

int csvout_end(struct csvout *c)
{
    c->first = true;
    return fputs("\r\n", c->fp) == EOF ? -1 : 0;
}

int csvout_header(struct csvout *c, const char *cols)
{
    if (fputs(cols, c->fp) == EOF)
        return -1;
    return csvout_end(c);
}
