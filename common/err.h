/*
 * err: diagnostics and exit codes shared by every stage.
 *
 * Messages go to stderr as "stage: file:line: what is wrong" (STYLE.md §5).
 * err_init() names the stage once; die() is the only function here that
 * exits, and only stages/<stage>.c may call it. error_at() and warn_at()
 * return -1 and 0 so that library code can write "return error_at(...)".
 */
#ifndef ERR_H
#define ERR_H

#include <stddef.h>
#include <stdio.h>

enum err_status {
    STAGE_OK = 0,      /* every document was processed */
    STAGE_SKIPPED = 1, /* output complete, some documents or lines skipped */
    STAGE_FATAL = 2,   /* bad usage or config, or no complete output */
};

#define ERR_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Set the program name used as the prefix of every message. */
void err_init(const char *prog);

/* The program name set by err_init(), or "claimrec". */
const char *err_prog(void);

/*
 * Send the calling thread's messages to fp (NULL: back to stderr). A worker
 * thread of par.h collects its messages so that they reach stderr in the
 * order one thread would have printed them.
 */
void err_set_stream(FILE *fp);

/*
 * Line numbers left to fill in. A part of a file read on a thread of
 * parq.h counts its lines from 0, not knowing how many come before it until
 * the parts before it are read; its messages are held until then. With
 * err_defer_lines(l) set, a message "file:line: ..." about l->file to the
 * thread's stream (err_set_stream()) leaves its line number out and notes
 * in l where it goes and the line counted; err_lines_write() puts base +
 * line there. Messages about other files keep their numbers.
 */
struct err_line_mark {
    long at;     /* offset in the stream where the number goes */
    size_t line; /* as the part counted it */
};

struct err_lines {
    const char *file; /* whose line numbers are deferred */
    struct err_line_mark *v;
    size_t n, cap;
};

/* Defer the calling thread's line numbers into l (NULL: print them, as by default). */
void err_defer_lines(struct err_lines *l);

/* Write text[0..len) to fp with base + each mark's line put in at its place (from text's start). */
void err_lines_write(FILE *fp, const char *text, size_t len, const struct err_lines *l,
                     size_t base);

/* Print "prog: fmt" and exit with status. */
_Noreturn void die(int status, const char *fmt, ...) ERR_PRINTF(2, 3);

/*
 * Print "prog: file:line: fmt" (":line" left out when line is 0, "file: "
 * left out when file is NULL). Returns -1.
 */
int error_at(const char *file, size_t line, const char *fmt, ...) ERR_PRINTF(3, 4);

/* As error_at(), for problems that do not stop the work. Returns 0. */
int warn_at(const char *file, size_t line, const char *fmt, ...) ERR_PRINTF(3, 4);

/* Our own invariant is broken: print where, then abort(). */
#define BUG(msg) err_bug(__FILE__, __LINE__, (msg))
_Noreturn void err_bug(const char *file, int line, const char *msg);

#endif
