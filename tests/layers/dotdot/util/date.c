#include "util/../http/server.h"
