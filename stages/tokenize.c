#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "err.h"
#include "par.h"
#include "tokenize/run.h"
#include "tokenize/shard.h"
#include "tokenize/tokconf.h"

static const char usage[] =
    "usage: tokenize [-h] [-c CONFIG_DIR] [-o OUTPUT] [-s STATS_JSON] [-m MANIFEST]\n"
    "                [-n NAME] [-S K/N [-l | -L DIR]] [-t THREADS] IN...\n"
    "Split articles into sentences and tokens (tokens.jsonl).\n"
    "  IN             a folder (every *.txt below it, with its manifest.csv),\n"
    "                 a file, or - for standard input\n"
    "  -h             show this help and exit\n"
    "  -c CONFIG_DIR  config folder (default $CLAIMREC_CONFIG, the installed one, ./config)\n"
    "  -o OUTPUT      output file (default -, standard output)\n"
    "  -s STATS_JSON  write the stage's figures to this file\n"
    "  -m MANIFEST    manifest.csv to use for every input instead of IN/manifest.csv\n"
    "  -n NAME        document id for standard input (default -)\n"
    "  -S K/N         only the documents of shard K of N (FNV-1a 64 of the id mod N == K)\n"
    "  -l             with -S: list the shard's files (size, time) and manifest rows\n"
    "                 instead of tokenizing (to tell whether it must be redone)\n"
    "  -L DIR         with -S K/N or -S all/N: that listing of shard K, or of every shard,\n"
    "                 into DIR/K/.inputs (after a line 'in IN... shard K/N'), each file\n"
    "                 rewritten only when it changes\n"
    "  -t THREADS     threads (default 0: one per processor online); runs of documents are\n"
    "                 taken by the threads in turn, with the same output as one\n"
    "exit status: 0 all documents processed, 1 some skipped (named on stderr),\n"
    "             2 bad usage, config or manifest (nothing written)\n";

struct opts {
    const char *config;
    struct tokenize_args args;
    struct shard shard;
    bool list;
    bool all;             /* -S all/N */
    const char *list_dir; /* -L */
};

static _Noreturn void usage_exit(int status)
{
    fputs(usage, status == 0 ? stdout : stderr);
    exit(status);
}

static void parse_args(int argc, char **argv, struct opts *o)
{
    int c;

    while ((c = getopt(argc, argv, "hc:o:s:m:n:S:lL:t:")) != -1) {
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
        case 'm':
            o->args.manifest = optarg;
            break;
        case 'n':
            o->args.stdin_name = optarg;
            break;
        case 'S':
            if (shard_parse_all(&o->shard, optarg, &o->all) < 0)
                usage_exit(STAGE_FATAL);
            o->args.shard = &o->shard;
            break;
        case 'l':
            o->list = true;
            break;
        case 'L':
            o->list_dir = optarg;
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
    if (optind >= argc || ((o->list || o->list_dir) && !o->args.shard) || (o->list && o->list_dir))
        usage_exit(STAGE_FATAL);
    if (o->all && !o->list_dir)
        die(STAGE_FATAL, "-S all/N lists every shard: it goes with -L DIR");
    if (o->args.threads == 0)
        o->args.threads = par_threads_default();
    o->args.inputs = argv + optind;
    o->args.ninputs = argc - optind;
}

static int list_shard(const struct opts *o)
{
    struct shard_listing l = {.shard = o->args.shard,
                              .all = o->all,
                              .output = o->args.output,
                              .manifest = o->args.manifest,
                              .stdin_name = o->args.stdin_name,
                              .inputs = o->args.inputs,
                              .ninputs = o->args.ninputs};

    return o->list_dir ? shard_write_listings(&l, o->list_dir) : shard_list_inputs(&l);
}

int main(int argc, char **argv)
{
    struct opts opts = {.args = {.output = "-", .stdin_name = "-"}};
    struct tokconf tc;

    err_init("tokenize");
    parse_args(argc, argv, &opts);
    if (opts.list || opts.list_dir)
        return list_shard(&opts) < 0 ? STAGE_FATAL : STAGE_OK;
    if (tokconf_load(&tc, config_dir(opts.config)) < 0)
        return STAGE_FATAL;
    int status = tokenize_run(&tc, &opts.args);
    tokconf_release(&tc);
    return status;
}
