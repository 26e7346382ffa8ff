/*
 * normmention: a "mention" record of mentions.jsonl read from its jscan
 * index (common/jscan.h), without building it as jansson values.
 *
 * Only the fields resolve reads are decoded: the strings (NULL when a
 * field is missing or not a string, as json_string_value() reads it), the
 * integers sid, start and end, "share" (JSON true or not) and the raw JSON
 * text of "lang", which the number record copies as it stands. A struct
 * is meant to be reused: normmention_read() keeps its buffers,
 * normmention_release() frees them.
 */
#ifndef NORMMENTION_H
#define NORMMENTION_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "jscan.h"

enum normmention_field {
    NORMMENTION_DOC,
    NORMMENTION_TEXT,
    NORMMENTION_LANG,
    NORMMENTION_FORM,
    NORMMENTION_NUM,
    NORMMENTION_DEN,
    NORMMENTION_HI,
    NORMMENTION_SUFFIX,
    NORMMENTION_QUAL,
    NORMMENTION_POST_QUAL,
    NORMMENTION_UNIT,
    NORMMENTION_PREFIX,
    NORMMENTION_HINT,
    NORMMENTION_NSTR
};

struct normmention {
    const char *str[NORMMENTION_NSTR]; /* decoded strings, or NULL */
    size_t len[NORMMENTION_NSTR];
    long long sid, start, end; /* -1 when missing or not an integer */
    bool share;
    struct buf lang_json; /* the raw JSON of "lang" ("" when missing) */
    struct buf scratch[NORMMENTION_NSTR];
};

void normmention_init(struct normmention *m);

void normmention_release(struct normmention *m);

/* Read the mention record indexed by js. Returns 0, or -1 when memory ran out (not reported). */
int normmention_read(struct normmention *m, const struct jscan *js);

/*
 * The first required field that is missing or of the wrong type (sid,
 * start, end: integers >= 0; doc, text, form: strings), or NULL.
 */
const char *normmention_bad_field(const struct normmention *m);

#endif
