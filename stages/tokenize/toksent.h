/*
 * toksent: split a stretch of one line into sentences.
 *
 * A sentence ends after a terminator (config "terminators", with any
 * closing quotes or brackets that follow) when whitespace follows and none
 * of these holds: the word before a single '.' is an abbreviation of the
 * language or a single letter (an initial); it is a short number and the
 * next word is one of the language's ordinal words ("19. September"); the
 * next character is a lowercase letter or
 * one of the config's "continuers" (", when"). A sentence longer than
 * max_sentence_bytes is cut at the last whitespace before the limit (at the
 * limit itself when there is none), so a huge line costs linear time.
 *
 * Spans are byte offsets into the original text, trimmed of whitespace.
 * struct toksent_list owns its array; functions return 0 or -1 (memory).
 */
#ifndef TOKSENT_H
#define TOKSENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tokconf.h"

struct toksent_span {
    size_t start, end, para;
};

struct toksent_list {
    struct toksent_span *v;
    size_t n, cap;
};

void toksent_list_init(struct toksent_list *l);
void toksent_list_release(struct toksent_list *l);

/* Append the sentences of s[a..b) to l, each with paragraph para. */
int toksent_split(const struct tokconf *tc, const struct tokconf_lang *lang, const char *s,
                  size_t a, size_t b, size_t para, struct toksent_list *l);

/*
 * Whether s[a..b) ends like a sentence: its last character other than
 * whitespace and closers is in the config's "line_final" set. A line that
 * does not is a heading or caption and ends its paragraph.
 */
bool toksent_ends_final(const struct tokconf *tc, const char *s, size_t a, size_t b);

bool toksent_is_space_other(int32_t cp);

/* Whether cp is whitespace (ASCII space, tab, CR, VT, FF, or Unicode Zs); inline for ASCII. */
static inline bool toksent_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return toksent_is_space_other(cp);
}

#endif
