/* fine on its own */
#include "util/date.h"
