// Every kind of page, as a reader on a phone (390 px) and on a laptop
// (1366 px) sees it: no accessibility violation by axe-core, no HTML error
// by the Nu checker, the main navigation a tap away from every section, a
// district strip that shows it scrolls, an article's first paragraph above
// the fold on a phone, and 字号 that works without script. With
// ZS_SCREENSHOTS=DIR it also saves the main pages at both widths there
// (docs/screenshots/ is made so). Run by tests/browser/run.sh.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { accessibilityViolations, admin, assertValidHtml, goto, keepArtifacts, launch, password, pathOf, step, url }
	from './lib.mjs';

const widths = [{ name: 'phone', width: 390, height: 844 }, { name: 'laptop', width: 1366, height: 800 }];
const shots = process.env.ZS_SCREENSHOTS;

// Pages anyone sees: [path, name for a screenshot (or null), status].
const publicPages = [
	['/', 'home', 200], ['/articles/1', 'article', 200], ['/districts', 'districts', 200],
	['/districts/pudong', 'district', 200], ['/industries', 'industries', 200], ['/industries/ic', null, 200],
	['/search?q=%E6%B5%A6%E4%B8%9C', 'search', 200], ['/dashboard', 'dashboard', 200],
	['/enterprises', 'enterprises', 200], ['/enterprises/join', 'join', 200], ['/submit', 'submit', 200],
	['/submit/status', null, 200], ['/contact', 'contact', 200], ['/admin/login', null, 200],
	['/no-such-page', null, 404],
];
// Pages staff see once signed in.
const staffPages = ['/admin/submissions', '/admin/enterprises', '/admin/messages', '/admin/users', '/admin/audit',
	'/admin/banned-words', '/admin/articles/1/tags', '/admin/search-report'];

const browser = await launch();
let current;
const checked = []; // { what, html } for the Nu checker
const violations = []; // axe-core's findings on every page, reported together
const audit = async (page, what) => {
	for (const v of await accessibilityViolations(page))
		violations.push(`${what}: ${v}`);
	checked.push({ what, html: await page.content() });
};
try {
	for (const w of widths) {
		const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: w.width, height: w.height } });
		const page = await context.newPage();
		page.setDefaultTimeout(10_000);
		current = page;

		for (const [path, shot, status] of publicPages) {
			step(`${w.name}: ${path}`);
			await goto(page, path, status);
			await audit(page, `${path} at ${w.width} px`);
			if (shots && shot) {
				mkdirSync(shots, { recursive: true });
				await page.screenshot({ path: `${shots}/${shot}-${w.width}.png`, fullPage: false });
			}
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			assert.ok(overflow <= 0, `${path} at ${w.width} px is ${overflow} px wider than the screen`);
		}

		step(`${w.name}: every section is one tap away`);
		await goto(page, '/articles/1');
		const sections = page.locator('nav.main-nav a');
		const n = await sections.count();
		assert.ok(n >= 8, `${n} sections in the main navigation`);
		for (let i = 0; i < n; i++) {
			const link = page.locator('nav.main-nav a').nth(i);
			const href = await link.getAttribute('href');
			const box = await link.boundingBox();
			assert.ok(box && box.y >= 0 && box.y + box.height <= w.height && box.x >= 0 && box.x + box.width <= w.width,
				`${href} is on the first screen at ${w.width} px: ${JSON.stringify(box)}`);
			assert.ok(box.height >= 24 && box.width >= 24, `${href}'s target is big enough to tap: ${JSON.stringify(box)}`);
			await Promise.all([page.waitForNavigation(), link.tap ? link.click() : link.click()]);
			assert.equal(pathOf(page), href, `one tap on ${href} reaches it`);
			assert.equal(await page.locator(`nav.main-nav a[href="${href}"]`).getAttribute('aria-current'), 'page',
				`${href} is marked as the section being read`);
			await goto(page, '/articles/1');
		}

		if (w.name === 'phone') {
			step('phone: the district strip scrolls sideways and shows it');
			await goto(page, '/');
			const strip = page.locator('.district-nav .strip');
			const { scrollWidth, clientWidth, mask } = await strip.evaluate((el) => ({
				scrollWidth: el.scrollWidth, clientWidth: el.clientWidth,
				mask: getComputedStyle(el).maskImage || getComputedStyle(el).webkitMaskImage,
			}));
			assert.ok(scrollWidth > clientWidth, 'more districts than fit: the strip scrolls');
			assert.match(mask, /gradient/, 'its edge fades out, showing there is more');
			const last = strip.locator('li').last();
			assert.ok(!(await last.isVisible()) || (await last.boundingBox()).x >= w.width,
				'the last district starts off the screen');
			await strip.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
			const after = await last.boundingBox();
			assert.ok(after.x + after.width <= w.width + 1, 'scrolled, the last district comes into view');

			step('phone: an article opens on its text, not on its figures');
			await goto(page, '/articles/1');
			const first = await page.locator('.story-body p').first().boundingBox();
			assert.ok(first && first.y < w.height, `the first paragraph starts at y=${first && first.y}, above ${w.height}`);
			const facts = page.locator('.facts-panel');
			if (await facts.count())
				assert.ok((await facts.boundingBox()).y > first.y, 'the key facts come after the text');
		}

		step(`${w.name}: 字号 大/中/小 changes the text, without script`);
		await goto(page, '/articles/1');
		const size = () => page.locator('.story-body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		const medium = await size();
		await page.locator('label[for="fs-large"]').click();
		const large = await size();
		await page.locator('label[for="fs-small"]').click();
		const small = await size();
		assert.ok(large > medium && medium > small, `sizes ${small} < ${medium} < ${large}`);

		if (w.name === 'laptop') {
			step('print: the text alone, without the site around it');
			await goto(page, '/articles/1');
			await page.emulateMedia({ media: 'print' });
			for (const hidden of ['.site-header', '.side', '.site-footer nav', '.font-size'])
				assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
			assert.ok(await page.locator('.story-body p').first().isVisible(), 'the text is printed');
			await page.emulateMedia({ media: 'screen' });
		}

		step(`${w.name}: staff pages`);
		await goto(page, '/admin/login');
		await page.getByLabel('用户名').fill(admin);
		await page.getByLabel('密码').fill(password);
		await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '登录' }).click()]);
		assert.equal(pathOf(page), '/admin/submissions', 'signed in');
		for (const path of staffPages) {
			step(`${w.name}: ${path}`);
			await goto(page, path);
			await audit(page, `${path} at ${w.width} px`);
		}
		await context.close();
	}

	step(`the Nu HTML checker over ${checked.length} pages`);
	let invalid = '';
	try {
		assertValidHtml(checked);
	} catch (e) {
		invalid = e.message;
	}
	assert.deepEqual(violations, [], `axe-core found:\n${violations.join('\n')}\n${invalid}`);
	assert.equal(invalid, '');
	console.log('ok');
} catch (e) {
	await keepArtifacts(current);
	throw e;
} finally {
	await browser.close();
}
