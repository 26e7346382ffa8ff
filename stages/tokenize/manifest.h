/*
 * manifest: IN/manifest.csv, the per-document metadata that wins over
 * anything inferred (DESIGN.md). Header "doc,date,lang,source,url"; any
 * column but doc may be empty; date is YYYY-MM or YYYY-MM-DD; lang, when
 * given, must be a configured language.
 *
 * Any malformed line (wrong header, wrong column count, bad date, unknown
 * language, unterminated quote, a second row for the same doc) is an error
 * "manifest.csv:LINE: what": manifest_read() returns -1 and the caller stops
 * (exit 2). The struct owns its rows; manifest_release() frees them.
 */
#ifndef MANIFEST_H
#define MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tokconf.h"

struct manifest_row {
    char *doc, *date, *lang, *source, *url; /* "" when empty */
    size_t line;
    bool used; /* a document matched this row */
};

struct manifest {
    char *name;                /* for messages */
    struct manifest_row *rows; /* sorted by doc */
    size_t n;
};

void manifest_init(struct manifest *m);

/*
 * Parse fp (named name in messages) into m. tc checks lang values (NULL:
 * no check). Returns 0, or -1 after reporting the first problem.
 */
int manifest_read(struct manifest *m, FILE *fp, const char *name, const struct tokconf *tc);

/* Open and read path. Returns 0 or -1 (reported). */
int manifest_load(struct manifest *m, const char *path, const struct tokconf *tc);

/* The row for doc (borrowed; not marked), or NULL. */
struct manifest_row *manifest_lookup(const struct manifest *m, const char *doc);

/* The row for doc (borrowed; marked used), or NULL. */
struct manifest_row *manifest_find(struct manifest *m, const char *doc);

/* Warn about each row no document used; returns how many. */
size_t manifest_warn_unused(const struct manifest *m);

void manifest_release(struct manifest *m);

#endif
