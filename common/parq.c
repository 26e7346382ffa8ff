#include "parq.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "par.h"

/* Where a part held in memory writes: its output and its messages. */
struct parq_slot {
    FILE *out, *msgs;
    char *obuf, *mbuf;
    size_t olen, mlen;
    struct err_lines lines; /* where the messages' line numbers go */
};

struct parq {
    struct parq_part *parts;
    int n, window;
    parq_work_fn fn;
    void *ctx;
    const char *stage;
    const char *lines_of;
    struct parq_slot *slots;
    pthread_mutex_t lock;
    pthread_cond_t free_cv; /* a slot came free, or stop */
    pthread_cond_t done_cv; /* a part is done, or stop */
    int next_take, next_write;
    bool stop; /* start no more parts */
};

struct parq_worker {
    struct parq *q;
    int id;
    pthread_t thread;
};

/* Run part k on worker id, into slot k % window. */
static void parq_do(struct parq *q, int k, int id)
{
    struct parq_part *p = &q->parts[k];
    struct parq_slot *s = &q->slots[k % q->window];

    p->slot = k % q->window;
    p->worker = id;
    p->out = s->out;
    p->status = STAGE_FATAL;
    p->outlen = p->msglen = 0;
    if (stats_init(&p->stats, q->stage) < 0) {
        p->stats_ok = false;
        return (void)error_at(NULL, 0, "out of memory");
    }
    p->stats_ok = true;
    if (fseeko(s->out, 0, SEEK_SET) != 0 || fseeko(s->msgs, 0, SEEK_SET) != 0)
        return (void)error_at(NULL, 0, "out of memory");
    p->lines = 0;
    s->lines.n = 0;
    s->lines.file = q->lines_of;
    err_set_stream(s->msgs);
    err_defer_lines(q->lines_of ? &s->lines : NULL);
    p->status = q->fn(p, q->ctx);
    err_defer_lines(NULL);
    err_set_stream(NULL);
    p->outlen = ftello(s->out);
    p->msglen = ftello(s->msgs);
    if (fflush(s->out) != 0 || fflush(s->msgs) != 0 || p->outlen < 0 || p->msglen < 0) {
        p->status = STAGE_FATAL;
        p->outlen = p->msglen = 0;
        error_at(NULL, 0, "out of memory");
    }
}

/* The next part to run (taken), or -1 when there is none or the run stops. */
static int parq_take(struct parq *q)
{
    int k = -1;

    pthread_mutex_lock(&q->lock);
    while (!q->stop && q->next_take < q->n && q->next_take >= q->next_write + q->window)
        pthread_cond_wait(&q->free_cv, &q->lock);
    if (!q->stop && q->next_take < q->n)
        k = q->next_take++;
    pthread_mutex_unlock(&q->lock);
    return k;
}

/* Part k is done: tell the writer; after a failed part, no more are started. */
static void parq_finish(struct parq *q, int k)
{
    pthread_mutex_lock(&q->lock);
    q->parts[k].done = true;
    if (q->parts[k].status == STAGE_FATAL) {
        q->stop = true;
        pthread_cond_broadcast(&q->free_cv);
    }
    pthread_cond_signal(&q->done_cv);
    pthread_mutex_unlock(&q->lock);
}

static void *parq_worker(void *arg)
{
    struct parq_worker *w = arg;
    int k;

    while ((k = parq_take(w->q)) >= 0) {
        parq_do(w->q, k, w->id);
        parq_finish(w->q, k);
    }
    return NULL;
}

/* Wait for part k; false when it will not be done (the run stopped before it). */
static bool parq_wait(struct parq *q, int k)
{
    pthread_mutex_lock(&q->lock);
    while (!q->parts[k].done && !(q->stop && k >= q->next_take))
        pthread_cond_wait(&q->done_cv, &q->lock);
    bool done = q->parts[k].done;
    pthread_mutex_unlock(&q->lock);
    return done;
}

/*
 * Pass part k on: its messages (their line numbers after the base lines
 * before it), its output (unless it failed), its figures. Returns its status.
 */
static int parq_pass_on(struct parq *q, int k, FILE *out, const char *name, size_t base,
                        struct stats *total)
{
    struct parq_part *p = &q->parts[k];
    const struct parq_slot *s = &q->slots[p->slot];
    int status = p->status;

