/*
 * recestimate: low / best / high for a set of claims, as conflict datasets
 * (UCDP) give them: low the lowest figure given, high the highest, best a
 * median weighted by independent source, so that one outlier or one wire
 * story copied into ten papers does not move it.
 *
 * Independent sources: claims of one document are one source, and two
 * documents are one source when they carry the same number with the same
 * attribution and the same sentence (a syndicated copy). Each source
 * weighs 1, shared equally among its claims.
 *
 * Uses GSL; the caller must have called gsl_set_error_handler_off().
 * Functions return 0, or -1 when memory ran out or the input is empty
 * (reported).
 */
#ifndef RECESTIMATE_H
#define RECESTIMATE_H

#include <stddef.h>

#include "recclaim.h"

struct recestimate {
    double low, best, high;
    double ratio;  /* high / low; NAN when low is 0 */
    size_t n_docs; /* independent documents */
};

/* Weighted median of v[0..n) with weights w (> 0). */
int recestimate_wmedian(const double *v, const double *w, size_t n, double *out);

/*
 * Number the independent sources of claims[members[0..n)]: source[i] gets
 * the source of member i (0, 1, ...). Returns the number of sources, or 0
 * when memory ran out (reported).
 */
size_t recestimate_sources(const struct recclaim *claims, const size_t *members, size_t n,
                           size_t *source);

int recestimate_compute(struct recestimate *e, const struct recclaim *claims, const size_t *members,
                        size_t n);

#endif
