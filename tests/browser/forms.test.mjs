// Forms as people meet them (issue 13), on a 390-px phone and a 1366-px
// screen: after registering, the private edit link is shown in full with a
// copy button that copies it (and, with JavaScript off, the link is there
// and the button is not); an approved enterprise that edits its profile
// stays listed, its page as approved, until staff approve the edit; a post
// with a mistake opens on the error summary, focused; and a form whose page
// expired (its cookies gone) comes back with everything typed, focused on
// the reason, and goes through when sent again.
// Run by tests/browser/run.sh, which starts the server and passes BASE_URL,
// ZS_EDITOR, ZS_PASSWORD (and ZS_ARTIFACTS for failure screenshots).
import assert from 'node:assert/strict';
import {
	assertAccessible, assertValidHtml, base, clickAndLoad, editor, goto, keepArtifacts, launch, password, pathOf, step,
	textOf, url,
} from './lib.mjs';

const screens = [
	{ name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
	{ name: 'desktop', viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
];

// A unified social credit code (GB 32100-2015): 17 characters and the
// check character computed from them.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function code(n) {
	const first17 = `91310115MA1H7XY${String(n).padStart(2, '0')}`;
	let sum = 0;
	for (let i = 0; i < 17; i++)
		sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
	const c = 31 - (sum % 31);
	return first17 + CHARSET[c === 31 ? 0 : c];
}

const browser = await launch();
let current; // the page to keep a screenshot of on failure

async function newPage(context) {
	const page = await context.newPage();
	page.setDefaultTimeout(10_000);
	page.setDefaultNavigationTimeout(15_000);
	current = page;
	return page;
}

function contextFor(screen, extra = {}) {
	const { name, ...options } = screen;
	return browser.newContext({ ...options, locale: 'zh-CN', ...extra });
}

async function assertFits(page, screen, what) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(width <= screen.viewport.width, `${what}: ${width} px wide on a ${screen.viewport.width}-px screen`);
}

// The id of the element that has focus, once the page has settled.
// Every page these forms lead to passes axe-core now and the Nu checker at
// the end (one JVM for them all).
const checked = [];
async function assertChecked(page, what) {
	await assertAccessible(page, what);
	checked.push({ what, html: await page.content() });
}

async function focusedId(page) {
	await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body,
		null, { timeout: 3000 }).catch(() => {});
	return page.evaluate(() => document.activeElement?.id ?? '');
}

// The registration form filled in, as a person would.
async function fillRegistration(page, r) {
	const form = page.locator('form:has([name="credit_code"])');
	await form.getByLabel('企业名称').fill(r.name);
	await form.getByLabel('统一社会信用代码').fill(r.code);
	await form.getByLabel('所属行业').selectOption({ label: '集成电路' });
	await form.getByLabel('所在区').selectOption({ label: '浦东新区' });
	await form.getByLabel('办公', { exact: true }).check();
	await form.getByLabel('企业简介').fill(r.description);
	await form.getByLabel('网站').fill(r.website);
	await form.getByLabel('联系人').fill('陈晓');
	await form.getByLabel('联系电话').fill('13812345678');
	await form.getByLabel('电子邮箱').fill(r.email);
	return form;
}

async function signIn(screen) {
	const desk = await contextFor(screen);
	const admin = await newPage(desk);
	await goto(admin, '/admin/login');
	await admin.getByLabel('用户名').fill(editor);
	await admin.getByLabel('密码').fill(password);
	await clickAndLoad(admin, admin.locator('form:has([name="password"]) button[type="submit"]'));
	assert.notEqual(pathOf(admin), '/admin/login', 'signed in');
	return { desk, admin };
}

// Staff open name's item from the review queue and press the button.
async function decideFromQueue(admin, name, button) {
	await goto(admin, '/admin/enterprises');
	const entry = admin.getByRole('link', { name, exact: true });
	assert.equal(await entry.count(), 1, `${name} waits in the queue`);
	await clickAndLoad(admin, entry);
	const response = await clickAndLoad(admin, admin.getByRole('button', { name: button, exact: true }));
	assert.equal(response.status(), 200, `after ${button}: ${admin.url()}`);
}

