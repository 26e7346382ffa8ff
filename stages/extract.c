#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "err.h"
#include "extract/extract.h"
#include "numlex.h"
#include "par.h"

static const char usage[] =
    "usage: extract [-h] [-c CONFIG_DIR] [-o OUTPUT] [-s STATS_JSON] [-t THREADS] INPUT...\n"
    "Find every numeric expression in tokens.jsonl (mentions.jsonl).\n"
    "  INPUT          tokens.jsonl files, or - for standard input\n"
    "  -h             show this help and exit\n"
    "  -c CONFIG_DIR  config folder (default $CLAIMREC_CONFIG, the installed one, ./config)\n"
    "  -o OUTPUT      output file (default -, standard output)\n"
    "  -s STATS_JSON  write the stage's figures to this file\n"
    "  -t THREADS     threads (default 0: one per processor online); a file is cut into\n"
    "                 parts that the threads take in turn, with the same output as one\n"
    "exit status: 0 all documents processed, 1 some skipped (named on stderr),\n"
    "             2 bad usage, config or input (nothing written)\n";

struct opts {
    const char *config;
    struct extract_args args;
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
    struct numlex_set set;

    err_init("extract");
    parse_args(argc, argv, &opts);
    if (numlex_set_load(&set, config_dir(opts.config)) < 0)
        return STAGE_FATAL;
    int status = extract_run(&set, &opts.args);
    numlex_set_release(&set);
    return status;
}
