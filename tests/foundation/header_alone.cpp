// sanctum.h must compile on its own as C++ (extern "C", no C-only constructs).
#include "sanctum.h"

sanctum_status header_alone_cxx(sanctum_error *err);
sanctum_status header_alone_cxx(sanctum_error *err)
{
    sanctum_error_clear(err);
    return SANCTUM_OK;
}
