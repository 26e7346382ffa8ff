/*
 * langid: the language of a document, among the configured ones.
 *
 * lmfp (libexttextcat's algorithm, reimplemented) ranks the configured
 * models, read from tc->model_dir/<textcat>.lm in the order configured.
 * Stock textcat confuses close languages (it calls Norwegian Danish, and
 * with Danish absent it may say Swedish), so the winner and the languages
 * its config lists as "close" are compared by their marker words; the most
 * hits win, a tie keeps textcat's choice. When textcat finds the text too
 * short or unknown, marker words alone decide if one language has at
 * least min_marker_hits; else the configured default is used.
 *
 * The struct owns the classifier; langid_release() frees it.
 */
#ifndef LANGID_H
#define LANGID_H

#include <stddef.h>

#include "lmfp.h"
#include "markidx.h"
#include "markmemo.h"
#include "tokconf.h"

struct langid {
    const struct tokconf *tc; /* borrowed */
    struct lmfp *fp;
    struct markidx marks;
    struct markmemo memo; /* marker hits of the words seen so far */
};

enum langid_source {
    LANGID_DETECTED,
    LANGID_DEFAULT,
};

/* Returns 0, or -1 with a message (model folder or a model missing). */
int langid_init(struct langid *li, const struct tokconf *tc);

void langid_release(struct langid *li);

/*
 * The language of s[0..n) (its first sample_bytes are used). Returns the
 * language (borrowed from tc) and sets *source.
 */
const struct tokconf_lang *langid_detect(struct langid *li, const char *s, size_t n,
                                         enum langid_source *source);

/*
 * Marker hits of each language in s[0..n): hits[i] for tc->langs[i].
 * Exposed for tests. Returns 0 or -1 (memory).
 */
int langid_markers(struct langid *li, const char *s, size_t n, size_t *hits);

#endif
