/*
 * lmfp: libexttextcat's language guess, computed without the library.
 *
 * textcat_Classify() builds an n-gram fingerprint of the text (n = 1..5
 * UTF-8 characters, the 400 most frequent, ranked) and scores each model
 * (a .lm file: n-grams, most frequent first) by the out-of-place distance.
 * lmfp gives the same first candidate for every input, with the same .lm
 * files, but counts n-grams word by word with dictionaries kept across
 * calls (lmgram.h), and looks each n-gram up once, ever, in one table
 * holding every model's rank. Everything textcat's answer depends on is
 * replicated: its buffer preparation (runs of spaces and digits become
 * '_', and its quirks at the buffer's end), its UTF-8 character splitting
 * (lead byte only), its hash table order and its heap, which decide the
 * ranks of n-grams with equal counts, and its verdict rules.
 *
 * The struct is opaque; lmfp_new() makes one, lmfp_free() frees it.
 */
#ifndef LMFP_H
#define LMFP_H

#include <stddef.h>

struct lmfp;

/* Not a model index: textcat said "SHORT", "UNKNOWN", or memory ran out. */
enum lmfp_verdict {
    LMFP_SHORT = -2,
    LMFP_UNKNOWN = -1,
    LMFP_NOMEM = -3,
};

/* A classifier with no model, or NULL (memory). */
struct lmfp *lmfp_new(void);

void lmfp_free(struct lmfp *fp);

/*
 * Adds the model in the .lm file at path, read as textcat's fp_Read does
 * (first field of each line, at most 400, fields over 20 bytes skipped).
 * Models are numbered 0, 1, ... in the order added. Returns 0, or -1 with
 * errno set (the file cannot be read, or memory).
 */
int lmfp_add_model(struct lmfp *fp, const char *path);

/*
 * The number of the model textcat_Classify() would list first for
 * s[0..n), read up to its first NUL byte as textcat reads its buffer; or
 * an enum lmfp_verdict. textcat is given the same n and reads past s[n]
 * when it is not NUL; lmfp never does.
 */
int lmfp_classify(struct lmfp *fp, const char *s, size_t n);

#endif
