#include "tokhead.h"

#include <string.h>

static bool tokhead_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int tokhead_num(const char *s, size_t n)
{
    int v = 0;

    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

bool tokhead_valid_date(const char *d, size_t len)
{
    if (len != 7 && len != 10)
        return false;
    if (!tokhead_digits(d, 4) || d[4] != '-' || !tokhead_digits(d + 5, 2))
        return false;
    int month = tokhead_num(d + 5, 2);
    if (month < 1 || month > 12)
        return false;
    if (len == 7)
        return true;
    if (d[7] != '-' || !tokhead_digits(d + 8, 2))
        return false;
    int day = tokhead_num(d + 8, 2);
    return day >= 1 && day <= 31;
}

static size_t tokhead_date_len(const char *s, size_t n)
{
    size_t len = n >= 10 && tokhead_valid_date(s, 10) ? 10 : 0;

    if (!len && n >= 7 && tokhead_valid_date(s, 7))
        len = 7;
    if (len && len < n && s[len] != ' ' && s[len] != '\t' && s[len] != '\r' && s[len] != '\n')
        return 0;
    return len;
}

static size_t tokhead_skip_blanks(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

bool tokhead_parse(const char *s, size_t n, size_t from, struct tokhead *h)
{
    size_t i = tokhead_skip_blanks(s, n, from);

    h->date[0] = '\0';
    h->end = from;
    if (n - i < 5 || memcmp(s + i, "date", 4) != 0 || (s[i + 4] != ' ' && s[i + 4] != '\t'))
        return false;
    i = tokhead_skip_blanks(s, n, i + 4);
    size_t len = tokhead_date_len(s + i, n - i);
    if (len == 0)
        return false;
    memcpy(h->date, s + i, len);
    h->date[len] = '\0';
    i = tokhead_skip_blanks(s, n, i + len);
    if (i < n && s[i] == '\r')
        i++;
    if (i < n && s[i] == '\n')
        i++;
    h->end = i;
    return true;
}
