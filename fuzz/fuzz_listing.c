/* libFuzzer driver: the listing parser and article validation on any bytes. */
#include "parse_driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return drive_parser(listing_parse, data, size);
}
