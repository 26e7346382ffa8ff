/*
 * recdate: document dates as spans of days, for placing claims in periods.
 *
 * "2023-09" is the whole month, "2023-09-27" one day, "2023" the year.
 * Days are counted from 1970-01-01 (proleptic Gregorian). Pure functions,
 * no allocation.
 */
#ifndef RECDATE_H
#define RECDATE_H

#include <stdbool.h>

struct recdate {
    long first; /* first day of the span */
    long last;  /* last day, >= first */
};

/*
 * Parse s ("YYYY", "YYYY-MM" or "YYYY-MM-DD"). Returns 1 and fills d, 0 for
 * "" (undated), -1 when s is not such a date.
 */
int recdate_parse(const char *s, struct recdate *d);

/* Day number of a calendar date (month 1-12). */
long recdate_days(long year, int month, int day);

/* Whether a ends before b begins, so that a is known to be earlier. */
bool recdate_before(const struct recdate *a, const struct recdate *b);

#endif
