/* sector: what an enterprise does — the 20 sections (门类) of China's
 * industry classification GB/T 4754-2017, and the portal's focus
 * industries (content/industry.h), one list for forms and filters. */
#ifndef ZS_CONTENT_SECTOR_H
#define ZS_CONTENT_SECTOR_H

#include <stddef.h>

struct sector {
	const char *slug; /* "gb-c" for section C, or a focus industry's slug ("ic") */
	const char *name; /* "制造业", "集成电路" */
	char section;     /* 'A'..'T', or 0 for a focus industry */
};

enum { SECTION_COUNT = 20 };

/* The 20 sections in the standard's order. */
extern const struct sector sections[SECTION_COUNT];

/* The name of the section or focus industry with this slug, or NULL. */
const char *sector_name(const char *slug);

#endif
