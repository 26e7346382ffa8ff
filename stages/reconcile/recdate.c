#include "recdate.h"

#include <ctype.h>
#include <string.h>

/* Howard Hinnant's days_from_civil. */
long recdate_days(long year, int month, int day)
{
    long y = month <= 2 ? year - 1 : year;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool recdate_leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int recdate_month_len(long y, int m)
{
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && recdate_leap(y) ? 29 : len[m - 1];
}

/* Read exactly n digits at s into *out. */
static bool recdate_digits(const char *s, int n, long *out)
{
    *out = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        *out = *out * 10 + (s[i] - '0');
    }
    return true;
}

int recdate_parse(const char *s, struct recdate *d)
{
    size_t n = strlen(s);
    long y, m = 0, day = 0;

    if (n == 0)
        return 0;
    if ((n != 4 && n != 7 && n != 10) || !recdate_digits(s, 4, &y))
        return -1;
    if (n >= 7 && (s[4] != '-' || !recdate_digits(s + 5, 2, &m) || m < 1 || m > 12))
        return -1;
    if (n == 10 && (s[7] != '-' || !recdate_digits(s + 8, 2, &day) || day < 1 ||
                    day > recdate_month_len(y, (int)m)))
        return -1;
    if (n == 4) {
        d->first = recdate_days(y, 1, 1);
        d->last = recdate_days(y, 12, 31);
    } else if (n == 7) {
        d->first = recdate_days(y, (int)m, 1);
        d->last = recdate_days(y, (int)m, recdate_month_len(y, (int)m));
    } else {
        d->first = d->last = recdate_days(y, (int)m, (int)day);
    }
    return 1;
}

bool recdate_before(const struct recdate *a, const struct recdate *b)
{
    return a->last < b->first;
}
