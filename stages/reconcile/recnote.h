/*
 * recnote: the plain-words note of a conflict, naming each figure with its
 * document, attribution and time, and what may explain the disagreement:
 * "65,036 (000, Armenian PM's spokesperson) vs 50,000 (003, as of 11 a.m.
 * Wednesday): different reporting times or different sources?".
 *
 * Returns new strings (free them), or NULL when memory ran out (reported).
 */
#ifndef RECNOTE_H
#define RECNOTE_H

#include "buf.h"
#include "recclaim.h"
#include "recconflict.h"

/* Append v with thousands commas and at most 2 decimals ("65,036", "33.33"). */
int recnote_number(struct buf *b, double v);

/* Append the figure as written: "more than 1,000", "about 5,000", "20-30", "65,036". */
int recnote_figure(struct buf *b, const struct recclaim *c);

char *recnote_text(const struct recclaim *claims, const struct recconflict *cf);

#endif
