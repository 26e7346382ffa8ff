# A document that vanishes between listing and reading, one that cannot be
# opened (Permission denied, even as root) and one whose read fails (EIO),
# made deterministic by a preloaded fopen() and open() that, for the named base names,
# removes the file first, fails with EACCES, or opens /proc/self/mem (whose
# first page cannot be read). Each is skipped and named with its reason,
# exit 1, the good document kept.
. "$TOP/tests/e2e/lib.sh"

cat >"$T/shim.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int named(const char *path, const char *var)
{
    const char *want = getenv(var), *base = strrchr(path, '/');
    return want && strcmp(base ? base + 1 : path, want) == 0;
}

static FILE *shim(const char *sym, const char *path, const char *mode)
{
    FILE *(*real)(const char *, const char *) = (FILE * (*)(const char *, const char *)) dlsym(RTLD_NEXT, sym);
    if (named(path, "SHIM_VANISH"))
        unlink(path);
    if (named(path, "SHIM_DENY")) {
        errno = EACCES;
        return NULL;
    }
    if (named(path, "SHIM_EIO"))
        path = "/proc/self/mem";
    return real(path, mode);
}

FILE *fopen(const char *path, const char *mode) { return shim("fopen", path, mode); }
FILE *fopen64(const char *path, const char *mode) { return shim("fopen64", path, mode); }

static int oshim(const char *sym, const char *path, int flags, va_list ap)
{
    int (*real)(const char *, int, ...) = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, sym);
    mode_t mode = (flags & O_CREAT) ? (mode_t)va_arg(ap, int) : 0;
    if (named(path, "SHIM_VANISH"))
        unlink(path);
    if (named(path, "SHIM_DENY")) {
        errno = EACCES;
        return -1;
    }
    if (named(path, "SHIM_EIO"))
        path = "/proc/self/mem";
    return real(path, flags, mode);
}

int open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    int fd = oshim("open", path, flags, ap);
    va_end(ap);
    return fd;
}

int open64(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    int fd = oshim("open64", path, flags, ap);
    va_end(ap);
    return fd;
}
C
if ! ${CC:-cc} -shared -fPIC -o "$T/shim.so" "$T/shim.c" -ldl 2>"$T/cc.err"; then
    fail "cannot build the fopen shim" "$T/cc.err"
    exit 0
fi

mkdir "$T/in"
printf 'A good document. About 20 people were killed.\n' >"$T/in/good.txt"
printf 'This one goes away. 5 people.\n' >"$T/in/gone.txt"
printf 'This one is locked. 6 people.\n' >"$T/in/locked.txt"
printf 'This one fails to read. 7 people.\n' >"$T/in/eio.txt"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
run env LD_PRELOAD="$T/shim.so" SHIM_VANISH=gone.txt SHIM_DENY=locked.txt SHIM_EIO=eio.txt \
    "$BIN/tokenize" -c "$CONFIG" -o "$T/out.jsonl" -s "$T/stats.json" "$T/in"
check_status "skips exit 1" 1
check "the shim ran: the vanishing file is gone" test ! -e "$T/in/gone.txt"
check_grep "vanished file named" \
    "^tokenize: gone.txt: skipped: cannot open: No such file or directory" "$T/err"
check_grep "unreadable file named" \
    "^tokenize: locked.txt: skipped: cannot open: Permission denied" "$T/err"
check_grep "read error named" "^tokenize: eio.txt: skipped: cannot read: Input/output error" \
    "$T/err"
check_grep "good document kept" '"doc":"good".*"lang":"en".*"type":"doc"' "$T/out.jsonl"
check_grep "its sentence kept" '"doc":"good".*About 20 people' "$T/out.jsonl"
for d in gone locked eio; do
    check_grep "skip record for $d" "\"doc\":\"$d\".*\"type\":\"skip\"" "$T/out.jsonl"
    check_grep "$d in the stats" "\"doc\":\"$d\"" "$T/stats.json"
done
check "the good document's two sentences are the only ones" \
    test "$(grep -c '"type":"sentence"' "$T/out.jsonl")" -eq 2
