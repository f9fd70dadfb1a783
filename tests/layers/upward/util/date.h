/* a util header that reaches up into http: refused */
#include "http/server.h"
