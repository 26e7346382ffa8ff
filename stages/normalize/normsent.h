/*
 * normsent: a "sentence" record of mentions.jsonl read from its jscan index
 * (common/jscan.h) without building it as jansson values.
 *
 * Only what claim annotation uses is decoded: the text, start, sid, para,
 * the token array and the bad offsets, each read as jansson's *_value()
 * getters would read it (0 or nothing for a missing field or one of another
 * type), so that odd records give the same claims as before. A struct is
 * meant to be reused: normsent_read() keeps its buffers, normsent_release()
 * frees them. Errors: -1 when memory ran out (not reported).
 */
#ifndef NORMSENT_H
#define NORMSENT_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "buf.h"
#include "claim_sent.h"
#include "jscan.h"

enum normsent_para {
    NORMSENT_PARA_NONE,  /* no "para" member */
    NORMSENT_PARA_INT,   /* an integer, in para */
    NORMSENT_PARA_OTHER, /* any other value, in para_other */
};

struct normsent {
    struct buf text;
    bool has_text; /* "text" is a string */
    long long start, sid, para;
    enum normsent_para para_kind;
    json_t *para_other;       /* owned */
    struct jscan_triple *tok; /* room for captok (malloc'd; may be swapped with a sink's) */
    size_t ntok, captok;
    long long *bad;
    size_t nbad, capbad;
    bool in_lead; /* for normrun: the sentence belongs to the document's lead */
};

void normsent_init(struct normsent *ns);

void normsent_release(struct normsent *ns);

/* Read the sentence record indexed by js. Returns 0 or -1. */
int normsent_read(struct normsent *ns, const struct jscan *js);

/*
 * normsent_read() that takes the tokens from sink (NULL: none) when the scan of js read them there
 * (jscan_object_triples() with the key "tokens"): it takes sink's array as its own and gives sink
 * its former one in exchange (sink->t and sink->max), so that nothing is copied. Both arrays must
 * come from malloc(); sink's owner frees the one it holds in the end.
 */
int normsent_read_triples(struct normsent *ns, const struct jscan *js,
                          struct jscan_triple_sink *sink);

/* The fields as claim_sent_init_raw() takes them (borrowing from ns). */
void normsent_raw(const struct normsent *ns, struct claim_rawsent *r);

/* Do a and b have equal "para" values (json_equal: false when either is missing)? */
bool normsent_same_para(const struct normsent *a, const struct normsent *b);

#endif
