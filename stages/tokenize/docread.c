#include "docread.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hygiene.h"

static int docread_skip(char *reason, size_t len, const char *what, const char *why)
{
    snprintf(reason, len, "%s%s%s", what, why ? ": " : "", why ? why : "");
    return 1;
}

static int docread_check(const struct tokconf *tc, int fd, size_t *hint, char *reason, size_t len)
{
    struct stat st;

    if (fstat(fd, &st) != 0)
        return docread_skip(reason, len, "cannot read", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return docread_skip(reason, len, "is a folder", NULL);
    if (S_ISREG(st.st_mode) && (size_t)st.st_size > tc->max_document_bytes) {
        snprintf(reason, len, "larger than max_document_bytes (%zu)", tc->max_document_bytes);
        return 1;
    }
    *hint = S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
    return 0;
}

/* Read fd to its end into out, with read() itself: a document is read in one or two calls. */
static int docread_all(const struct tokconf *tc, int fd, struct buf *out, char *reason, size_t len)
{
    for (;;) {
        if (out->cap - out->len < 2 && buf_grow(out, 65536) < 0)
            return -1;
        ssize_t got = read(fd, out->data + out->len, out->cap - out->len - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return docread_skip(reason, len, "cannot read", strerror(errno));
        out->len += (size_t)got;
        out->data[out->len] = '\0';
        if (out->len > tc->max_document_bytes) {
            snprintf(reason, len, "larger than max_document_bytes (%zu)", tc->max_document_bytes);
            return 1;
        }
        if (got == 0)
            return 0;
    }
}

int docread_load(const struct tokconf *tc, const char *path, struct buf *out, char *reason,
                 size_t len)
{
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    int rc;

    buf_reset(out);
    if (fd < 0)
        return docread_skip(reason, len, errno == ELOOP ? "symlink loop" : "cannot open",
                            strerror(errno));
    size_t hint = 0;
    rc = docread_check(tc, fd, &hint, reason, len);
    if (rc == 0 && buf_grow(out, hint + 1) < 0) /* room for the end to be seen in one read */
        rc = -1;
    if (rc == 0)
        rc = docread_all(tc, fd, out, reason, len);
    if (!is_stdin)
        close(fd);
    if (rc == 0 && hygiene_is_binary(out->data ? out->data : "", out->len, tc))
        rc = docread_skip(reason, len, "binary file", NULL);
    return rc;
}
