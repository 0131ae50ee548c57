/* Reading the caller's growable structs (those that begin with uint32_t struct_size), one way. */
#ifndef SANCTUM_OPTIONS_H
#define SANCTUM_OPTIONS_H

#include "internal.h"

/* Bytes of `type` up to the end of `field`: the size of a struct version whose last field it was. */
#define SC_SIZE_THROUGH(type, field) (offsetof(type, field) + sizeof(((type *)0)->field))

/* Reads the caller's struct src over dst, which already holds our defaults and is our_size bytes:
 *  - src's struct_size below min_size (the fields of the struct's first version): E_INVALID_ARG;
 *  - up to our_size (an older or the same header): that many bytes are copied, and the fields the
 *    caller's header did not have keep our defaults;
 *  - above our_size (a newer header): our_size bytes are copied if every byte past them is zero
 *    (the newer fields left unset); a non-zero byte there is a setting this library does not know
 *    and is refused with E_UNSUPPORTED rather than silently ignored (as Linux's
 *    copy_struct_from_user does for openat2/clone3).
 *  - more than SC_OPTIONS_GROWTH_MAX past our_size: E_INVALID_ARG (an uninitialised struct, whose
 *    "tail" would be read far past the caller's object).
 * dst's struct_size becomes our_size. name ("options", "spec") goes into the message. */
#define SC_OPTIONS_GROWTH_MAX 4096u
sanctum_status sc_options_read(void *dst, size_t our_size, const void *src, size_t min_size, const char *name,
                               sanctum_error *err);

/* Hands our filled struct src (our_size bytes) to a caller's struct dst that begins with struct_size:
 * copies min(its struct_size, our_size) bytes, so an older header's smaller struct gets the fields it
 * knows and nothing past them, and a newer header's larger one keeps its unknown tail as it was;
 * dst's struct_size then says how many bytes were filled. struct_size 0 means ours where zero_is_ours
 * (the calls documented so), else it is below min_size (the first version's): E_INVALID_ARG, nothing
 * written. */
sanctum_status sc_struct_write(void *dst, const void *src, size_t our_size, size_t min_size, bool zero_is_ours,
                               const char *name, sanctum_error *err);

#endif
