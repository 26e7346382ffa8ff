#include "stats.h"

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "err.h"
#include "jsonl.h"
#include "outfile.h"

static double stats_clock(clockid_t id)
{
    struct timespec ts;

    if (clock_gettime(id, &ts) != 0)
        return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int stats_init(struct stats *st, const char *stage)
{
    st->stage = stage;
    st->documents = st->records_in = st->records_out = 0;
    st->bytes_in = st->warnings = 0;
    st->wall_start = stats_clock(CLOCK_MONOTONIC);
    st->cpu_start = stats_clock(CLOCK_PROCESS_CPUTIME_ID);
    st->skipped = json_array();
    return st->skipped ? 0 : -1;
}

void stats_release(struct stats *st)
{
    json_decref(st->skipped);
    st->skipped = NULL;
}

int stats_skip_quiet(struct stats *st, const char *doc, const char *path, const char *reason)
{
    json_t *rec = json_pack("{s:s?,s:s?,s:s}", "doc", doc, "path", path, "reason", reason);

    if (!rec || json_array_append_new(st->skipped, rec) < 0)
        return error_at(NULL, 0, "out of memory");
    return 0;
}

int stats_skip(struct stats *st, const char *doc, const char *path, const char *reason)
{
    error_at(path ? path : doc, 0, "skipped: %s", reason);
    return stats_skip_quiet(st, doc, path, reason);
}

size_t stats_nskipped(const struct stats *st)
{
    return json_array_size(st->skipped);
}

int stats_add(struct stats *st, const struct stats *part)
{
    st->documents += part->documents;
    st->records_in += part->records_in;
    st->records_out += part->records_out;
    st->bytes_in += part->bytes_in;
    st->warnings += part->warnings;
    return json_array_extend(st->skipped, part->skipped);
}

long stats_peak_rss_kb(void)
{
    struct rusage ru;

    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return -1;
    return ru.ru_maxrss;
}

json_t *stats_json(const struct stats *st)
{
    double wall = stats_clock(CLOCK_MONOTONIC) - st->wall_start;
    double cpu = stats_clock(CLOCK_PROCESS_CPUTIME_ID) - st->cpu_start;

    return json_pack("{s:s,s:I,s:I,s:I,s:I,s:I,s:O,s:f,s:f,s:I}", "stage", st->stage, "documents",
                     (json_int_t)st->documents, "records_in", (json_int_t)st->records_in,
                     "records_out", (json_int_t)st->records_out, "bytes_in",
                     (json_int_t)st->bytes_in, "warnings", (json_int_t)st->warnings, "skipped",
                     st->skipped, "seconds", wall, "cpu_seconds", cpu, "peak_rss_kb",
                     (json_int_t)stats_peak_rss_kb());
}

int stats_write(const struct stats *st, const char *path)
{
    struct outfile out;

    if (!path)
        return 0;
    json_t *rec = stats_json(st);
    if (!rec)
        return error_at(path, 0, "out of memory");
    if (outfile_open(&out, path) < 0) {
        json_decref(rec);
        return -1;
    }
    int rc = jsonl_write(out.fp, rec);
    json_decref(rec);
    if (rc < 0) {
        outfile_abort(&out);
        return error_at(path, 0, "write failed");
    }
    return outfile_commit(&out);
}
