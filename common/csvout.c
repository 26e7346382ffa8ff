#include "csvout.h"

#include <math.h>
#include <string.h>

void csvout_init(struct csvout *c, FILE *fp)
{
    c->fp = fp;
    c->first = true;
    c->len = 0;
}

/* Write out the buffered bytes. */
static int csvout_flush(struct csvout *c)
{
    size_t n = c->len;

    c->len = 0;
    return n && fwrite(c->buf, 1, n, c->fp) != n ? -1 : 0;
}

/* Room for n more bytes in the buffer; -1 when n never fits (the caller writes directly). */
static int csvout_room(struct csvout *c, size_t n)
{
    if (c->len + n <= sizeof(c->buf))
        return 0;
    if (csvout_flush(c) < 0)
        return -2;
    return n <= sizeof(c->buf) ? 0 : -1;
}

/* Add the n bytes at s. */
static int csvout_put(struct csvout *c, const char *s, size_t n)
{
    int rc = csvout_room(c, n);

    if (rc == -1)
        return fwrite(s, 1, n, c->fp) == n ? 0 : -1;
    if (rc < 0)
        return -1;
    memcpy(c->buf + c->len, s, n);
    c->len += n;
    return 0;
}

static int csvout_putc(struct csvout *c, char ch)
{
    if (csvout_room(c, 1) < 0)
        return -1;
    c->buf[c->len++] = ch;
    return 0;
}

static int csvout_sep(struct csvout *c)
{
    if (c->first) {
        c->first = false;
        return 0;
    }
    return csvout_putc(c, ',');
}

static bool csvout_is_formula(const char *s)
{
    return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
}

/* The field s quoted, after an apostrophe when formula; each '"' doubled. */
static int csvout_quoted(struct csvout *c, const char *s, bool formula)
{
    if (csvout_putc(c, '"') < 0 || (formula && csvout_putc(c, '\'') < 0))
        return -1;
    for (const char *p = s; *p;) { /* each '"' doubled: written with the run that ends at it */
        size_t n = strcspn(p, "\"");
        n += p[n] == '"';
        if (csvout_put(c, p, n) < 0 || (p[n - 1] == '"' && csvout_putc(c, '"') < 0))
            return -1;
        p += n;
    }
    return csvout_putc(c, '"');
}

int csvout_text(struct csvout *c, const char *s)
{
    if (csvout_sep(c) < 0)
        return -1;
    if (!s || !*s)
        return 0;
    size_t n = strcspn(s, ",\"\r\n"); /* the whole field when it needs no quotes */
    bool formula = csvout_is_formula(s);
    if (formula || s[n])
        return csvout_quoted(c, s, formula);
    return csvout_put(c, s, n);
}

/* The digits of x at p, in order; returns where they end. */
static char *csvout_digits(char *p, unsigned long long x)
{
    char digits[24];
    size_t n = 0;

    do {
        digits[n++] = (char)('0' + x % 10);
        x /= 10;
    } while (x);
    while (n)
        *p++ = digits[--n];
    return p;
}

/* An integer below 1e15 in decimal, as "%.6f" with its zeros cut would write it. */
static size_t csvout_format_int(char *buf, double v)
{
    char *p = buf;

    if (v < 0)
        *p++ = '-';
    p = csvout_digits(p, (unsigned long long)fabs(v));
    *p = '\0';
    return (size_t)(p - buf);
}

/*
 * The millionths of f (0 <= f < 1) rounded as printf rounds them: to
 * nearest, ties to even, from f's exact value. f * 1e6 is p + err exactly
 * (fma gives the error of the product). floor(p) + frac is p, and frac, a
 * multiple of p's ulp as 0.5 is, differs from 0.5 by at least that ulp
 * unless equal, while |err| is at most half of it: so only at frac == 0.5
 * does err decide, and err == 0 there is a true tie.
 */
static unsigned long long csvout_millionths(double f)
{
    double p = f * 1e6;
    double err = fma(f, 1e6, -p);
    double n = floor(p);
    double frac = p - n;
    unsigned long long m = (unsigned long long)n;
    bool up = frac > 0.5 || (frac == 0.5 && (err > 0 || (err == 0 && (m & 1))));

    return m + up;
}

/*
 * v (not an integer, 1e-9 <= |v| < 1e15) as "%.6f" with its zeros cut
 * would write it: the whole part is exact below 2^52, and so is the fraction
 * left, whose millionths are rounded as printf rounds them.
 */
static size_t csvout_format_fixed(char *buf, double v)
{
    double a = fabs(v), whole = trunc(a);
    unsigned long long w = (unsigned long long)whole, m = csvout_millionths(a - whole);
    char *p = buf;

    if (m == 1000000) {
        w++;
        m = 0;
    }
    if (v < 0 && (w || m))
        *p++ = '-';
    p = csvout_digits(p, w);
    if (m) {
        *p++ = '.';
        for (unsigned long long d = 100000; d && m; d /= 10) {
            *p++ = (char)('0' + m / d);
            m %= d;
        }
    }
    *p = '\0';
    return (size_t)(p - buf);
}

/* As csvout_format_num(), returning the length written. */
static size_t csvout_format(char *buf, size_t size, double v)
{
    double a = fabs(v);

    if (size >= 24 && a < 1e15 && v == trunc(v))
        return csvout_format_int(buf, v);
    if (size >= 24 && a >= 1e-9 && a < 1e15)
        return csvout_format_fixed(buf, v);
    if (!isfinite(v) || size < 2) {
        if (size)
            buf[0] = '\0';
        return 0;
    }
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
    return strlen(buf);
}

char *csvout_format_num(char *buf, size_t size, double v)
{
    csvout_format(buf, size, v);
    return buf;
}

int csvout_num(struct csvout *c, double v)
{
    char buf[400];

    if (csvout_sep(c) < 0)
        return -1;
    return csvout_put(c, buf, csvout_format(buf, sizeof(buf), v));
}

int csvout_empty(struct csvout *c)
{
    return csvout_sep(c);
}

int csvout_end(struct csvout *c)
{
    c->first = true;
    if (csvout_put(c, "\r\n", 2) < 0)
        return -1;
    return csvout_flush(c);
}

int csvout_header(struct csvout *c, const char *cols)
{
    if (csvout_put(c, cols, strlen(cols)) < 0)
        return -1;
    return csvout_end(c);
}
