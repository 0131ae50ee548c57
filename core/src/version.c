#include "internal.h"

#include <sodium.h>

_Static_assert(SANCTUM_ABI_VERSION == 1, "the SONAME in CMakeLists.txt follows SANCTUM_ABI_VERSION");

uint32_t sanctum_version_number(void)
{
    return SANCTUM_VERSION_MAJOR * 10000u + SANCTUM_VERSION_MINOR * 100u + SANCTUM_VERSION_PATCH;
}

const char *sanctum_version_string(void)
{
    return SANCTUM_VERSION_STRING;
}

uint32_t sanctum_abi_version(void)
{
    return SANCTUM_ABI_VERSION;
}

void sanctum_wipe(void *ptr, size_t len)
{
    if (ptr != NULL && len != 0)
        sodium_memzero(ptr, len);
}
