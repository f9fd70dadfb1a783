/* assets: lookup in the generated table. */
#include "util/assets.h"

#include <string.h>

const struct asset *asset_find(const char *path)
{
	for (size_t i = 0; i < assets_count; i++)
		if (!strcmp(assets[i].path, path))
			return &assets[i];
	return NULL;
}

const struct asset *asset_by_url(const char *url)
{
	for (size_t i = 0; i < assets_count; i++)
		if (assets[i].url && !strcmp(assets[i].url, url))
			return &assets[i];
	return NULL;
}
