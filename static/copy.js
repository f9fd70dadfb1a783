// copy: shows the "复制" buttons of a page (hidden without JavaScript, where
// the text stays on the page to select) and copies their element's text.
// Loaded with defer, under the CSP's script-src 'self'.
'use strict';
for (const button of document.querySelectorAll('button[data-copy]')) {
	const source = document.getElementById(button.dataset.copy);
	const status = document.getElementById(button.dataset.status);
	if (!source)
		continue;
	const say = (text) => {
		if (status)
			status.textContent = text;
	};
	// Without the clipboard API (an http:// page not on this machine):
	// select the text and copy the selection.
	const bySelection = () => {
		const range = document.createRange();
		range.selectNodeContents(source);
		const selection = window.getSelection();
		selection.removeAllRanges();
		selection.addRange(range);
		return document.execCommand && document.execCommand('copy');
	};
	button.addEventListener('click', async () => {
		const text = source.textContent.trim();
		try {
			await navigator.clipboard.writeText(text);
			say('已复制');
		} catch {
			say(bySelection() ? '已复制' : '请长按或选中链接后复制');
		}
	});
	button.hidden = false;
}
