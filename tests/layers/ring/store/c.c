#include "store/a.h"
