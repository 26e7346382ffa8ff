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

int shard_parse_all(struct shard *s, const char *arg, bool *all)
{
    unsigned long n;
    char *end;

    *all = strncmp(arg, "all/", 4) == 0;
    if (!*all)
        return shard_parse(s, arg);
    if (shard_number(arg + 4, &end, &n) < 0 || *end != '\0' || n < 1)
        return error_at(NULL, 0, "-S: '%s': N of all/N must be a whole number from 1", arg);
    s->k = 0;
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
    if (e->stated)
        return fprintf(fp, "file\t%s\t%lld\t%lld.%09ld\n", e->rel, (long long)e->size,
                       (long long)e->mtime.tv_sec, (long)e->mtime.tv_nsec);
    if (strcmp(e->path, "-") == 0 || stat(e->path, &st) != 0)
        return fprintf(fp, "gone\t%s\n", e->rel);
    return fprintf(fp, "file\t%s\t%lld\t%lld.%09ld\n", e->rel, (long long)st.st_size,
                   (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
}

static int shard_list_row(FILE *fp, const struct manifest_row *r)
{
    return fprintf(fp, "row\t%s\t%s\t%s\t%s\t%s\n", r->doc, r->date, r->lang, r->source, r->url);
}

/*
 * Where the lines of the shards listed go: fp[i] for shard first + i,
 * i < count, of n.
 */
struct shard_sink {
    FILE **fp;
    unsigned long first, count, n;
};

/* The stream of doc's shard, or NULL when that shard is not listed. */
static FILE *shard_sink_for(const struct shard_sink *k, const char *doc)
{
    unsigned long i = (unsigned long)(shard_hash(doc) % k->n) - k->first;

    return i < k->count ? k->fp[i] : NULL;
}

/* The lines of w's entries and m's rows (m may be NULL), each to its shard's stream. */
static int shard_route(const struct shard_sink *k, const char *name, const struct tokwalk *w,
                       const struct manifest *m)
{
    FILE *fp;

    for (size_t i = 0; i < w->n; i++)
        if ((fp = shard_sink_for(k, w->v[i].doc)) && shard_list_entry(fp, &w->v[i]) < 0)
            return error_at(name, 0, "write failed: %s", strerror(errno));
    for (size_t i = 0; m && i < m->n; i++)
        if ((fp = shard_sink_for(k, m->rows[i].doc)) && shard_list_row(fp, &m->rows[i]) < 0)
            return error_at(name, 0, "write failed: %s", strerror(errno));
    return 0;
}

int shard_list(FILE *fp, const char *name, const struct shard *s, const struct tokwalk *w,
               const struct manifest *m)
{
    struct shard_sink k = {&fp, s->k, 1, s->n};

    for (size_t i = 0; i < w->n; i++) /* w is the shard's already */
        if (shard_list_entry(fp, &w->v[i]) < 0)
            return error_at(name, 0, "write failed: %s", strerror(errno));
    struct tokwalk none = {NULL, 0, 0};
    return shard_route(&k, name, &none, m);
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

static int shard_list_input(const struct shard_listing *l, const struct shard_sink *k,
                            const char *name, const char *arg)
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
    if (rc == 0)
        rc = shard_route(k, name, &w, &m);
    manifest_release(&m);
    tokwalk_release(&w);
    return rc;
}

static int shard_list_all(const struct shard_listing *l, const struct shard_sink *k,
                          const char *name)
{
    struct tokwalk none;
    struct manifest m;

    for (int i = 0; i < l->ninputs; i++)
        if (shard_list_input(l, k, name, l->inputs[i]) < 0)
            return -1;
    if (!l->manifest)
        return 0;
    tokwalk_init(&none);
    int rc = manifest_load(&m, l->manifest, NULL);
    if (rc == 0)
        rc = shard_route(k, name, &none, &m);
    manifest_release(&m);
    return rc;
}

int shard_list_inputs(const struct shard_listing *l)
{
    struct outfile out;

    if (outfile_open(&out, l->output) < 0)
        return -1;
    struct shard_sink k = {&out.fp, l->shard->k, 1, l->shard->n};
    if (shard_list_all(l, &k, l->output) < 0) {
        outfile_abort(&out);
        return -1;
    }
    return outfile_commit(&out);
}

/* A listing being made in memory. */
struct shard_text {
    char *text;
    size_t len;
};

/* Whether the file at path holds exactly text[0..len). */
static bool shard_file_holds(const char *path, const char *text, size_t len)
{
    struct stat st;
    char block[65536];
    size_t at = 0, got;

    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size != len)
        return false;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    while (at <= len && (got = fread(block, 1, sizeof(block), fp)) > 0) {
        if (got > len - at || memcmp(block, text + at, got) != 0)
            break;
        at += got;
    }
    bool same = at == len && !ferror(fp) && getc(fp) == EOF;
    fclose(fp);
    return same;
}

/* mkdir path unless it is a folder already. Returns 0, or -1 (reported). */
static int shard_mkdir(const char *path)
{
    struct stat st;

    if (mkdir(path, 0777) == 0 || (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
        return 0;
    return error_at(path, 0, "cannot create folder: %s", strerror(errno ? errno : EEXIST));
}

/* Write t to path (temp + rename). Returns 0, or -1 (reported). */
static int shard_write_text(const char *path, const struct shard_text *t)
{
    struct outfile out;

    if (outfile_open(&out, path) < 0)
        return -1;
    if (fwrite(t->text, 1, t->len, out.fp) != t->len) {
        error_at(path, 0, "write failed: %s", strerror(errno));
        outfile_abort(&out);
        return -1;
    }
    return outfile_commit(&out);
}

/* dir/K/.inputs holds t afterwards, written only when it did not. Returns 0, or -1 (reported). */
static int shard_store(const char *dir, unsigned long k, const struct shard_text *t)
{
    size_t n = strlen(dir) + 32 + sizeof(SHARD_INPUTS);
    char *folder = malloc(n), *file = malloc(n);
    int rc = 0;

    if (!folder || !file)
        rc = error_at(dir, 0, "out of memory");
    else {
        snprintf(folder, n, "%s/%lu", dir, k);
        snprintf(file, n, "%s/%s", folder, SHARD_INPUTS);
        if (!shard_file_holds(file, t->text, t->len))
            rc = shard_mkdir(dir) < 0 || shard_mkdir(folder) < 0 ? -1 : shard_write_text(file, t);
    }
    free(folder);
    free(file);
    return rc;
}

/* "in INPUT... shard K/N\n" at the head of fp. */
static int shard_header(FILE *fp, const struct shard_listing *l, unsigned long k, unsigned long n)
{
    if (fputs("in", fp) < 0)
        return -1;
    for (int i = 0; i < l->ninputs; i++)
        if (fprintf(fp, " %s", l->inputs[i]) < 0)
            return -1;
    return fprintf(fp, " shard %lu/%lu\n", k, n) < 0 ? -1 : 0;
}

/* Open k->count streams in memory, each with its header; closes what it opened on failure. */
static int shard_texts_open(const struct shard_listing *l, struct shard_sink *k,
                            struct shard_text *t)
{
    for (unsigned long i = 0; i < k->count; i++) {
        t[i] = (struct shard_text){NULL, 0};
        k->fp[i] = open_memstream(&t[i].text, &t[i].len);
        if (!k->fp[i] || shard_header(k->fp[i], l, k->first + i, k->n) < 0) {
            for (unsigned long j = 0; j <= i; j++) {
                if (k->fp[j])
                    fclose(k->fp[j]);
                free(t[j].text);
            }
            return error_at(NULL, 0, "out of memory");
        }
    }
    return 0;
}

int shard_write_listings(const struct shard_listing *l, const char *dir)
{
    struct shard_sink k = {NULL, l->all ? 0 : l->shard->k, l->all ? l->shard->n : 1, l->shard->n};
    struct shard_text *t = calloc(k.count, sizeof(*t));
    int rc = -1;

    k.fp = calloc(k.count, sizeof(*k.fp));
    if (!t || !k.fp)
        error_at(NULL, 0, "out of memory");
    else if (shard_texts_open(l, &k, t) == 0) {
        rc = shard_list_all(l, &k, dir);
        for (unsigned long i = 0; i < k.count; i++)
            if (fclose(k.fp[i]) != 0 && rc == 0)
                rc = error_at(NULL, 0, "out of memory");
        for (unsigned long i = 0; i < k.count && rc == 0; i++)
            rc = shard_store(dir, k.first + i, &t[i]);
        for (unsigned long i = 0; i < k.count; i++)
            free(t[i].text);
    }
    free(k.fp);
    free(t);
    return rc;
}
