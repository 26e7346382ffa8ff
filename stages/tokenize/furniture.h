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

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "tokconf.h"

struct furniture_span {
    size_t start, end;
    const char *name;
};

/* Code points below this have their script looked up once, at init (ASCII and 2-byte UTF-8). */
#define FURNITURE_TABLE 0x800
#define FURNITURE_NOT_LETTER ((size_t)-1)
/* One-character clusters whose folded form is remembered (direct-mapped by code point). */
#define FURNITURE_FOLDS 512
/* Lines of a document whose letters furniture_start_doc() keeps per script (bounds the memory). */
#define FURNITURE_LINES 4096

struct furniture_fold_entry {
    int32_t cp; /* -1: empty */
    unsigned char len;
    char bytes[11]; /* utf8_fold() of cp */
};

struct furniture {
    const struct tokconf *tc;
    size_t doc_script;            /* tc->nscripts: unknown */
    struct furniture_span *spans; /* every span found so far, in order */
    size_t nspans, cap;
    struct buf fold;
    size_t *map; /* folded offset -> original offset, when mapped */
    size_t mapcap;
    bool mapped;
    const char *line; /* the line folded: line[line_start..line_end) */
    size_t line_start, line_end;
    size_t *counts; /* scratch: letters per script (tc->nscripts + 1) */
    /* per line of the document, in order: its start, its end, its letters, then its letters
       per script (a row of tc->nscripts + 4); next_line: the row furniture_line() looks at */
    size_t *lines;
    size_t nlines, linecap, next_line;
    size_t script_of[FURNITURE_TABLE]; /* tokconf_script() of a letter, else NOT_LETTER */
    size_t ascii_letters;              /* the script of every ASCII letter, or NOT_LETTER */
    struct furniture_fold_entry folds[FURNITURE_FOLDS];
    /* the patterns that may match a folded line starting with byte b, in config order:
       cand[cand_at[b]..cand_at[b + 1]); NULL: try every pattern */
    size_t *cand;
    size_t cand_at[257];
};

void furniture_init(struct furniture *f, const struct tokconf *tc);
void furniture_release(struct furniture *f);

/*
 * Forget the spans and set the document's main script from s[from..n). The
 * letters of each line (split at '\n', a '\r' before it left out) are kept,
 * so that furniture_line() does not count them again.
 */
void furniture_start_doc(struct furniture *f, const char *s, size_t n, size_t from);

/*
 * The line of s[..n) that starts at i: *le is its end, a '\r' before its
 * '\n' left out; returns where the next one starts. The one way lines are
 * split, so that furniture_line() meets the lines furniture_start_doc() kept.
 */
static inline size_t furniture_next_line(const char *s, size_t n, size_t i, size_t *le)
{
    const char *nl = memchr(s + i, '\n', n - i);
    size_t end = nl ? (size_t)(nl - s) : n;
    size_t next = nl ? end + 1 : n;

    *le = end > i && s[end - 1] == '\r' ? end - 1 : end;
    return next;
}

/*
 * Find the furniture of the line s[ls..le) (no newline), append its spans
 * (sorted, not overlapping) to f->spans. Returns how many were appended, or
 * -1 (memory). Called for the document's lines in order, it reuses their
 * counts from furniture_start_doc(); any other line is counted again.
 */
int furniture_line(struct furniture *f, const char *s, size_t ls, size_t le);

#endif
