/* sc_options_read: the one reader of growable option structs (docs/abi.md). */
#include "options.h"

#include <string.h>

#include "error.h"

sanctum_status sc_options_read(void *dst, size_t our_size, const void *src, size_t min_size, const char *name,
                               sanctum_error *err)
{
    uint32_t size;
    memcpy(&size, src, sizeof size);
    if (size < min_size)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET,
                        "%s.struct_size is %u, below the first version's %zu bytes; call the _init function first",
                        name, (unsigned)size, min_size);
    /* A newer header adds fields, not pages: a size far past ours is an uninitialised struct, and
     * reading it all would walk off the caller's memory. */
    if (size > our_size + SC_OPTIONS_GROWTH_MAX)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET,
                        "%s.struct_size is %u, far beyond this library's %zu bytes; call the _init function first",
                        name, (unsigned)size, our_size);
    const uint8_t *s = src;
    for (size_t i = our_size; i < size; i++)
        if (s[i] != 0)
            return sc_error(err, SANCTUM_E_UNSUPPORTED, SANCTUM_NO_OFFSET,
                            "%s: byte %zu is set, but this library knows only the first %zu bytes (a newer header?)",
                            name, i, our_size);
    memcpy(dst, src, size < our_size ? size : our_size);
    uint32_t ours = (uint32_t)our_size;
    memcpy(dst, &ours, sizeof ours);
    return SANCTUM_OK;
}

sanctum_status sc_struct_write(void *dst, const void *src, size_t our_size, size_t min_size, bool zero_is_ours,
                               const char *name, sanctum_error *err)
{
    uint32_t size;
    memcpy(&size, dst, sizeof size);
    size_t n = size == 0 && zero_is_ours ? our_size : size;
    if (n < min_size)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET,
                        "%s.struct_size is %u, below the first version's %zu bytes", name, (unsigned)size, min_size);
    if (n > our_size)
        n = our_size;
    memcpy(dst, src, n);
    uint32_t filled = (uint32_t)n;
    memcpy(dst, &filled, sizeof filled);
    return SANCTUM_OK;
}
