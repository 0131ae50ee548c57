/* sanctum.h must compile on its own as strict C11. */
#include "sanctum.h"

typedef int sanctum_header_alone_c;
