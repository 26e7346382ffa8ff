#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"

static void outfile_clear(struct outfile *out)
{
    free(out->path);
    free(out->tmppath);
    free(out->buf);
    out->fp = NULL;
    out->path = NULL;
    out->tmppath = NULL;
    out->buf = NULL;
}

int outfile_open(struct outfile *out, const char *path)
{
    out->fp = NULL;
    out->tmppath = NULL;
    out->buf = NULL;
    out->path = strdup(path);
    if (!out->path)
        return error_at(path, 0, "out of memory");
    if (strcmp(path, "-") == 0) {
        out->fp = stdout;
        return 0;
    }
    size_t len = strlen(path) + sizeof(".tmp");
    out->tmppath = malloc(len);
    if (!out->tmppath) {
        outfile_clear(out);
        return error_at(path, 0, "out of memory");
    }
    snprintf(out->tmppath, len, "%s.tmp", path);
    out->fp = fopen(out->tmppath, "wb");
    if (!out->fp) {
        error_at(out->tmppath, 0, "cannot create: %s", strerror(errno));
        outfile_clear(out);
        return -1;
    }
    out->buf = malloc(OUTFILE_BUF); /* without it, stdio's own buffer serves */
    if (out->buf && setvbuf(out->fp, out->buf, _IOFBF, OUTFILE_BUF) != 0) {
        free(out->buf);
        out->buf = NULL;
    }
    return 0;
}

static int outfile_finish_stdout(struct outfile *out)
{
    int rc = 0;

    if (fflush(stdout) != 0 || ferror(stdout))
        rc = error_at(NULL, 0, "write to standard output failed: %s", strerror(errno));
    outfile_clear(out);
    return rc;
}

int outfile_commit(struct outfile *out)
{
    if (!out->tmppath)
        return outfile_finish_stdout(out);
    int failed = fflush(out->fp) != 0 || ferror(out->fp);
    int saved = errno;
    if (fclose(out->fp) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    out->fp = NULL;
    if (failed) {
        error_at(out->tmppath, 0, "write failed: %s", strerror(saved));
        outfile_abort(out);
        return -1;
    }
    if (rename(out->tmppath, out->path) != 0) {
        error_at(out->path, 0, "cannot rename '%s' into place: %s", out->tmppath, strerror(errno));
        outfile_abort(out);
        return -1;
    }
    outfile_clear(out);
    return 0;
}

void outfile_abort(struct outfile *out)
{
    if (out->fp && out->fp != stdout)
        fclose(out->fp);
    if (out->tmppath)
        unlink(out->tmppath);
    outfile_clear(out);
}
