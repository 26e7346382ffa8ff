#include "tokwalk.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"

struct tokwalk_dirid {
    dev_t dev;
    ino_t ino;
};

struct tokwalk_ctx {
    struct tokwalk *w;
    const char *root;
    struct tokwalk_dirid *up; /* folders on the current path, for cycles */
    size_t depth, cap;
};

void tokwalk_init(struct tokwalk *w)
{
    w->v = NULL;
    w->n = w->cap = 0;
}

void tokwalk_release(struct tokwalk *w)
{
    for (size_t i = 0; i < w->n; i++) {
        free(w->v[i].doc);
        free(w->v[i].path);
        free(w->v[i].rel);
        free(w->v[i].reason);
    }
    free(w->v);
    tokwalk_init(w);
}

static char *tokwalk_dup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static int tokwalk_add(struct tokwalk *w, const char *doc, size_t doclen, const char *path,
                       const char *rel, const char *reason)
{
    if (w->n == w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 64;
        struct tokwalk_entry *v = realloc(w->v, cap * sizeof(*v));
        if (!v)
            return -1;
        w->v = v;
        w->cap = cap;
    }
    struct tokwalk_entry *e = &w->v[w->n];
    e->doc = tokwalk_dup(doc, doclen);
    e->path = strdup(path);
    e->rel = strdup(rel);
    e->reason = reason ? strdup(reason) : NULL;
    e->stated = false;
    w->n++;
    return e->doc && e->path && e->rel && (!reason || e->reason) ? 0 : -1;
}

static bool tokwalk_is_txt(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

int tokwalk_file(struct tokwalk *w, const char *path, const char *name)
{
    if (strcmp(path, "-") == 0)
        return tokwalk_add(w, name, strlen(name), "-", "-", NULL);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t len = strlen(base) - (tokwalk_is_txt(base) ? 4 : 0);
    return tokwalk_add(w, base, len, path, path, NULL);
}

static char *tokwalk_join(const char *a, const char *b)
{
    struct buf p = BUF_INIT;

    if ((a[0] && (buf_addstr(&p, a) < 0 || buf_addch(&p, '/') < 0)) || buf_addstr(&p, b) < 0) {
        buf_release(&p);
        return NULL;
    }
    return buf_detach(&p);
}

static int tokwalk_tree(struct tokwalk_ctx *c, const char *dir, const char *rel);

static int tokwalk_enter(struct tokwalk_ctx *c, const struct stat *st, const char *full,
                         const char *rel)
{
    for (size_t i = 0; i < c->depth; i++)
        if (c->up[i].dev == st->st_dev && c->up[i].ino == st->st_ino)
            return tokwalk_add(c->w, rel, strlen(rel), full, rel,
                               "symlink loop (folder already on the path)");
    if (c->depth == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 16;
        struct tokwalk_dirid *up = realloc(c->up, cap * sizeof(*up));
        if (!up)
            return -1;
        c->up = up;
        c->cap = cap;
    }
    c->up[c->depth++] = (struct tokwalk_dirid){st->st_dev, st->st_ino};
    int rc = tokwalk_tree(c, full, rel);
    c->depth--;
    return rc;
}

static int tokwalk_one(struct tokwalk_ctx *c, const char *dir, const char *rel, const char *name)
{
    struct stat st;
    char *full = tokwalk_join(dir, name), *r = tokwalk_join(rel, name);
    int rc = full && r ? 0 : -1;
    size_t doclen = r ? strlen(r) - (tokwalk_is_txt(name) ? 4 : 0) : 0;

    if (rc == 0 && stat(full, &st) != 0) {
        if (tokwalk_is_txt(name))
            rc = tokwalk_add(c->w, r, doclen, full, r,
                             errno == ELOOP ? "symlink loop" : strerror(errno));
    } else if (rc == 0 && S_ISDIR(st.st_mode)) {
        rc = tokwalk_enter(c, &st, full, r);
    } else if (rc == 0 && tokwalk_is_txt(name)) {
        rc = tokwalk_add(c->w, r, doclen, full, r,
                         S_ISREG(st.st_mode) ? NULL : "not a regular file");
        if (rc == 0 && S_ISREG(st.st_mode)) {
            struct tokwalk_entry *e = &c->w->v[c->w->n - 1];
            e->stated = true;
            e->size = st.st_size;
            e->mtime = st.st_mtim;
        }
    }
    free(full);
    free(r);
    return rc;
}

static int tokwalk_tree(struct tokwalk_ctx *c, const char *dir, const char *rel)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int rc = 0;

    if (!d) {
        char reason[256];
        snprintf(reason, sizeof(reason), "cannot read folder: %s", strerror(errno));
        const char *name = rel[0] ? rel : dir;
        return tokwalk_add(c->w, name, strlen(name), dir, name, reason);
    }
    while (rc == 0 && (errno = 0, de = readdir(d)) != NULL)
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
            rc = tokwalk_one(c, dir, rel, de->d_name);
    closedir(d);
    return rc;
}

static int tokwalk_doc_cmp(const void *a, const void *b)
{
    return strcmp(((const struct tokwalk_entry *)a)->doc, ((const struct tokwalk_entry *)b)->doc);
}

int tokwalk_dir(struct tokwalk *w, const char *dir)
{
    struct tokwalk_ctx c = {.w = w, .root = dir};
    struct stat st;
    size_t first = w->n;
    int rc;

    if (stat(dir, &st) == 0)
        rc = tokwalk_enter(&c, &st, dir, "");
    else
        rc = tokwalk_add(w, dir, strlen(dir), dir, dir, strerror(errno));
    free(c.up);
    if (w->n - first > 1)
        qsort(w->v + first, w->n - first, sizeof(*w->v), tokwalk_doc_cmp);
    return rc;
}
