/* libFuzzer driver: the JSON Lines parser and article validation on any bytes. */
#include "parse_driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return drive_parser(jsonl_parse, data, size);
}
