/* error: the error pages, in Chinese, with the site's header and menu. */
#include "views/views_internal.h"

static const struct {
	int status;
	const char *heading;
	const char *message;
} errors[] = {
	{ 400, "请求有误", "请求的地址或参数格式不正确，请检查后重试。" },
	{ 401, "需要登录", "请先登录后再访问此页面。" },
	{ 403, "无权访问", "您没有访问此页面的权限。" },
	{ 404, "页面不存在", "您要找的页面不存在，可能已被删除或地址有误。" },
	{ 405, "不支持的请求方法", "此地址不支持该请求方法。" },
	{ 413, "提交的内容过大", "提交的内容超过了允许的大小。" },
	{ 415, "不支持的提交格式", "请通过网页表单提交。" },
	{ 429, "操作过于频繁", "您的操作过于频繁，请稍后再试。" },
	{ 500, "服务器内部错误", "服务器处理请求时出错，请稍后再试。" },
	{ 503, "服务暂不可用", "服务暂时无法处理请求，请稍后再试。" },
};

/* The entry for status, or NULL. */
static int error_index(int status)
{
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
		if (errors[i].status == status)
			return (int)i;
	return -1;
}

void view_error(struct view *v, int status, const char *message)
{
	int i = error_index(status);
	const char *heading = i >= 0 ? errors[i].heading : "出错了";
	struct tv *data = page_data(v, heading, NULL, NULL);
	tv_put_int(data, "status", status);
	tv_put_str(data, "heading", heading);
	tv_put_str(data, "message", message ? message : i >= 0 ? errors[i].message : "请求无法完成。");
	buf_reset(v->out);
	(void)page_render(v, "error", data);
}

void view_error_json(struct view *v, int status, const char *code, const char *message)
{
	/* The status itself travels in the HTTP response line. */
	int i = error_index(status);
	if (!message)
		message = i >= 0 ? errors[i].message : "请求无法完成。";
	buf_reset(v->out);
	page_emit_json(v, json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", message));
}
