/*
 * config: load the JSON files under config/ and check them strictly.
 *
 * config_load() reads a file with duplicate keys rejected; config_keys()
 * rejects keys a schema does not know, so a misspelt key is an error rather
 * than a silent default. Messages name the file, the line of the offending
 * key (found in the file's text) and the key: "config/lang/nb.json:12: key
 * 'qualifers' unknown in 'number'". All functions return -1 after reporting.
 *
 * struct config_file owns the parsed root (json_t, one reference) and the
 * raw text; config_file_release() frees both.
 */
#ifndef CONFIG_H
#define CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

struct config_file {
    char *path;
    char *text;   /* the file's bytes, for finding a key's line */
    json_t *root; /* owned reference; a JSON object */
};

/* Load path into cf. Returns 0, or -1 with "path:line:col: what". */
int config_load(struct config_file *cf, const char *path);

/* As config_load(), from len bytes of text; name is used in messages. */
int config_load_text(struct config_file *cf, const char *name, const char *text, size_t len);

void config_file_release(struct config_file *cf);

/* The line in cf's text where "key" first appears as a key, or 0. */
size_t config_key_line(const struct config_file *cf, const char *key);

/*
 * Check that every key of obj is one of the NULL-terminated names in
 * allowed, and that each name in required is present. where names obj in
 * messages ("" for the top level). Returns 0 or -1.
 */
int config_keys(const struct config_file *cf, const json_t *obj, const char *where,
                const char *const *allowed, const char *const *required);

/*
 * Typed getters for obj[key]. Missing keys give the default (or an error
 * when required is true); a value of the wrong type is an error. Return 0
 * or -1.
 */
int config_get_number(const struct config_file *cf, const json_t *obj, const char *key,
                      bool required, double def, double *out);
int config_get_string(const struct config_file *cf, const json_t *obj, const char *key,
                      bool required, const char *def, const char **out);
int config_get_bool(const struct config_file *cf, const json_t *obj, const char *key, bool required,
                    bool def, bool *out);

/*
 * obj[key] as an array whose items are all strings (borrowed; NULL and 0
 * when missing and not required). Returns 0 or -1.
 */
int config_get_strings(const struct config_file *cf, const json_t *obj, const char *key,
                       bool required, const json_t **out);

/*
 * The config folder to use: opt when not NULL, else $CLAIMREC_CONFIG, else
 * the installed folder when it exists, else "config". Borrowed string.
 */
const char *config_dir(const char *opt);

/*
 * Join dir and name into a new string "dir/name" (free it); NULL when
 * memory ran out.
 */
char *config_path(const char *dir, const char *name);

/* Report a problem with key in cf: "path:line: key 'k' what". Returns -1. */
int config_error(const struct config_file *cf, const char *key, const char *what);

#endif
