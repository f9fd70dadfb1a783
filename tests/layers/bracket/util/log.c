#include <stdio.h>
#include <views/page.h>
