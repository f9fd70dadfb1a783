// An enterprise registers through /enterprises/join on a 360-px-wide phone,
// as a person would (issue 5): the page fits the screen; a credit code with
// one wrong character comes back with the message right below the field and
// everything else typed kept; the corrected form lands on the private edit
// page (登记已提交, 待审核). The enterprise is not in the directory until an
// editor approves it in /admin/enterprises; then /enterprises lists it and
// its profile shows what was registered, the phone number to staff only.
// Run by tests/browser/run.sh, which starts the server and passes BASE_URL,
// ZS_EDITOR, ZS_PASSWORD (and ZS_ARTIFACTS for failure screenshots).
import assert from 'node:assert/strict';
import { clickAndLoad, editor, goto, keepArtifacts, launch, password, pathOf, step, textOf, url } from './lib.mjs';

const WIDTH = 360;
const phone = {
	viewport: { width: WIDTH, height: 740 },
	deviceScaleFactor: 2,
	isMobile: true,
	hasTouch: true,
	locale: 'zh-CN',
};

// A unified social credit code (GB 32100-2015): 17 characters and a check
// character computed from them.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function checkChar(first17) {
	assert.equal(first17.length, 17);
	let sum = 0;
	for (let i = 0; i < 17; i++) {
		const v = CHARSET.indexOf(first17[i]);
		assert.ok(v >= 0, `"${first17[i]}" is not in the code's character set`);
		sum += v * WEIGHTS[i];
	}
	const c = 31 - (sum % 31);
	return CHARSET[c === 31 ? 0 : c];
}
const first17 = '91310115MA1H7XY0' + '3';
const goodCode = first17 + checkChar(first17);
assert.equal(goodCode.length, 18);
// The same code with its 14th character replaced by the letter O (never used
// in credit codes): the one mistake the form must point at.
const badCode = goodCode.slice(0, 13) + 'O' + goodCode.slice(14);
assert.equal(badCode.length, 18);
assert.notEqual(goodCode[13], 'O');

const typed = {
	name: '上海芯测半导体科技有限公司',
	industry: { value: 'ic', label: '集成电路' },
	district: { value: 'pudong', label: '浦东新区' },
	seeking: ['办公', '融资'],
	description: '专注于集成电路测试设备研发，计划在张江设立研发中心，需要约 2000 平方米办公场地，并寻求 A 轮融资。',
	website: 'https://www.xince-semi.example.cn',
	contactName: '李晓华',
	phone: '13812345678',
};




async function newPage(context) {
	const page = await context.newPage();
	page.setDefaultTimeout(10_000);
	page.setDefaultNavigationTimeout(15_000);
	return page;
}

// The page scrolls sideways on the phone when it is wider than the viewport.
async function assertNoHorizontalScroll(page, what) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(width <= WIDTH, `${what}: the page is ${width} px wide on a ${WIDTH}-px screen (horizontal scrolling)`);
}

// Where a visible element lies, in page coordinates.
async function boxOf(locator, what) {
	const box = await locator.boundingBox();
	assert.ok(box, `${what} has no box (not visible)`);
	return box;
}

function assertWithinWidth(box, what) {
	assert.ok(box.x >= 0 && box.x + box.width <= WIDTH,
		`${what} spans x ${box.x.toFixed(1)}..${(box.x + box.width).toFixed(1)}, outside 0..${WIDTH}`);
}

