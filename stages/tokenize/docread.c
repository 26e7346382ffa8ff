#include "docread.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hygiene.h"

static int docread_skip(char *reason, size_t len, const char *what, const char *why)
{
    snprintf(reason, len, "%s%s%s", what, why ? ": " : "", why ? why : "");
    return 1;
}

static int docread_check(const struct tokconf *tc, FILE *fp, size_t *hint, char *reason, size_t len)
{
    struct stat st;

    if (fstat(fileno(fp), &st) != 0)
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

static int docread_all(const struct tokconf *tc, FILE *fp, struct buf *out, char *reason,
                       size_t len)
{
    for (;;) {
        if (buf_grow(out, 65536) < 0)
            return -1;
        size_t got = fread(out->data + out->len, 1, out->cap - out->len - 1, fp);
        out->len += got;
        out->data[out->len] = '\0';
        if (out->len > tc->max_document_bytes) {
            snprintf(reason, len, "larger than max_document_bytes (%zu)", tc->max_document_bytes);
            return 1;
        }
        if (got == 0 && ferror(fp))
            return docread_skip(reason, len, "cannot read", strerror(errno));
        if (got == 0)
            return 0;
    }
}

int docread_load(const struct tokconf *tc, const char *path, struct buf *out, char *reason,
                 size_t len)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    int rc;

    buf_reset(out);
    if (!fp)
        return docread_skip(reason, len, errno == ELOOP ? "symlink loop" : "cannot open",
                            strerror(errno));
    size_t hint = 0;
    rc = docread_check(tc, fp, &hint, reason, len);
    if (rc == 0 && buf_grow(out, hint + 1) < 0)
        rc = -1;
    if (rc == 0)
        rc = docread_all(tc, fp, out, reason, len);
    if (!is_stdin)
        fclose(fp);
    if (rc == 0 && hygiene_is_binary(out->data ? out->data : "", out->len, tc))
        rc = docread_skip(reason, len, "binary file", NULL);
    return rc;
}
