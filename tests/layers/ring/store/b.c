#include "store/c.h"
