/*
 * furniture: page furniture in an article line (video notices, "read more",
 * leftover markup, ad markers, comment counters, a line in another script),
 * recognised by the config's patterns and kept out of sentences.
 *
 * Patterns are POSIX extended regular expressions matched against the
 * line's folded form (NFC, case-folded); a match is mapped back to the
 * original bytes. A line whose letters are mostly in a script other than
 * the document's is furniture as a whole ("foreign-script"). Lines longer
 * than max_furniture_line_bytes are not searched (no furniture is that long).
 *
 * struct furniture owns its scratch buffers and span list; names in spans
 * are borrowed from the config. Functions return 0 or -1 (memory).
 */
#ifndef FURNITURE_H
#define FURNITURE_H

#include <stddef.h>

#include "buf.h"
#include "tokconf.h"

struct furniture_span {
    size_t start, end;
    const char *name;
};

struct furniture {
    const struct tokconf *tc;
    size_t doc_script;            /* tc->nscripts: unknown */
    struct furniture_span *spans; /* every span found so far, in order */
    size_t nspans, cap;
    struct buf fold;
    size_t *map; /* folded offset -> original offset */
    size_t mapcap;
    size_t ascii_script[0x80]; /* tokconf_script() of each ASCII character */
};

void furniture_init(struct furniture *f, const struct tokconf *tc);
void furniture_release(struct furniture *f);

/* Forget the spans and set the document's main script from s[from..n). */
void furniture_start_doc(struct furniture *f, const char *s, size_t n, size_t from);

/*
 * Find the furniture of the line s[ls..le) (no newline), append its spans
 * (sorted, not overlapping) to f->spans. Returns how many were appended, or
 * -1 (memory).
 */
int furniture_line(struct furniture *f, const char *s, size_t ls, size_t le);

#endif
