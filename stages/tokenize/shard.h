/*
 * shard: one part of the corpus, so that tokenize -> extract -> normalize
 * can run as N independent parts (make -jN, a Slurm job array) and
 * reconcile merges them.
 *
 * A document belongs to shard hash(doc) mod N, where hash is FNV-1a 64
 * over the bytes of the doc id (tokwalk's "doc": the path under IN without
 * ".txt"). The id, not the path or a position, decides, so a document keeps
 * its shard when others arrive or leave, and a manifest row goes to the
 * shard of the document it names.
 *
 * shard_list() prints what a shard is made of (its files with size and
 * modification time, its manifest rows) so that make can tell, without
 * reading any document, whether that shard must be redone.
 *
 * struct shard is plain data. shard_parse() and shard_list() report their
 * errors (err.h) and return -1; the rest cannot fail.
 */
#ifndef SHARD_H
#define SHARD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "manifest.h"
#include "tokwalk.h"

struct shard {
    unsigned long k, n; /* this is part k of n; 0 <= k < n */
};

/* FNV-1a 64 of the NUL-terminated string s. */
uint64_t shard_hash(const char *s);

/*
 * Parse "K/N" (decimal, K < N, N >= 1) into s. Returns 0, or -1 after
 * reporting "-S: 'arg': what is wrong" (s unchanged).
 */
int shard_parse(struct shard *s, const char *arg);

/*
 * shard_parse(), or "all/N": every shard of N (s->k = 0, *all set). Returns
 * 0, or -1 after reporting.
 */
int shard_parse_all(struct shard *s, const char *arg, bool *all);

/* Whether doc belongs to shard s. */
bool shard_has(const struct shard *s, const char *doc);

/* Drop (and free) the entries of w whose doc is not in s; the order of the rest is kept. */
void shard_filter(const struct shard *s, struct tokwalk *w);

/*
 * Mark the rows of m that belong to other shards as used, so that only
 * this shard warns about a row that names no document.
 */
void shard_claim_rows(const struct shard *s, struct manifest *m);

/*
 * Print one line per entry of w ("file\tREL\tSIZE\tSEC.NSEC", "gone\tREL"
 * when it cannot be stat'ed now, "skip\tREL\tREASON") and, when m is not
 * NULL, one per row of m in s ("row\tDOC\tDATE\tLANG\tSOURCE\tURL"). The
 * lines are the same for the same files and rows. Returns 0, or -1 after
 * reporting a failed write on name.
 */
int shard_list(FILE *fp, const char *name, const struct shard *s, const struct tokwalk *w,
               const struct manifest *m);

/* What tokenize -S K/N -l lists: its inputs, as tokenize would take them. */
struct shard_listing {
    const struct shard *shard;
    bool all;             /* shard_write_listings(): every shard of shard->n, not shard->k */
    const char *output;   /* "-" for stdout; written whole or not at all */
    const char *manifest; /* NULL: each folder's manifest.csv */
    const char *stdin_name;
    char **inputs;
    int ninputs;
};

/*
 * Walk every input (folders as tokwalk_dir, files as tokwalk_file), keep
 * shard s, and shard_list() each; then the rows of the -m manifest, else of
 * each folder's manifest.csv (language codes are not checked here). Returns
 * 0, or -1 after reporting (memory, a bad manifest, a failed write: nothing
 * is written).
 */
int shard_list_inputs(const struct shard_listing *l);

/* The name of a shard's listing in its folder. */
#define SHARD_INPUTS ".inputs"

/*
 * tokenize -S K/N -L DIR (all: -S all/N): what shard_list_inputs() lists,
 * for shard K or every shard at once (one walk, one stat() a file), into
 * DIR/K/.inputs, headed "in INPUT... shard K/N". A file is written (temp +
 * rename, folders made) only when its text changes, so make redoes just
 * the shards whose listing did. Returns 0, or -1 after reporting.
 */
int shard_write_listings(const struct shard_listing *l, const char *dir);

#endif
