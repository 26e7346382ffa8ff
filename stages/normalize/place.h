/*
 * place: canonical place ids and their names in many languages.
 *
 * Countries come from Debian's iso-codes: the English names of
 * iso_3166-1.json, and their translations from the gettext catalogues
 * <locale_dir>/<locale>/LC_MESSAGES/iso_3166-1.mo (read here, no libintl).
 * config/places.json adds what iso-codes lacks: regions and cities, extra
 * aliases of countries ("Russland"), and nicer ids for countries ("russia"
 * rather than "russian-federation"). A country's id is otherwise its
 * English common name in lower case with '-' for spaces and punctuation.
 *
 * Names are matched case-folded (utf8_fold), with ’ read as '; a name
 * written in capitals only (an acronym such as "USA") must be written so
 * in the text. A name may carry a genitive suffix given by the caller.
 *
 * struct place_index is opaque; place_index_load() reports problems as
 * "file:line: what" and returns NULL; ids returned are borrowed from the
 * index and live until place_index_free().
 */
#ifndef PLACE_H
#define PLACE_H

#include <stddef.h>

struct place_index;

/*
 * Load places_json and the iso-codes it names ("iso_codes", "locale_dir"
 * keys, with Debian's paths as defaults), with the translations of the
 * NULL-terminated locales ("nb", "sv", ...; "" entries are skipped).
 * Returns a new index, or NULL with a message.
 */
struct place_index *place_index_load(const char *places_json, const char *const *locales);

void place_index_free(struct place_index *idx);

/*
 * The id of the place named text[0..n) as written, or NULL. suffixes is a
 * NULL-terminated list of folded genitive endings tried when the name
 * alone is not known ("Armenias" -> "Armenia"); it may be NULL. Answers
 * are remembered by list, told apart by address, so a list must not change
 * while idx lives.
 */
const char *place_lookup(const struct place_index *idx, const char *text, size_t n,
                         char *const *suffixes);

/*
 * A quick test before lookups, most of which find nothing. *ascii gets
 * the length of the ASCII run text[0..*ascii) (no NUL); the result is the
 * length k of its longest beginning whose every prefix may begin a name's
 * key (folded): text[0..k+1) begins none, when k < *ascii. So when
 * text[0..m) is ASCII, place_lookup(idx, text, m, suffixes) finds nothing
 * if k + (the longest suffix's length) < m, since the name it finds, its
 * key being the lower-cased text with at most a suffix cut off, would begin
 * with text[0..k+1).
 */
size_t place_prefix(const struct place_index *idx, const char *text, size_t n, size_t *ascii);

/*
 * The same for a word that is not all ASCII: its key (folded) has *keylen
 * bytes, of which the result's first may all begin a name's key (the next
 * begins none when the result is less than *keylen). SIZE_MAX when the
 * word has no key (not UTF-8). Results are remembered.
 */
size_t place_prefix_word(const struct place_index *idx, const char *text, size_t n, size_t *keylen);

/*
 * place_lookup() of text[0..n) whose pieces between the offsets cuts[0..ncuts)
 * (ascending; a span's token boundaries) may fold apart: each piece's key
 * is made (and remembered) alone and the keys joined, where that gives the
 * key of the whole (place.c says where). The same answer as place_lookup(),
 * without folding every new span of words whole.
 */
const char *place_lookup_cut(const struct place_index *idx, const char *text, size_t n,
                             const size_t *cuts, size_t ncuts, char *const *suffixes);

/* The parent id of place id ("" when none or unknown); borrowed. */
const char *place_parent(const struct place_index *idx, const char *id);

/* Number of names known (for tests). */
size_t place_count(const struct place_index *idx);

#endif
