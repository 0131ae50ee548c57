// sanctum.h must compile on its own as C++ (extern "C", no C-only constructs).
#include "sanctum.h"

namespace {
[[maybe_unused]] sanctum_status header_alone_cxx = SANCTUM_OK;
}
