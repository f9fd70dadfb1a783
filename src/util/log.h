/* log: timestamped diagnostic lines on stderr (the server's access log too). */
#ifndef ZS_UTIL_LOG_H
#define ZS_UTIL_LOG_H

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
