/* request_internal: how the server feeds a request body to its form parser. */
#ifndef ZS_HTTP_REQUEST_INTERNAL_H
#define ZS_HTTP_REQUEST_INTERNAL_H

#include <stdbool.h>

#include "http/http.h"

/* Starts parsing req's body as a form; false (req->form NULL) when the
 * Content-Type is not a form's. */
bool form_start(struct request *req);

/* Parses the next piece of the body; a malformed body sets req->form->problem. */
void form_feed(struct request *req, const char *data, size_t len);

/* Ends parsing (delivering the last field) and releases the parser; safe
 * to call again, and required before the request is freed. */
void form_finish(struct request *req);

#endif