const browser = await launch();
let current; // the page to keep a screenshot of on failure
try {
	const visitor = await browser.newContext(phone);
	const page = await newPage(visitor);
	current = page;

	step('GET /enterprises/join fits a 360-px phone');
	await goto(page, '/enterprises/join');
	const form = page.locator('form:has([name="csrf_token"])').filter({ has: page.locator('[name="credit_code"]') });
	assert.equal(await form.count(), 1, 'one registration form');
	assert.equal((await form.getAttribute('method')).toLowerCase(), 'post');
	assert.equal(new URL(await form.getAttribute('action'), page.url()).pathname, '/enterprises/join');
	await assertNoHorizontalScroll(page, '/enterprises/join');
	const controls = form.locator('input:not([type="hidden"]), select, textarea, button');
	const ncontrols = await controls.count();
	assert.ok(ncontrols >= 10, `the form has its fields (${ncontrols} found)`);
	for (let i = 0; i < ncontrols; i++) {
		const c = controls.nth(i);
		const what = await c.evaluate((e) =>
			`${e.tagName.toLowerCase()}${e.name ? `[name=${e.name}]` : ''}${e.value && e.type === 'checkbox' ? `[value=${e.value}]` : ''}`);
		assertWithinWidth(await boxOf(c, what), what);
	}

	// Each visible label leads to its field.
	const field = {
		name: form.getByLabel('企业名称'),
		creditCode: form.getByLabel('统一社会信用代码'),
		industry: form.getByLabel('所属行业'),
		district: form.getByLabel('所在区'),
		description: form.getByLabel('企业简介'),
		website: form.getByLabel('网站'),
		contactName: form.getByLabel('联系人'),
		phone: form.getByLabel('联系电话'),
	};
	const names = {
		name: 'name', creditCode: 'credit_code', industry: 'industry', district: 'district',
		description: 'description', website: 'website', contactName: 'contact_name', phone: 'phone',
	};
	for (const [key, loc] of Object.entries(field)) {
		assert.equal(await loc.count(), 1, `one field labelled for ${key}`);
		assert.equal(await loc.getAttribute('name'), names[key], `the field labelled for ${key}`);
		assert.ok(await loc.isVisible(), `${key} is visible`);
	}
	const seeking = Object.fromEntries(typed.seeking.map((label) => [label, form.getByLabel(label, { exact: true })]));
	for (const [label, loc] of Object.entries(seeking)) {
		assert.equal(await loc.count(), 1, `one checkbox labelled ${label}`);
		assert.equal(await loc.getAttribute('type'), 'checkbox', `${label} is a checkbox`);
		assert.equal(await loc.getAttribute('name'), 'seeking', `${label}: name`);
	}
	const submit = form.locator('button[type="submit"]');
	assert.equal(await submit.count(), 1, 'one submit button');

	step(`submit with one wrong character in the credit code (${badCode}): 400, the message below the field`);
	await field.name.fill(typed.name);
	await field.creditCode.fill(badCode);
	await field.industry.selectOption({ label: typed.industry.label });
	await field.district.selectOption({ label: typed.district.label });
	for (const loc of Object.values(seeking))
		await loc.check();
	await field.description.fill(typed.description);
	await field.website.fill(typed.website);
	await field.contactName.fill(typed.contactName);
	await field.phone.fill(typed.phone);
	assert.equal(await field.industry.inputValue(), typed.industry.value, `${typed.industry.label}: option value`);
	assert.equal(await field.district.inputValue(), typed.district.value, `${typed.district.label}: option value`);
	let response = await clickAndLoad(page, submit);
	assert.equal(response.status(), 400, 'a form with a wrong credit code: status');
	assert.equal(pathOf(page), '/enterprises/join', `after the wrong code: ${page.url()}`);

	const error = page.locator('#credit_code-error');
	assert.equal(await error.count(), 1, 'one #credit_code-error');
	assert.ok(await error.isVisible(), '#credit_code-error is shown');
	const errorText = (await error.innerText()).trim();
	console.log(`  the message: ${errorText}`);
	assert.match(errorText, /第\s*14\s*位/, 'the message names the position');
	assert.match(errorText, /O/, 'the message names the letter O');
	// Labels are read again on the page that came back.
	assert.equal(await field.creditCode.inputValue(), badCode, 'the code typed is kept');
	assert.equal(await field.creditCode.getAttribute('aria-invalid'), 'true', 'the code field: aria-invalid');
	const describedBy = ((await field.creditCode.getAttribute('aria-describedby')) ?? '').split(/\s+/);
	assert.ok(describedBy.includes('credit_code-error'), `the code field's aria-describedby: "${describedBy.join(' ')}"`);
	const inputBox = await boxOf(field.creditCode, 'the credit-code input');
	const errorBox = await boxOf(error, '#credit_code-error');
	const gap = errorBox.y - (inputBox.y + inputBox.height);
	console.log(`  input x ${inputBox.x.toFixed(1)}..${(inputBox.x + inputBox.width).toFixed(1)}, ` +
		`bottom ${(inputBox.y + inputBox.height).toFixed(1)}; message x ${errorBox.x.toFixed(1)}..` +
		`${(errorBox.x + errorBox.width).toFixed(1)}, top ${errorBox.y.toFixed(1)} (${gap.toFixed(1)} px below)`);
	assert.ok(gap >= 0, `the message's top (${errorBox.y.toFixed(1)}) is above the input's bottom (${(inputBox.y + inputBox.height).toFixed(1)})`);
	assert.ok(gap <= 80, `the message is ${gap.toFixed(1)} px below the input, more than 80 px`);
	assertWithinWidth(errorBox, '#credit_code-error');
	await assertNoHorizontalScroll(page, 'the form with the error');

	assert.equal(await field.name.inputValue(), typed.name, 'the name typed is kept');
	assert.equal(await field.industry.inputValue(), typed.industry.value, 'the industry chosen is kept');
	assert.equal(await field.district.inputValue(), typed.district.value, 'the district chosen is kept');
	for (const [label, loc] of Object.entries(seeking))
		assert.ok(await loc.isChecked(), `the checkbox ${label} is still checked`);
	assert.equal((await field.description.inputValue()).trim(), typed.description, 'the description typed is kept');
	assert.equal(await field.website.inputValue(), typed.website, 'the website typed is kept');
	assert.equal(await field.contactName.inputValue(), typed.contactName, 'the contact typed is kept');
	assert.equal(await field.phone.inputValue(), typed.phone, 'the phone typed is kept');

	step(`correct the code (${goodCode}) and submit: the private edit page, 待审核`);
	await field.creditCode.fill(goodCode);
	response = await clickAndLoad(page, submit);
	assert.equal(response.status(), 200, `after registering (${page.url()}): status`);
	assert.match(pathOf(page), /^\/enterprises\/edit\/[^/]+$/, `after registering: ${page.url()}`);
	let text = await textOf(page);
	assert.match(text, /登记已提交/, 'the confirmation');
	const editLink = page.locator('#edit-url');
	assert.equal(await editLink.count(), 1, 'the private edit link');
	assert.ok(await editLink.isVisible(), 'the edit link is shown');
	assert.equal((await editLink.innerText()).trim(), page.url().replace(/\?.*$/, ''), 'in full, the page\'s own address');
	console.log(`  edit link ${await editLink.getAttribute('href')}`);
	assert.match(text, /待审核/, 'the status');

	step('the directory does not list it yet');
	await goto(page, '/enterprises');
	assert.ok(!(await page.content()).includes(typed.name), 'an unapproved enterprise is in /enterprises');

	step('the editor logs in and approves it from /admin/enterprises');
	const desk = await browser.newContext(phone);
	const admin = await newPage(desk);
	current = admin;
	await goto(admin, '/admin/login');
	await admin.getByLabel('用户名').fill(editor);
	await admin.getByLabel('密码').fill(password);
	response = await clickAndLoad(admin, admin.locator('form:has([name="password"]) button[type="submit"]'));
	assert.equal(response.status(), 200, `after login (${admin.url()}): status`);
	assert.notEqual(pathOf(admin), '/admin/login', 'the login went through');
	await goto(admin, '/admin/enterprises');
	const entry = admin.getByRole('link', { name: typed.name, exact: true });
	assert.equal(await entry.count(), 1, 'the registration is listed once for review');
	await clickAndLoad(admin, entry);
	const adminPath = pathOf(admin).match(/^\/admin\/enterprises\/(\d+)$/);
	assert.ok(adminPath, `the review page: ${admin.url()}`);
	const id = adminPath[1];
	assert.ok((await textOf(admin)).includes(typed.name), 'the review page shows the name');
	response = await clickAndLoad(admin, admin.getByRole('button', { name: '通过', exact: true }));
	assert.equal(response.status(), 200, `after approving (${admin.url()}): status`);
	assert.match(await textOf(admin), /已通过/, 'the notice after approving');

	step('/enterprises lists it, still without horizontal scrolling');
	current = page;
	await goto(page, '/enterprises');
	const listed = page.getByRole('link', { name: typed.name, exact: true });
	assert.equal(await listed.count(), 1, 'the approved enterprise is listed once');
	assert.ok(await listed.isVisible(), 'its link is shown');
	assert.equal(new URL(await listed.getAttribute('href'), page.url()).pathname, `/enterprises/${id}`);
	await assertNoHorizontalScroll(page, '/enterprises');

	step(`its profile /enterprises/${id} as staff: what was registered and the phone`);
	current = admin;
	await goto(admin, `/enterprises/${id}`);
	text = await textOf(admin);
	for (const s of [typed.name, typed.industry.label, typed.district.label, ...typed.seeking])
		assert.ok(text.includes(s), `the profile shows ${s}`);
	assert.ok(text.includes(typed.phone), 'staff see the phone number on the profile');

	step('the same profile in a fresh (public) browser: no phone number');
	const publicContext = await browser.newContext(phone);
	const reader = await newPage(publicContext);
	current = reader;
	await goto(reader, `/enterprises/${id}`);
	text = await textOf(reader);
	assert.ok(text.includes(typed.name), 'the public profile shows the name');
	assert.ok(!(await reader.content()).includes(typed.phone), 'the public profile shows the phone number');
	console.log('ok');
} catch (err) {
	await keepArtifacts(current);
	throw err;
} finally {
	await browser.close();
}
