/*
 * csvout: the one CSV writer (RFC 4180, UTF-8), safe to open in a spreadsheet.
 *
 * Text cells are quoted only when they must be, and a cell that a spreadsheet
 * would take for a formula (first character '=', '+', '-', '@', tab or CR) is
 * neutralised with a leading apostrophe (OWASP CSV injection advice).
 * Numbers are written unquoted as plain decimals: '.' as decimal point, no
 * exponent, no thousands separator. Records end in CRLF as RFC 4180 says.
 * A record is gathered in the struct and written when it ends (or when it
 * outgrows the buffer), so a failed write shows at the latest in
 * csvout_end(). Every function returns 0, or -1 when the write failed (not
 * reported: the caller names the file).
 */
#ifndef CSVOUT_H
#define CSVOUT_H

#include <stdbool.h>
#include <stdio.h>

#define CSVOUT_BUF 4096

struct csvout {
    FILE *fp;
    bool first;           /* no field written yet on this record */
    size_t len;           /* bytes in buf not yet written */
    char buf[CSVOUT_BUF]; /* the record so far */
};

void csvout_init(struct csvout *c, FILE *fp);

/* A text field; NULL writes an empty field. */
int csvout_text(struct csvout *c, const char *s);

/* A number as a plain decimal with at most 6 decimals, trailing zeros cut. */
int csvout_num(struct csvout *c, double v);

/* An empty field (a null number). */
int csvout_empty(struct csvout *c);

/* End the record and write it out. */
int csvout_end(struct csvout *c);

/* Write a header: the comma-separated names in cols, then end the record. */
int csvout_header(struct csvout *c, const char *cols);

/*
 * Format v into buf as a plain decimal (as csvout_num writes it).
 * Returns buf. A non-finite v gives "".
 */
char *csvout_format_num(char *buf, size_t size, double v);

#endif
