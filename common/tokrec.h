/*
 * tokrec: read a "sentence" record of tokens.jsonl (docs/FORMATS.md).
 *
 * tokrec_parse() borrows the strings of the JSON record: the struct is valid
 * while the record lives, except for the list of bad offsets, which it owns
 * (tokrec_release() frees it). The sentence text has each invalid byte and
 * each NUL of the original replaced by U+FFFD (3 bytes); tokrec_offset()
 * maps an offset into text back to the original file.
 * Errors are reported as "file:line: what" and return -1.
 */
#ifndef TOKREC_H
#define TOKREC_H

#include <stddef.h>

#include <jansson.h>

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

void tokrec_release(struct tokrec *tr);

/* The original file offset of byte off of tr->text. */
size_t tokrec_offset(const struct tokrec *tr, size_t off);

#endif
