/*
 * tokwalk: the documents named by the command line. A folder gives every
 * *.txt below it (symbolic links followed, a link cycle reported), with
 * doc = the path relative to the folder without ".txt", sorted by doc in
 * byte order; a file gives itself (doc = its base name without ".txt");
 * "-" gives standard input (doc = the given name).
 *
 * An entry that cannot be a document (stat fails, a symlink loop, not a
 * regular file, a folder that cannot be read) carries the reason it must be
 * skipped; walking never fails on the input itself. struct tokwalk owns every
 * string; functions return 0 or -1 (memory).
 */
#ifndef TOKWALK_H
#define TOKWALK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

struct tokwalk_entry {
    char *doc;
    char *path;   /* to open ("-" for stdin) */
    char *rel;    /* the "path" field: relative to the folder, else as given */
    char *reason; /* why it must be skipped, or NULL */
    /* what the walk's stat() saw of a regular file below a folder (stated) */
    bool stated;
    off_t size;
    struct timespec mtime;
};

struct tokwalk {
    struct tokwalk_entry *v;
    size_t n, cap;
};

void tokwalk_init(struct tokwalk *w);
void tokwalk_release(struct tokwalk *w);

/* Append the *.txt below dir, sorted by doc. */
int tokwalk_dir(struct tokwalk *w, const char *dir);

/* Append one file, or stdin as doc name when path is "-". */
int tokwalk_file(struct tokwalk *w, const char *path, const char *name);

#endif
