#include "articles.h"
