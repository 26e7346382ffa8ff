#include "shard.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "err.h"
#include "outfile.h"

#define SHARD_FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define SHARD_FNV_PRIME UINT64_C(0x100000001b3)

uint64_t shard_hash(const char *s)
{
    uint64_t h = SHARD_FNV_OFFSET;

    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= *p;
        h *= SHARD_FNV_PRIME;
    }
    return h;
}

/* A decimal number without sign or space, ending at *end. Returns 0 or -1. */
static int shard_number(const char *p, char **end, unsigned long *v)
{
    if (*p < '0' || *p > '9')
        return -1;
    errno = 0;
    *v = strtoul(p, end, 10);
    return errno ? -1 : 0;
}

int shard_parse(struct shard *s, const char *arg)
{
    unsigned long k, n;
    char *end;

    if (shard_number(arg, &end, &k) < 0 || *end != '/' || shard_number(end + 1, &end, &n) < 0 ||
        *end != '\0')
        return error_at(NULL, 0, "-S: '%s': not K/N (two whole numbers)", arg);
    if (n < 1)
        return error_at(NULL, 0, "-S: '%s': N must be at least 1", arg);
    if (k >= n)
        return error_at(NULL, 0, "-S: '%s': K must be less than N", arg);
    s->k = k;
    s->n = n;
    return 0;
}

bool shard_has(const struct shard *s, const char *doc)
{
    return shard_hash(doc) % s->n == s->k;
}

void shard_filter(const struct shard *s, struct tokwalk *w)
{
    size_t kept = 0;

    for (size_t i = 0; i < w->n; i++) {
        struct tokwalk_entry *e = &w->v[i];
        if (shard_has(s, e->doc)) {
            w->v[kept++] = *e;
            continue;
        }
        free(e->doc);
        free(e->path);
        free(e->rel);
        free(e->reason);
    }
    w->n = kept;
}

void shard_claim_rows(const struct shard *s, struct manifest *m)
{
    for (size_t i = 0; i < m->n; i++)
        if (!shard_has(s, m->rows[i].doc))
            m->rows[i].used = true;
}

static int shard_list_entry(FILE *fp, const struct tokwalk_entry *e)
{
    struct stat st;

    if (e->reason)
        return fprintf(fp, "skip\t%s\t%s\n", e->rel, e->reason);
    if (strcmp(e->path, "-") == 0 || stat(e->path, &st) != 0)
        return fprintf(fp, "gone\t%s\n", e->rel);
    return fprintf(fp, "file\t%s\t%lld\t%lld.%09ld\n", e->rel, (long long)st.st_size,
                   (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
}

static int shard_list_row(FILE *fp, const struct manifest_row *r)
{
    return fprintf(fp, "row\t%s\t%s\t%s\t%s\t%s\n", r->doc, r->date, r->lang, r->source, r->url);
}

int shard_list(FILE *fp, const char *name, const struct shard *s, const struct tokwalk *w,
               const struct manifest *m)
{
    for (size_t i = 0; i < w->n; i++)
        if (shard_list_entry(fp, &w->v[i]) < 0)
            return error_at(name, 0, "write failed: %s", strerror(errno));
    for (size_t i = 0; m && i < m->n; i++)
        if (shard_has(s, m->rows[i].doc) && shard_list_row(fp, &m->rows[i]) < 0)
            return error_at(name, 0, "write failed: %s", strerror(errno));
    return 0;
}

/* The manifest of folder dir into m (empty when it has none). Returns 0 or -1. */
static int shard_folder_manifest(struct manifest *m, const char *dir)
{
    char *path = config_path(dir, "manifest.csv");
    int rc = 0;

    if (!path)
        return error_at(dir, 0, "out of memory");
    if (access(path, F_OK) == 0)
        rc = manifest_load(m, path, NULL);
    free(path);
    return rc;
}

static int shard_list_input(const struct shard_listing *l, FILE *fp, const char *name,
                            const char *arg)
{
    struct tokwalk w;
    struct manifest m;
    struct stat st;

    tokwalk_init(&w);
    manifest_init(&m);
    bool dir = strcmp(arg, "-") != 0 && stat(arg, &st) == 0 && S_ISDIR(st.st_mode);
    int rc = dir ? tokwalk_dir(&w, arg) : tokwalk_file(&w, arg, l->stdin_name);
    if (rc < 0)
        rc = error_at(arg, 0, "out of memory");
    if (rc == 0 && dir && !l->manifest)
        rc = shard_folder_manifest(&m, arg);
    if (rc == 0) {
        shard_filter(l->shard, &w);
        rc = shard_list(fp, name, l->shard, &w, &m);
    }
    manifest_release(&m);
    tokwalk_release(&w);
    return rc;
}

static int shard_list_all(const struct shard_listing *l, FILE *fp, const char *name)
{
    struct tokwalk none;
    struct manifest m;

    for (int i = 0; i < l->ninputs; i++)
        if (shard_list_input(l, fp, name, l->inputs[i]) < 0)
            return -1;
    if (!l->manifest)
        return 0;
    tokwalk_init(&none);
    int rc = manifest_load(&m, l->manifest, NULL);
    if (rc == 0)
        rc = shard_list(fp, name, l->shard, &none, &m);
    manifest_release(&m);
    return rc;
}

int shard_list_inputs(const struct shard_listing *l)
{
    struct outfile out;

    if (outfile_open(&out, l->output) < 0)
        return -1;
    if (shard_list_all(l, out.fp, l->output) < 0) {
        outfile_abort(&out);
        return -1;
    }
    return outfile_commit(&out);
}
