#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "err.h"
#include "normalize/normconf.h"
#include "normalize/normrun.h"
#include "par.h"

static const char usage[] =
    "usage: normalize [-h] [-c CONFIG_DIR] [-o OUTPUT] [-s STATS_JSON] [-t THREADS] INPUT...\n"
    "Resolve every mention of mentions.jsonl to a number record (normalized.jsonl).\n"
    "  INPUT          mentions.jsonl files, or - for standard input\n"
    "  -h             show this help and exit\n"
    "  -c CONFIG_DIR  config folder (default $CLAIMREC_CONFIG, the installed one, ./config)\n"
    "  -o OUTPUT      output file (default -, standard output)\n"
    "  -s STATS_JSON  write the stage's figures to this file\n"
    "  -t THREADS     threads (default 0: one per processor online); a single input is cut\n"
    "                 into parts that the threads take in turn, with the same output as one\n"
    "exit status: 0 all documents processed, 1 some skipped (named on stderr),\n"
    "             2 bad usage, config or input (nothing written)\n";

struct opts {
    const char *config;
    struct normrun_args args;
};

static _Noreturn void usage_exit(int status)
{
    fputs(usage, status == 0 ? stdout : stderr);
    exit(status);
}

static void parse_args(int argc, char **argv, struct opts *o)
{
    int c;

    while ((c = getopt(argc, argv, "hc:o:s:t:")) != -1) {
        switch (c) {
        case 'h':
            usage_exit(STAGE_OK);
        case 'c':
            o->config = optarg;
            break;
        case 'o':
            o->args.output = optarg;
            break;
        case 's':
            o->args.stats = optarg;
            break;
        case 't':
            o->args.threads = par_threads_arg(optarg);
            if (o->args.threads < 0)
                die(STAGE_FATAL, "-t: '%s' is not a thread count from 0 to %d", optarg, PAR_MAX);
            break;
        default:
            usage_exit(STAGE_FATAL);
        }
    }
    if (optind >= argc)
        usage_exit(STAGE_FATAL);
    if (o->args.threads == 0)
        o->args.threads = par_threads_default();
    o->args.inputs = argv + optind;
    o->args.ninputs = argc - optind;
}

int main(int argc, char **argv)
{
    struct opts opts = {.args = {.output = "-"}};
    struct normconf nc;

    err_init("normalize");
    parse_args(argc, argv, &opts);
    opts.args.config_dir = config_dir(opts.config);
    /*
     * One input file on several threads: each thread loads its own config as
     * it starts, the second's already loading here, so no thread waits for a
     * load of this one's.
     */
    bool in_parts =
        opts.args.threads > 1 && opts.args.ninputs == 1 && strcmp(opts.args.inputs[0], "-") != 0;
    struct normconf_spare spare = {.started = false};
    if (in_parts) {
        normconf_spare_start(&spare, opts.args.config_dir);
        opts.args.spare = &spare;
    } else if (normconf_load(&nc, opts.args.config_dir) < 0)
        return STAGE_FATAL;
    int status = normrun_run(in_parts ? NULL : &nc, &opts.args);
    normconf_spare_release(&spare);
    if (!in_parts)
        normconf_release(&nc);
    return status;
}
