/*
 * recset: every claim of the input, read from normalized.jsonl files.
 *
 * Reconcile holds the claims, not the text: records whose category is null
 * are checked and dropped. The struct is the caller's; recset_release()
 * frees the claims. Malformed lines are reported ("file:line: field 'x'
 * ...") and recorded in the stats as skipped lines; they never stop the run.
 */
#ifndef RECSET_H
#define RECSET_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "par.h"
#include "recclaim.h"
#include "recconf.h"
#include "stats.h"

struct recset {
    struct recclaim *v;
    size_t n, cap;
    json_t *docs;   /* owned: object used as the set of document ids seen */
    char *last_doc; /* owned: the document last added to docs */
    size_t records; /* number records read */
};

int recset_init(struct recset *s);
void recset_release(struct recset *s);

/*
 * Read every record of path ("-" is stdin) into s, deriving intervals with
 * cfg. Returns the number of malformed lines skipped (>= 0; each reported
 * and added to st), or -1 when the file could not be read at all.
 */
long recset_read(struct recset *s, const char *path, const struct recconf *cfg, struct stats *st);

/* As recset_read(), from an open stream (not closed) named name in messages. */
long recset_read_stream(struct recset *s, FILE *fp, const char *name, const struct recconf *cfg,
                        struct stats *st);

/* As recset_read(), the lines of path in range only (a part, par.h). */
long recset_read_range(struct recset *s, const char *path, const struct par_range *range,
                       const struct recconf *cfg, struct stats *st);

/*
 * Move from's claims after s's, in their order, and its documents into s's
 * (from keeps none). Returns 0, or -1 (memory: reported; from keeps what
 * was not moved).
 */
int recset_append(struct recset *s, struct recset *from);

/*
 * Sort the claims by (doc, start) and drop repeated claim ids (reported and
 * added to st). Returns the number dropped, or -1 on failure.
 */
long recset_finish(struct recset *s, struct stats *st);

#endif