try {
	for (const [i, screen] of screens.entries()) {
		const w = screen.viewport.width;
		const r = {
			name: `上海浏览器测试${w}科技有限公司`,
			code: code(20 + i),
			description: `第一版简介（${w}）：专注车规级芯片。`,
			website: 'www.example.cn',
			email: `chen${w}@example.com`,
		};

		step(`${w} px: register; the full edit link with a copy button that copies it`);
		const visitor = await contextFor(screen);
		await visitor.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
		const page = await newPage(visitor);
		await goto(page, '/enterprises/join');
		const form = await fillRegistration(page, r);
		let response = await clickAndLoad(page, form.locator('button[type="submit"]'));
		assert.equal(response.status(), 200, `registered: ${page.url()}`);
		assert.match(pathOf(page), /^\/enterprises\/edit\/[^/]+$/);
		const editUrl = page.url().replace(/\?.*$/, '');
		const link = page.locator('#edit-url');
		assert.ok(await link.isVisible(), 'the link is shown');
		assert.equal((await link.innerText()).trim(), editUrl, 'the full URL, not a bare path');
		assert.ok(editUrl.startsWith(`${base.replace(/\/$/, '')}/enterprises/edit/`), editUrl);
		const copy = page.getByRole('button', { name: '复制链接' });
		assert.ok(await copy.isVisible(), 'the copy button, shown by the script');
		const box = await link.boundingBox();
		assert.ok(box.x >= 0 && box.x + box.width <= w, `the link fits: ${box.x}..${box.x + box.width}`);
		await assertFits(page, screen, 'the page with the link');
		await assertChecked(page, `${w} px: the edit page with its link`);
		await copy.click();
		await page.locator('#copy-status').filter({ hasText: '已复制' }).waitFor();
		assert.equal(await page.evaluate(() => navigator.clipboard.readText()), editUrl, 'the clipboard holds the link');
		const mail = page.locator('a[href^="mailto:"]');
		assert.equal(await mail.count(), 1, 'a mail to the address given');
		const href = await mail.getAttribute('href');
		assert.ok(href.startsWith(`mailto:${encodeURIComponent(r.email)}?subject=`), href);
		assert.ok(decodeURIComponent(href.slice(href.indexOf('&body=') + 6)).includes(editUrl), 'the mail holds the link');
		assert.match(await textOf(page), /已按通行格式自动更正/, 'says the website was completed');
		assert.equal(await page.getByLabel('网站').inputValue(), 'https://www.example.cn');

		step(`${w} px: without JavaScript the link is there, the button is not`);
		const plain = await contextFor(screen, { javaScriptEnabled: false });
		const noScript = await newPage(plain);
		await goto(noScript, new URL(page.url()).pathname + new URL(page.url()).search);
		assert.equal((await noScript.locator('#edit-url').innerText()).trim(), editUrl, 'the link without script');
		assert.ok(!(await noScript.getByRole('button', { name: '复制链接' }).isVisible()), 'no button that would do nothing');
		await plain.close();

		step(`${w} px: approved, then edited: the approved profile stays public while the edit waits`);
		const { desk, admin } = await signIn(screen);
		await decideFromQueue(admin, r.name, '通过');
		current = page;
		await goto(page, new URL(editUrl).pathname);
		const edit = page.locator('form:has([name="credit_code"])');
		const changed = `第二版简介（${w}）：新增封装测试产线。`;
		await edit.getByLabel('企业简介').fill(changed);
		response = await clickAndLoad(page, edit.locator('button[type="submit"]'));
		assert.equal(response.status(), 200);
		assert.match(await textOf(page), /修改已提交.*仍显示原来已通过的内容/, 'says the approved profile stays');
		const reader = await contextFor(screen);
		const pub = await newPage(reader);
		await goto(pub, '/enterprises');
		const listed = pub.getByRole('link', { name: r.name, exact: true });
		assert.equal(await listed.count(), 1, 'still in the directory');
		response = await clickAndLoad(pub, listed);
		assert.equal(response.status(), 200, 'its page does not 404');
		let text = await textOf(pub);
		assert.ok(text.includes(r.description) && !text.includes(changed), 'the approved profile, not the edit');
		await assertFits(pub, screen, 'the profile');
		const profile = new URL(pub.url()).pathname;

		step(`${w} px: staff see what the edit changes, approve it; the profile follows`);
		current = admin;
		await goto(admin, '/admin/enterprises');
		assert.match(await textOf(admin), /信息修改.*修改了：企业简介/, 'the queue says it is an edit, and of what');
		await clickAndLoad(admin, admin.getByRole('link', { name: r.name, exact: true }));
		const row = admin.locator('table.changes tr', { hasText: '企业简介' });
		assert.ok((await row.innerText()).includes(r.description) && (await row.innerText()).includes(changed), 'old → new');
		await assertFits(admin, screen, 'the review page');
		await assertChecked(admin, `${w} px: the review of an edit, old → new`);
		await clickAndLoad(admin, admin.getByRole('button', { name: '通过', exact: true }));
		current = pub;
		await goto(pub, profile);
		text = await textOf(pub);
		assert.ok(text.includes(changed) && !text.includes(r.description), 'the edit is public now');
		await reader.close();
		await desk.close();

		step(`${w} px: a wrong credit code: the page opens on the error summary, focused`);
		current = page;
		await goto(page, '/enterprises/join');
		const join = await fillRegistration(page, { ...r, name: `上海焦点测试${w}有限公司`, code: code(40 + i).slice(0, 13) + 'O' + code(40 + i).slice(14) });
		response = await clickAndLoad(page, join.locator('button[type="submit"]'));
		assert.equal(response.status(), 400);
		assert.equal(await focusedId(page), 'form-errors', 'focus is on the summary');
		const summary = page.locator('#form-errors');
		const sbox = await summary.boundingBox();
		assert.ok(sbox.y >= 0 && sbox.y < screen.viewport.height, `the summary is in view (y ${sbox.y})`);
		await page.keyboard.press('Tab');
		assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#credit_code',
			'the next Tab reaches the message, which leads to the field');
		await assertChecked(page, `${w} px: the form with its error summary`);

		step(`${w} px: a page left open past its cookies: the form comes back with what was typed`);
		await goto(page, '/contact');
		const contact = page.locator('form:has([name="message"])');
		const message = `想了解张江的办公空间（${w}）。\n第二行。`;
		await contact.getByLabel('姓名').fill('钱先生');
		await contact.getByLabel('联系方式').fill('13912345678');
		await contact.getByLabel('留言内容').fill(message);
		await visitor.clearCookies();
		response = await clickAndLoad(page, contact.locator('button[type="submit"]'));
		assert.equal(response.status(), 403, 'refused');
		assert.match(await textOf(page), /页面已过期/, 'says why');
		assert.equal(await focusedId(page), 'form-errors', 'focus is on the reason');
		const again = page.locator('form:has([name="message"])');
		assert.equal(await again.getByLabel('姓名').inputValue(), '钱先生', 'the name is kept');
		assert.equal(await again.getByLabel('联系方式').inputValue(), '13912345678');
		assert.equal((await again.getByLabel('留言内容').inputValue()).replace(/\r\n/g, '\n'), message, 'the message is kept');
		await assertFits(page, screen, 'the form again');
		await assertChecked(page, `${w} px: the form shown again after its cookies expired`);
		response = await clickAndLoad(page, again.locator('button[type="submit"]'));
		assert.equal(response.status(), 200, `sent the second time: ${page.url()}`);
		assert.match(await textOf(page), /留言已收到.*留言编号：LY-\d{6}/, 'sent, with its reference');
		await visitor.close();
	}
	step('the Nu HTML checker on every page checked');
	assertValidHtml(checked);
	console.log('ok');
} catch (err) {
	await keepArtifacts(current);
	throw err;
} finally {
	await browser.close();
}
