// A reader submits a news item through /submit, as a person would: the form
// first sent without a title comes back with the error and what was typed;
// then sent whole it gives a tracking code. The item is not public until an
// editor approves it from the queue; then it is on the home page and found
// by search. Run by tests/browser/run.sh, which starts the server and passes
// BASE_URL, ZS_EDITOR, ZS_PASSWORD (and ZS_ARTIFACTS for failure screenshots).
import assert from 'node:assert/strict';
import { base, clickAndLoad, editor, goto, keepArtifacts, launch, password, pathOf, step, textOf, url } from './lib.mjs';

const title = '浏览器测试投稿：临港新片区新能源项目签约';
const searchWord = '临港'; // in no demo article
const paragraphs = [
	'近日，临港新片区举行新能源产业重点项目集中签约仪式，共有十二个项目现场签约，计划总投资约一百三十亿元，' +
		'涵盖动力电池、储能系统、氢能装备和智能电网等多个领域，预计全部达产后年产值将超过三百亿元。',
	'据介绍，本次签约项目中有五个为外资项目，分别来自德国、日本和新加坡。新片区管委会表示，将为每个项目配备专门的服务专员，' +
		'协调用地、环评、能耗指标和人才引进等事项，力争项目早开工、早投产、早见效。',
	'业内人士认为，临港新片区依托港口、产业和制度创新优势，正在加快形成新能源全产业链集群，' +
		'下一步还将围绕关键材料和核心零部件开展精准招商，进一步提升产业链的韧性和竞争力。',
];
const body = paragraphs.join('\n\n');
assert.ok([...body.replace(/\s/g, '')].length >= 200, 'the body must have at least 200 characters');
const typed = {
	source: '临港新片区管委会投资促进处',
	contributor: '王晓明',
	contact: '13912345678',
	district: 'pudong',
};


const norm = (s) => s.replace(/\r\n/g, '\n').trim();