    if (p->msglen)
        err_lines_write(stderr, s->mbuf, (size_t)p->msglen, &s->lines, base);
    if (status != STAGE_FATAL && p->outlen &&
        fwrite(s->obuf, 1, (size_t)p->outlen, out) != (size_t)p->outlen) {
        error_at(name, 0, "write failed: %s", strerror(errno));
        status = STAGE_FATAL;
    }
    if (p->stats_ok && stats_add(total, &p->stats) < 0) {
        error_at(NULL, 0, "out of memory");
        status = STAGE_FATAL;
    }
    if (p->stats_ok)
        stats_release(&p->stats);
    p->stats_ok = false;
    return status;
}

/* This thread writes, in part order, as the parts are done; with no worker it runs them too. */
static int parq_write(struct parq *q, int workers, FILE *out, const char *name, struct stats *total)
{
    int status = STAGE_OK;
    size_t base = 0; /* the lines of the parts passed on */

    for (int k = 0; k < q->n; k++) {
        if (workers == 0) {
            if (parq_take(q) != k)
                break;
            parq_do(q, k, 0);
            parq_finish(q, k);
        }
        if (!parq_wait(q, k))
            break;
        int rc = parq_pass_on(q, k, out, name, base, total);
        base += q->parts[k].lines;
        if (rc > status)
            status = rc;
        pthread_mutex_lock(&q->lock);
        q->next_write = k + 1;
        if (status == STAGE_FATAL)
            q->stop = true;
        pthread_cond_broadcast(&q->free_cv);
        pthread_mutex_unlock(&q->lock);
        if (status == STAGE_FATAL)
            break;
    }
    return status;
}

static void parq_slots_release(struct parq_slot *slots, int n)
{
    for (int i = 0; i < n; i++) {
        if (slots[i].out)
            fclose(slots[i].out);
        if (slots[i].msgs)
            fclose(slots[i].msgs);
        free(slots[i].obuf);
        free(slots[i].mbuf);
        free(slots[i].lines.v);
    }
    free(slots);
}

/* window slots, each with its two streams in memory; NULL when memory ran out (reported). */
static struct parq_slot *parq_slots_new(int window)
{
    struct parq_slot *slots = calloc((size_t)window, sizeof(*slots));

    for (int i = 0; slots && i < window; i++) {
        slots[i].out = open_memstream(&slots[i].obuf, &slots[i].olen);
        slots[i].msgs = open_memstream(&slots[i].mbuf, &slots[i].mlen);
        if (!slots[i].out || !slots[i].msgs) {
            parq_slots_release(slots, window);
            slots = NULL;
        }
    }
    if (!slots)
        error_at(NULL, 0, "out of memory");
    return slots;
}

int parq_run(const struct parq_job *job, struct stats *total)
{
    int n = job->n, threads = job->threads < 1         ? 1
                              : job->threads > PAR_MAX ? PAR_MAX
                                                       : job->threads;
    struct parq q = {
        .n = n, .fn = job->fn, .ctx = job->ctx, .stage = total->stage, .lines_of = job->lines_of};
    struct parq_worker w[PAR_MAX];
    int started = 0;

    q.window = 2 * threads < n ? 2 * threads : n > 0 ? n : 1;
    q.parts = calloc(n > 0 ? (size_t)n : 1, sizeof(*q.parts));
    q.slots = q.parts ? parq_slots_new(q.window) : NULL;
    if (!q.slots) {
        if (!q.parts)
            error_at(NULL, 0, "out of memory");
        free(q.parts);
        return STAGE_FATAL;
    }
    for (int k = 0; k < n; k++)
        q.parts[k].arg = (const char *)job->args + (size_t)k * job->size;
    pthread_mutex_init(&q.lock, NULL);
    pthread_cond_init(&q.free_cv, NULL);
    pthread_cond_init(&q.done_cv, NULL);
    for (int i = 0; i < threads && threads > 1; i++) {
        w[started] = (struct parq_worker){&q, started, 0};
        if (pthread_create(&w[started].thread, NULL, parq_worker, &w[started]) == 0)
            started++;
    }
    int status = parq_write(&q, started, job->out, job->name, total);
    pthread_mutex_lock(&q.lock);
    q.stop = true;
    pthread_cond_broadcast(&q.free_cv);
    pthread_mutex_unlock(&q.lock);
    for (int i = 0; i < started; i++)
        pthread_join(w[i].thread, NULL);
    for (int k = 0; k < n; k++)
        if (q.parts[k].stats_ok)
            stats_release(&q.parts[k].stats);
    pthread_cond_destroy(&q.done_cv);
    pthread_cond_destroy(&q.free_cv);
    pthread_mutex_destroy(&q.lock);
    parq_slots_release(q.slots, q.window);
    free(q.parts);
    return status;
}
