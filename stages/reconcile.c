/* reconcile: group the claims, flag the numbers that disagree, estimate low / best / high. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "config.h"
#include "err.h"
#include "par.h"
#include "reconcile/recconf.h"
#include "reconcile/reconcile.h"

static const char usage[] =
    "usage: reconcile [-h] [-c CONFIG_DIR] [-o OUT_DIR] [-s STATS] [-S STAGE_STATS]... [-t "
    "THREADS]\n"
    "                 INPUT...\n"
    "  -h               print this help and exit\n"
    "  -c CONFIG_DIR    config folder (default $CLAIMREC_CONFIG, the installed one, or config)\n"
    "  -o OUT_DIR       write claims.csv, conflicts.csv and summary.json here (default out)\n"
    "  -s STATS         write reconcile's own figures to STATS as JSON\n"
    "  -S STAGE_STATS   another stage's figures to fold into summary.json (repeatable)\n"
    "  -t THREADS       threads (default 0: one per processor online); each input file is\n"
    "                   read by several at once, with the same output as one thread\n"
    "  INPUT            normalized.jsonl files; - is standard input (the default)\n"
    "exit status: 0 all processed, 1 some records skipped, 2 bad usage or config, or no output\n";

struct opts {
    const char *config;
    const char *out_dir;
    const char *stats;
    const char **stage_stats;
    size_t n_stage_stats;
    int threads;
};

static _Noreturn void usage_exit(int status)
{
    fputs(usage, status == STAGE_OK ? stdout : stderr);
    exit(status);
}

static void parse_args(int argc, char **argv, struct opts *o)
{
    int c;

    while ((c = getopt(argc, argv, "hc:o:s:S:t:")) != -1) {
        switch (c) {
        case 'h':
            usage_exit(STAGE_OK);
        case 'c':
            o->config = optarg;
            break;
        case 'o':
            o->out_dir = optarg;
            break;
        case 's':
            o->stats = optarg;
            break;
        case 'S':
            o->stage_stats[o->n_stage_stats++] = optarg;
            break;
        case 't':
            o->threads = par_threads_arg(optarg);
            if (o->threads < 0)
                die(STAGE_FATAL, "-t: '%s' is not a thread count from 0 to %d", optarg, PAR_MAX);
            break;
        default:
            usage_exit(STAGE_FATAL);
        }
    }
    if (o->threads == 0)
        o->threads = par_threads_default();
}

int main(int argc, char **argv)
{
    static const char *const stdin_only[] = {"-"};
    struct opts opts = {.out_dir = "out"};
    struct recconf cfg;

    err_init("reconcile");
    gsl_set_error_handler_off();
    opts.stage_stats = calloc((size_t)argc + 1, sizeof(char *));
    if (!opts.stage_stats)
        die(STAGE_FATAL, "out of memory");
    parse_args(argc, argv, &opts);
    char *path = config_path(config_dir(opts.config), "reconcile.json");
    if (!path || recconf_load(&cfg, path) < 0) {
        free(path);
        free(opts.stage_stats);
        return STAGE_FATAL;
    }
    free(path);
    struct reconcile_opts run = {opts.out_dir,
                                 opts.stats,
                                 opts.stage_stats,
                                 opts.n_stage_stats,
                                 optind < argc ? (const char *const *)argv + optind : stdin_only,
                                 optind < argc ? (size_t)(argc - optind) : 1,
                                 opts.threads};
    int status = reconcile_run(&cfg, &run);
    recconf_release(&cfg);
    free(opts.stage_stats);
    return status;
}
