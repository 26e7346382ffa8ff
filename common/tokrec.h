/*
 * tokrec: read a "sentence" record of tokens.jsonl (docs/FORMATS.md).
 *
 * tokrec_parse() borrows the strings of the JSON record: the struct is valid
 * while the record lives, except for the list of bad offsets, which it owns
 * (tokrec_release() frees it). The sentence text has each invalid byte and
 * each NUL of the original replaced by U+FFFD (3 bytes); tokrec_offset()
 * maps an offset into text back to the original file.
 * Errors are reported as "file:line: what" and return -1.
 *
 * tokrec_scan() reads the same record from a jscan index of its line (no
 * jansson values built): it decodes doc and text into a caller-owned
 * struct tokrec_store, which they borrow until its next use, and accepts and
 * refuses exactly what tokrec_parse() does, in the same words.
 */
#ifndef TOKREC_H
#define TOKREC_H

#include <stddef.h>

#include <jansson.h>

#include "buf.h"
#include "jscan.h"

struct tokrec {
    const char *doc;  /* borrowed */
    const char *text; /* borrowed, text_len bytes */
    size_t text_len;
    size_t sid;
    size_t start; /* offset of text[0] in the original file */
    size_t end;
    size_t *bad; /* owned: sorted original offsets of replaced bytes */
    size_t nbad;
};

/* Read rec into tr. file and line name the record in messages. Returns 0 or -1. */
int tokrec_parse(struct tokrec *tr, const json_t *rec, const char *file, size_t line);

/* Where tokrec_scan() decodes the strings; reused from record to record. */
struct tokrec_store {
    struct buf doc;
    struct buf text;
};

#define TOKREC_STORE_INIT                                                                          \
    {                                                                                              \
        BUF_INIT, BUF_INIT                                                                         \
    }

/*
 * Read the record indexed by js into tr, its strings (NUL-terminated)
 * decoded into store. file and line name the record in messages. Returns 0
 * or -1.
 */
int tokrec_scan(struct tokrec *tr, const struct jscan *js, struct tokrec_store *store,
                const char *file, size_t line);

void tokrec_store_release(struct tokrec_store *store);

void tokrec_release(struct tokrec *tr);

/* The original file offset of byte off of tr->text. */
size_t tokrec_offset(const struct tokrec *tr, size_t off);

#endif
