/*
 * normout: write a number record of normalized.jsonl.
 *
 * The records are flat objects (strings, numbers, true, false, null), and
 * jansson's json_dumpb() with sorted keys took more time than annotating
 * them. normout_write() writes the same bytes as jsonl_write(): compact,
 * keys in strcmp order, strings escaped as jansson escapes them, integers
 * in decimal, and reals as jansson formats them. A record with a nested
 * value goes to jsonl_write(). b is scratch space the caller keeps.
 * Returns 0, or -1 when writing failed or memory ran out (not reported).
 */
#ifndef NORMOUT_H
#define NORMOUT_H

#include <stdio.h>

#include <jansson.h>

#include "buf.h"

int normout_write(FILE *fp, const json_t *rec, struct buf *b);

/* Append rec as normout_write() writes it, without the newline. Returns 0, 1 when it is not flat,
 * or -1. */
int normout_put(struct buf *b, const json_t *rec);

#endif
