/* The real config/ for tokenize unit tests (run from the top of the tree). */
#ifndef TOKENIZE_FIXTURE_H
#define TOKENIZE_FIXTURE_H

#include "tokenize/tokconf.h"

static struct tokconf tc;

static int setup(void **state)
{
    (void)state;
    return tokconf_load(&tc, "config");
}

static int teardown(void **state)
{
    (void)state;
    tokconf_release(&tc);
    return 0;
}

#endif
