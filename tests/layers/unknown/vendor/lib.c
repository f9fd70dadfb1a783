#include "util/str.h"