const browser = await launch();
let current; // the page to keep a screenshot of on failure
try {
	const reader = await browser.newContext({ locale: 'zh-CN' });
	const page = await reader.newPage();
	page.setDefaultTimeout(10_000);
	page.setDefaultNavigationTimeout(15_000);
	current = page;

	step('GET /submit shows the form');
	await goto(page, '/submit');
	const form = page.locator('form:has([name="csrf_token"])').filter({ has: page.locator('[name="title"]') });
	assert.equal(await form.count(), 1, 'one submission form');
	assert.equal((await form.getAttribute('method')).toLowerCase(), 'post');
	assert.equal(new URL(await form.getAttribute('action'), page.url()).pathname, '/submit');
	assert.equal(await form.locator('input[type="hidden"][name="csrf_token"]').count(), 1);

	// Each label leads to its field.
	const field = {
		title: form.getByLabel('标题'),
		body: form.getByLabel('正文'),
		district: form.getByLabel('所属区'),
		industry: form.getByLabel('行业'),
		source: form.getByLabel('来源或链接'),
		contributor: form.getByLabel('投稿人'),
		contact: form.getByLabel('联系方式'),
	};
	const tags = { body: 'textarea', district: 'select', industry: 'select' };
	for (const [name, loc] of Object.entries(field)) {
		assert.equal(await loc.count(), 1, `one field labelled for ${name}`);
		assert.equal(await loc.getAttribute('name'), name, `the field labelled for ${name}`);
		assert.equal(await loc.evaluate((e) => e.tagName.toLowerCase()), tags[name] ?? 'input', `${name}: element`);
		assert.ok(await loc.isVisible(), `${name} is visible`);
	}
	const districtValues = await field.district.locator('option').evaluateAll((os) => os.map((o) => o.value));
	assert.ok(districtValues.includes(''), 'the district select has a "not sure" option');
	assert.ok(districtValues.includes('pudong'), `district values are slugs: ${districtValues.join(' ')}`);
	const industries = await field.industry.locator('option').evaluateAll((os) =>
		os.map((o) => ({ value: o.value, label: o.textContent.trim() })));
	const industry = industries.find((o) => o.value && o.label.includes('新能源')) ?? industries.find((o) => o.value);
	assert.ok(industry, 'the industry select has options');
	assert.match(industry.value, /^[a-z0-9-]+$/, 'industry values are slugs');
	const submit = form.locator('button[type="submit"]');
	assert.equal(await submit.count(), 1, 'one submit button');

	step('submit without a title: 400, the error, what was typed kept');
	await field.body.fill(body);
	await field.district.selectOption(typed.district);
	await field.industry.selectOption(industry.value);
	await field.source.fill(typed.source);
	await field.contributor.fill(typed.contributor);
	await field.contact.fill(typed.contact);
	// Were the browser to stop an empty required field itself, the server's
	// own check would go untested: let the form through as a script could.
	if (await field.title.evaluate((e) => e.required && !e.form.noValidate)) {
		assert.notEqual(await field.title.evaluate((e) => e.validationMessage), '');
		await form.evaluate((f) => { f.noValidate = true; });
	}
	let response = await clickAndLoad(page, submit);
	assert.equal(response.status(), 400, 'a form with no title: status');
	const titleError = page.locator('#title-error');
	assert.ok(await titleError.isVisible(), '#title-error is shown');
	assert.match(await titleError.innerText(), /标题/);
	assert.equal(norm(await field.body.inputValue()), norm(body), 'the body typed is kept');
	assert.equal(await field.district.inputValue(), typed.district, 'the district chosen is kept');
	assert.equal(await field.industry.inputValue(), industry.value, 'the industry chosen is kept');
	assert.equal(await field.source.inputValue(), typed.source, 'the source typed is kept');
	assert.equal(await field.contributor.inputValue(), typed.contributor, 'the contributor typed is kept');
	assert.equal(await field.contact.inputValue(), typed.contact, 'the contact typed is kept');
	assert.equal(await field.title.inputValue(), '');

	step('submit with the title: the confirmation and its tracking code');
	await field.title.fill(title);
	response = await clickAndLoad(page, submit);
	assert.equal(response.status(), 200, `the confirmation (${page.url()}): status`);
	const codeText = (await page.locator('.tracking-code').first().innerText()).trim();
	const code = codeText.match(/\bZS-[A-Z0-9]{3,}-[A-Z0-9]{3,}\b/i)?.[0];
	assert.ok(code, `a tracking code in .tracking-code: "${codeText}"`);
	console.log(`  tracking code ${code}`);

	step('the home page does not show it yet');
	await goto(page, '/');
	assert.ok(!(await page.content()).includes(title), 'an unapproved submission is on the home page');
	assert.equal(await page.getByRole('link', { name: title }).count(), 0);

	step('the status page says 待审核');
	await goto(page, `/submit/status?code=${encodeURIComponent(code)}`);
	assert.match(await textOf(page), /待审核/, 'status page text');

	step('the editor logs in and finds it in the queue');
	const desk = await browser.newContext({ locale: 'zh-CN' });
	const admin = await desk.newPage();
	admin.setDefaultTimeout(10_000);
	admin.setDefaultNavigationTimeout(15_000);
	current = admin;
	await goto(admin, '/admin/login');
	await admin.getByLabel('用户名').fill(editor);
	await admin.getByLabel('密码').fill(password);
	response = await clickAndLoad(admin, admin.locator('form:has([name="password"]) button[type="submit"]'));
	assert.equal(pathOf(admin), '/admin/submissions', `after login: ${admin.url()}`);
	assert.equal(response.status(), 200, 'the queue: status');
	const entry = admin.getByRole('link', { name: title, exact: true });
	assert.equal(await entry.count(), 1, 'the submission is listed once in the queue');
	const href = await entry.getAttribute('href');
	assert.match(new URL(href, admin.url()).pathname, /^\/admin\/submissions\/\d+$/, `queue link ${href}`);

	step('the editor opens it and approves it');
	await clickAndLoad(admin, entry);
	assert.match(pathOf(admin), /^\/admin\/submissions\/\d+$/);
	assert.ok((await textOf(admin)).includes(title), 'the detail page shows the title');
	response = await clickAndLoad(admin, admin.locator('form[action$="/approve"] button[type="submit"]'));
	assert.equal(response.status(), 200, `after approving (${admin.url()}): status`);
	assert.match(pathOf(admin), /^\/admin\/submissions(\/\d+)?$/, `after approving: ${admin.url()}`);
	assert.match(await textOf(admin), /已发布/, 'the notice after approving');

	step('the home page links to the article');
	current = page;
	await goto(page, '/');
	const link = page.getByRole('link', { name: title }).first();
	assert.ok(await link.isVisible(), 'the approved submission is on the home page');
	const articleHref = await link.getAttribute('href');
	assert.match(new URL(articleHref, page.url()).pathname, /^\/articles\/\d+$/, `home page link ${articleHref}`);

	step('the article page shows the title and every paragraph');
	await clickAndLoad(page, link);
	const articleText = await textOf(page);
	assert.ok(articleText.includes(title), 'the article page shows the title');
	for (const p of paragraphs)
		assert.ok(articleText.includes(p.slice(0, 30)), `the article shows the paragraph "${p.slice(0, 30)}…"`);

	step(`search for ${searchWord} finds it`);
	await goto(page, `/search?q=${encodeURIComponent(searchWord)}`);
	const hit = page.getByRole('link', { name: title });
	assert.ok(await hit.count() >= 1, `search for ${searchWord} lists the article`);
	assert.equal(new URL(await hit.first().getAttribute('href'), page.url()).pathname,
		new URL(articleHref, base).pathname, 'the search hit links to the article');

	step('the status page no longer says 待审核');
	await goto(page, `/submit/status?code=${encodeURIComponent(code)}`);
	assert.doesNotMatch(await textOf(page), /待审核/);
	console.log('ok');
} catch (err) {
	await keepArtifacts(current);
	throw err;
} finally {
	await browser.close();
}
