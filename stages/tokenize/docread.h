/*
 * docread: read one article's bytes whole, or say why it must be skipped.
 *
 * The reasons (unreadable, vanished, not a regular file, larger than
 * max_document_bytes, binary) go into the caller's reason buffer; the
 * bytes into the caller's buf. docread_load() returns 0 when the document
 * can be processed, 1 when it must be skipped, -1 when memory ran out.
 */
#ifndef DOCREAD_H
#define DOCREAD_H

#include <stddef.h>

#include "buf.h"
#include "tokconf.h"

/* Read path ("-": stdin) into out (reset first). */
int docread_load(const struct tokconf *tc, const char *path, struct buf *out, char *reason,
                 size_t reasonlen);

#endif
