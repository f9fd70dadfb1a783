/* sql/submissions: the statements of store/submissions.c — news submissions and near duplicates (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_SUBMISSIONS_H
#define ZS_STORE_SQL_SUBMISSIONS_H

#define SUBMISSION_COLUMNS                                                                \
	"s.id, s.tracking_code, s.title, s.body, s.district, s.industry, s.source, s.contributor," \
	" s.contact, s.status, s.reason, s.article_id, s.near_article_id, s.near_submission_id,"  \
	" s.near_distance, s.client_ip, s.created_at, s.updated_at,"                          \
	" (SELECT title FROM articles WHERE id = s.near_article_id),"                         \
	" (SELECT title FROM submissions WHERE id = s.near_submission_id)"
#define STORE_SUBMISSION_STATEMENTS(X)                                                                       \
	X(SUBMISSION_INSERT,                                                                                 \
	  "INSERT INTO submissions(tracking_code, title, body, district, industry, source, contributor,"     \
	  " contact, simhash, near_article_id, near_submission_id, near_distance, client_ip, created_at,"    \
	  " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)"           \
	  " ON CONFLICT(tracking_code) DO NOTHING")                                                          \
	X(SUBMISSION_GET, "SELECT " SUBMISSION_COLUMNS " FROM submissions s WHERE s.id = ?1")                \
	X(SUBMISSION_BY_CODE, "SELECT " SUBMISSION_COLUMNS " FROM submissions s WHERE s.tracking_code = ?1") \
	X(SUBMISSION_UPDATE,                                                                                 \
	  "UPDATE submissions SET title = ?2, body = ?3, district = ?4, industry = ?5, source = ?6,"         \
	  " simhash = ?7, near_article_id = ?8, near_submission_id = ?9, near_distance = ?10,"               \
	  " updated_at = ?11 WHERE id = ?1 AND status = 'pending'")                                          \
	X(SUBMISSION_DECIDE,                                                                                 \
	  "UPDATE submissions SET status = ?2, reason = ?3, article_id = ?4, updated_at = ?5"                \
	  " WHERE id = ?1 AND status = 'pending'")                                                           \
	X(SUBMISSION_COUNT, "SELECT count(*) FROM submissions WHERE status = ?1")                            \
	X(SUBMISSION_PAGE,                                                                                   \
	  "SELECT " SUBMISSION_COLUMNS " FROM submissions s WHERE s.status = ?1"                             \
	  " ORDER BY s.id DESC LIMIT ?2 OFFSET ?3")                                                          \
	/* Near duplicates: a scan, but of one integer a row (about 10 ms per                                \
	 * 100,000 articles), done once per submission or edit. */                                           \
	X(NEAR_ARTICLE,                                                                                      \
	  "SELECT id, zs_hamming(simhash, ?1) AS d FROM articles"                                            \
	  " WHERE d <= ?2 ORDER BY d, id DESC LIMIT 1")                                                      \
	X(NEAR_SUBMISSION,                                                                                   \
	  "SELECT id, zs_hamming(simhash, ?1) AS d FROM submissions"                                         \
	  " WHERE d <= ?2 AND id <> ?3 AND status <> 'approved' ORDER BY d, id DESC LIMIT 1")

#endif
