/*
 * buf: a growable byte buffer, always NUL-terminated.
 *
 * The struct is the caller's; buf_release() frees what it holds. Appends
 * return 0, or -1 when memory ran out (the buffer is then unchanged).
 */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>

struct buf {
    char *data; /* NUL-terminated; NULL until the first append */
    size_t len;
    size_t cap;
};

#define BUF_INIT                                                                                   \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

void buf_init(struct buf *b);
void buf_release(struct buf *b);
void buf_reset(struct buf *b);
int buf_grow(struct buf *b, size_t extra);
int buf_add(struct buf *b, const void *data, size_t len);
int buf_addstr(struct buf *b, const char *s);
int buf_addch(struct buf *b, char c);

/* The contents, "" when empty; valid until the next change. */
const char *buf_str(const struct buf *b);

/* Hand the string over to the caller (free it) and leave b empty. */
char *buf_detach(struct buf *b);

#endif
