/*
 * gencorpus: a reproducible benchmark corpus made from the seed articles.
 *
 *   gencorpus SEEDS_DIR OUT_DIR MEGABYTES
 *
 * Each generated document takes the paragraphs of one seed article (so one
 * language) in a shuffled order until it holds 3-6 KB, with every digit
 * replaced by a random one (same number density, same separators, new
 * values), and gets a manifest row with a date in 2020-2023 and no language
 * (so identification runs). A fixed seed makes the bytes the same each time.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "err.h"

#define GEN_MAX_SEEDS 256
#define GEN_MAX_PARAS 4096

struct seed {
    char *paras[GEN_MAX_PARAS];
    size_t npara;
};

static uint64_t rng_state = 0x5eed2023c1a1d00dULL;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static size_t rng_below(size_t n)
{
    return (size_t)(rng_next() % n);
}

static int seed_add_para(struct seed *s, const char *start, size_t len)
{
    if (len == 0 || s->npara == GEN_MAX_PARAS)
        return 0;
    s->paras[s->npara] = strndup(start, len);
    if (!s->paras[s->npara])
        return -1;
    s->npara++;
    return 0;
}

static int seed_load(struct seed *s, const char *path)
{
    FILE *fp = fopen(path, "rb");
    struct buf b = BUF_INIT;
    char chunk[8192];
    size_t n;

    if (!fp)
        return error_at(path, 0, "cannot open: %s", strerror(errno));
    while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
        buf_add(&b, chunk, n);
    fclose(fp);
    const char *text = buf_str(&b);
    if (strncmp(text, " date ", 6) == 0 && strchr(text, '\n'))
        text = strchr(text, '\n') + 1; /* the header is metadata; keep it out */
    for (const char *line = text; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        if (seed_add_para(s, line, len) < 0)
            break;
        line += len + (nl ? 1 : 0);
    }
    buf_release(&b);
    return 0;
}

static void gen_scramble_digits(char *p)
{
    for (; *p; p++)
        if (*p >= '0' && *p <= '9')
            *p = (char)('0' + rng_below(10));
}

static int gen_document(const struct seed *s, const char *path, size_t *bytes)
{
    FILE *fp = fopen(path, "wb");
    size_t want = 3000 + rng_below(3000);
    size_t have = 0;

    if (!fp)
        return error_at(path, 0, "cannot create: %s", strerror(errno));
    while (have < want) {
        char *para = strdup(s->paras[rng_below(s->npara)]);
        if (!para)
            break;
        gen_scramble_digits(para);
        have += (size_t)fprintf(fp, "%s\n\n", para);
        free(para);
    }
    *bytes += have;
    return fclose(fp) == 0 ? 0 : error_at(path, 0, "write failed");
}

static int gen_corpus(struct seed *seeds, size_t nseed, const char *out, size_t target)
{
    char path[4096];
    size_t bytes = 0;

    snprintf(path, sizeof(path), "%s/manifest.csv", out);
    FILE *manifest = fopen(path, "wb");
    if (!manifest)
        return error_at(path, 0, "cannot create: %s", strerror(errno));
    fputs("doc,date,lang,source,url\n", manifest);
    for (size_t i = 0; bytes < target; i++) {
        snprintf(path, sizeof(path), "%s/g%06zu.txt", out, i);
        if (gen_document(&seeds[rng_below(nseed)], path, &bytes) < 0)
            break;
        fprintf(manifest, "g%06zu,%zu-%02zu,,gen%zu,\n", i, 2020 + rng_below(4), 1 + rng_below(12),
                rng_below(50));
    }
    return fclose(manifest) == 0 && bytes >= target ? 0 : -1;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t seeds_load(const char *dir, struct seed *seeds)
{
    DIR *d = opendir(dir);
    char *names[GEN_MAX_SEEDS];
    size_t n = 0;
    struct dirent *e;
    char path[4096];

    if (!d)
        return 0;
    while ((e = readdir(d)) && n < GEN_MAX_SEEDS) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof(*names), name_cmp);
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        seed_load(&seeds[i], path);
        free(names[i]);
    }
    return n;
}

int main(int argc, char **argv)
{
    static struct seed seeds[GEN_MAX_SEEDS];

    err_init("gencorpus");
    if (argc != 4)
        die(2, "usage: gencorpus SEEDS_DIR OUT_DIR MEGABYTES");
    char *end;
    double mb = strtod(argv[3], &end);
    if (*end || mb <= 0)
        die(2, "'%s' is not a size in megabytes", argv[3]);
    size_t nseed = seeds_load(argv[1], seeds);
    if (nseed == 0)
        die(2, "%s: no *.txt seed articles", argv[1]);
    if (mkdir(argv[2], 0777) != 0 && errno != EEXIST)
        die(2, "%s: cannot create: %s", argv[2], strerror(errno));
    int rc = gen_corpus(seeds, nseed, argv[2], (size_t)(mb * 1e6));
    for (size_t i = 0; i < nseed; i++)
        for (size_t j = 0; j < seeds[i].npara; j++)
            free(seeds[i].paras[j]);
    return rc == 0 ? 0 : 2;
}
