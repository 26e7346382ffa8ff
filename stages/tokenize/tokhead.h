/*
 * tokhead: the optional " date YYYY-MM" or " date YYYY-MM-DD" line that
 * starts an article (after any BOM). It is metadata, not text: the rest of
 * that line, if any, is article text (DESIGN.md, seed 001).
 *
 * No allocation; nothing reported (a header that does not parse is text).
 */
#ifndef TOKHEAD_H
#define TOKHEAD_H

#include <stdbool.h>
#include <stddef.h>

struct tokhead {
    char date[11]; /* "YYYY-MM" or "YYYY-MM-DD", "" when there is no header */
    size_t end;    /* offset of the first text byte after the header */
};

/*
 * Look for a header in s[from..n). Returns true and fills h when there is
 * one; otherwise h->date is "" and h->end is from.
 */
bool tokhead_parse(const char *s, size_t n, size_t from, struct tokhead *h);

/* Whether d is "YYYY-MM" or "YYYY-MM-DD" with a real month and day. */
bool tokhead_valid_date(const char *d, size_t len);

#endif
