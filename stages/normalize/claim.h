/*
 * claim: turn resolved numbers into claims (DESIGN.md "Claims").
 *
 * normalize resolves every number of a document first, then hands the whole
 * document to claim_annotate_raw(), which sets on each number record the
 * claim fields of docs/FORMATS.md: category (string or null), subject,
 * victim, side, scope, place, attribution, date, as_of, quote, source.
 * Numbers that count nothing (years, dates, ordinals, ...) get category null
 * and "" for the rest, but still a quote and date.
 *
 * struct claim_config is opaque; claim_config_load() reads config/claims/,
 * config/places.json and Debian's iso-codes, and reports errors as
 * "file:line: what". The config is read-only afterwards.
 */
#ifndef CLAIM_H
#define CLAIM_H

#include <stddef.h>

#include <jansson.h>

#include "claim_sent.h"
#include "normrec.h"

struct claim_config;

/* Load from the config folder. Returns a new config (free with claim_config_free), or NULL. */
struct claim_config *claim_config_load(const char *config_dir);

void claim_config_free(struct claim_config *cfg);

/* What claims read of a document's "doc" record: its string fields, "" when not strings. */
struct claim_docinfo {
    const char *lang, *date, *source;
};

/*
 * Annotate one document. doc is its "doc" record (borrowed), sentences an
 * array of its "sentence" records in order (borrowed), numbers an array of
 * its number records (borrowed; modified in place: a number that already
 * has no "category" gets the claim fields of no claim even when its
 * sentence is not found). Returns 0, or -1 with a message (only for
 * running out of memory: odd text is never an error). For tests and
 * callers holding jansson values (claim_json.c).
 */
int claim_annotate_doc(const struct claim_config *cfg, const json_t *doc, const json_t *sentences,
                       json_t *numbers);

/*
 * The same with the sentences' fields already read, sents[0..nsents) in
 * order (borrowed), and the numbers as records recs[0..nrecs): the numbers
 * of the sentences get their claim fields (normrec.h: annotated), pointing
 * into the sentences' text, cfg and doc, which must outlive them.
 */
int claim_annotate_raw(const struct claim_config *cfg, const struct claim_docinfo *doc,
                       const struct claim_rawsent *sents, size_t nsents, struct normrec *recs,
                       size_t nrecs);

#endif
