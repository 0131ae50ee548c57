/* Internal definitions shared by every part of the library. Not installed. */
#ifndef SANCTUM_INTERNAL_H
#define SANCTUM_INTERNAL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sanctum.h"

/* A context: options plus atomic memory counters, shared by every thread that uses it. */
struct sanctum_ctx {
    sanctum_ctx_options opts;
    _Atomic uint64_t cur_bytes, peak_bytes, total_bytes;
    _Atomic uint64_t cur_blocks, peak_blocks, total_blocks;
    _Atomic uint64_t failed_allocs;
#ifdef SANCTUM_TESTING
    /* Fault injection: allocation number fault_nth (1-based, counted from arming) fails, and every
     * later one too when fault_persistent. */
    _Atomic uint64_t fault_seq;
    _Atomic uint64_t fault_nth;
    _Atomic uint64_t fault_injected;
    _Atomic int fault_persistent;
    void (*free_hook)(void *user, const void *block, size_t size, bool secret);
    void *free_hook_user;
#endif
};

#define SC_DEFAULT_MAX_DEPTH 1024u
#define SC_DEFAULT_MAX_INPUT ((uint64_t)64 << 20)

#if defined(__GNUC__)
#define SC_UNUSED_RESULT __attribute__((warn_unused_result))
#define SC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SC_UNUSED_RESULT
#define SC_PRINTF(f, a)
#endif

#define SC_MIN(a, b) ((a) < (b) ? (a) : (b))
#define SC_MAX(a, b) ((a) > (b) ? (a) : (b))

#endif
