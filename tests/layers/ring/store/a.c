#include "store/b.h"
