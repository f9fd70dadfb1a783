/* sector: GB/T 4754-2017's sections, and focus industries as sectors. */
#include "content/sector.h"

#include <string.h>

#include "content/industry.h"

const struct sector sections[SECTION_COUNT] = {
	{ "gb-a", "农、林、牧、渔业", 'A' },
	{ "gb-b", "采矿业", 'B' },
	{ "gb-c", "制造业", 'C' },
	{ "gb-d", "电力、热力、燃气及水生产和供应业", 'D' },
	{ "gb-e", "建筑业", 'E' },
	{ "gb-f", "批发和零售业", 'F' },
	{ "gb-g", "交通运输、仓储和邮政业", 'G' },
	{ "gb-h", "住宿和餐饮业", 'H' },
	{ "gb-i", "信息传输、软件和信息技术服务业", 'I' },
	{ "gb-j", "金融业", 'J' },
	{ "gb-k", "房地产业", 'K' },
	{ "gb-l", "租赁和商务服务业", 'L' },
	{ "gb-m", "科学研究和技术服务业", 'M' },
	{ "gb-n", "水利、环境和公共设施管理业", 'N' },
	{ "gb-o", "居民服务、修理和其他服务业", 'O' },
	{ "gb-p", "教育", 'P' },
	{ "gb-q", "卫生和社会工作", 'Q' },
	{ "gb-r", "文化、体育和娱乐业", 'R' },
	{ "gb-s", "公共管理、社会保障和社会组织", 'S' },
	{ "gb-t", "国际组织", 'T' },
};

const char *sector_name(const char *slug)
{
	if (!slug)
		return NULL;
	for (size_t i = 0; i < SECTION_COUNT; i++)
		if (!strcmp(sections[i].slug, slug))
			return sections[i].name;
	const struct industry *ind = industry_by_slug(str_from(slug));
	return ind ? ind->name : NULL;
}
