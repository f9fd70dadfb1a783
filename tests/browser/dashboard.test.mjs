// A reader opens the data monitor (/dashboard) on a 390-px phone and on a
// 1366-px screen (issue 13) and sees figures that do not mislead: every
// label and value of a chart is text of at least 11 px in a cell of its
// own, never on top of its bar, and the page does not scroll sideways; a
// district whose articles disclosed no investment reads 未披露 / —, not
// 0元; output is shown apart from investment; the month axis has every
// month; the charts are sorted and hold no focusable link hidden from
// screen readers. A reversed date range chosen in the form gets a message
// saying so, and its link puts the range the right way round.
// Run by tests/browser/run.sh, which starts the server on the demo corpus
// and passes BASE_URL (and ZS_ARTIFACTS for failure screenshots).
import assert from 'node:assert/strict';
import { clickAndLoad, goto, keepArtifacts, launch, step, textOf } from './lib.mjs';

const screens = {
	phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' },
	desktop: { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' },
};
const MIN_FONT_PX = 11;

// The width of the document against the viewport's: no sideways scrolling.
async function assertNoSidewaysScroll(page, where) {
	const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
	assert.ok(scroll <= inner, `${where}: the page is ${scroll} px wide in a ${inner} px window`);
}

// What the charts show, as a reader's eyes would measure it.
const chartsAsSeen = (page) => page.$$eval('.chart', (charts) => charts.map((chart) => {
	const px = (el) => parseFloat(getComputedStyle(el).fontSize);
	const box = (el) => el.getBoundingClientRect();
	const rows = [...chart.querySelectorAll('.bar-row')].map((row) => {
		const [label, bar, value] = [row.querySelector('.bar-label'), row.querySelector('.bar'), row.querySelector('.bar-value')];
		const rect = bar.querySelector('rect');
		return {
			label: label.textContent, value: value.textContent,
			labelPx: px(label), valuePx: px(value),
			labelRight: box(label).right, barLeft: box(bar).left, barRight: box(bar).right, valueLeft: box(value).left,
			drawnRight: rect.getBoundingClientRect().right, drawnWidth: rect.getBoundingClientRect().width,
		};
	});
	const texts = [...chart.querySelectorAll('.chart-caption, .tick')].map((t) => ({ text: t.textContent, px: px(t) }));
	return { caption: chart.querySelector('.chart-caption').textContent, rows, texts, right: box(chart).right };
}));

const count = (text) => parseInt(text, 10);

const browser = await launch();
let current;
try {
	for (const [name, screen] of Object.entries(screens)) {
		const context = await browser.newContext(screen);
		const page = await context.newPage();
		page.setDefaultTimeout(10_000);
		current = page;

		step(`${name}: /dashboard fits the screen`);
		await goto(page, '/dashboard');
		await assertNoSidewaysScroll(page, `${name} /dashboard`);
		const width = screen.viewport.width;

		step(`${name}: chart labels and values are readable text beside their bars`);
		const charts = await chartsAsSeen(page);
		assert.ok(charts.length >= 5, `districts ×2, industries ×2, months: ${charts.length} charts`);
		for (const chart of charts) {
			assert.ok(chart.right <= width, `${chart.caption}: within the ${width} px screen`);
			for (const t of chart.texts)
				assert.ok(t.px >= MIN_FONT_PX, `${chart.caption}: "${t.text}" at ${t.px} px`);
			for (const r of chart.rows) {
				assert.ok(r.labelPx >= MIN_FONT_PX && r.valuePx >= MIN_FONT_PX,
					`${chart.caption}: ${r.label} at ${r.labelPx} px, ${r.value} at ${r.valuePx} px`);
				assert.ok(r.labelRight <= r.barLeft + 0.5, `${chart.caption}: the label ${r.label} runs into its bar`);
				assert.ok(r.drawnRight <= r.valueLeft + 0.5, `${chart.caption}: the bar of ${r.label} runs into ${r.value}`);
			}
		}

		step(`${name}: bars are sorted, largest first, with 未披露 last`);
		const byCaption = (start) => charts.find((c) => c.caption.startsWith(start));
		for (const caption of ['各区文章数', '各行业文章数']) {
			const values = byCaption(caption).rows.map((r) => count(r.value));
			assert.deepEqual(values, [...values].sort((a, b) => b - a), `${caption}: ${values.join(' ')}`);
		}
		const money = byCaption('各区公布投资额').rows;
		assert.equal(money.length, 16, 'all 16 districts');
		const firstNone = money.findIndex((r) => r.value === '未披露');
		assert.ok(firstNone > 0, 'some districts disclosed an investment and some did not');
		assert.ok(money.slice(firstNone).every((r) => r.value === '未披露' && r.drawnWidth === 0),
			'undisclosed districts come last, with no bar');
		assert.ok(money.slice(0, firstNone).every((r) => r.drawnWidth > 0), 'every disclosed amount has a bar');
		for (let i = 1; i < money.length; i++)
			assert.ok(money[i - 1].drawnWidth >= money[i].drawnWidth, `${money[i - 1].label} before ${money[i].label}`);

		step(`${name}: a district without an amount reads 未披露, not 0元`);
		const text = await textOf(page);
		assert.doesNotMatch(text, /(^|[^0-9.])0元/, 'no 0元 on the page');
		// 黄浦's demo article states only a subsidy cap and registered capital.
		assert.equal(money.find((r) => r.label === '黄浦').value, '未披露');
		const huangpu = page.locator('table.data tr').filter({ has: page.getByRole('link', { name: '黄浦区', exact: true }) }).first();
		assert.match(await huangpu.innerText(), /—/, 'the table says — for 黄浦');

		step(`${name}: output is shown apart from investment`);
		const cards = await page.locator('.totals > div').allInnerTexts();
		assert.ok(cards.some((c) => /公布投资/.test(c)), `a card for investment: ${cards.join(' | ')}`);
		assert.ok(cards.some((c) => /产值\/营收/.test(c) && /不计入投资/.test(c)), 'output apart, not investment');
		assert.ok(await page.getByRole('table', { name: /各区其他公布金额：不计入投资/ }).isVisible(),
			'a table of the other amounts, labelled as not investment');

		step(`${name}: the month axis has every month`);
		const months = await page.getByRole('table', { name: /每月文章数与公布投资/ }).locator('tbody th').allInnerTexts();
		const index = (m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
		for (let i = 1; i < months.length; i++)
			assert.equal(index(months[i]), index(months[i - 1]) + 1, `${months[i]} follows ${months[i - 1]}`);
		assert.equal(await page.locator('.chart.months .column').count(), months.length, 'one column a month');

		step(`${name}: no focusable element is hidden from screen readers`);
		const hiddenFocusable = await page.$$eval('[aria-hidden="true"], [role="img"]', (hidden) => hidden.flatMap((h) =>
			[...h.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].map((e) => e.outerHTML.slice(0, 80))));
		assert.deepEqual(hiddenFocusable, []);

		step(`${name}: a reversed date range chosen in the form is named, with the way out`);
		const form = page.locator('form[action="/dashboard"]');
		await form.getByLabel('起始日期').fill('2025-09-01');
		await form.getByLabel('截止日期').fill('2025-03-01');
		const response = await clickAndLoad(page, form.getByRole('button', { name: '筛选' }));
		assert.equal(response.status(), 400, 'a reversed range: status');
		const alert = page.getByRole('alert');
		assert.ok(await alert.isVisible(), 'the message is shown');
		assert.match(await alert.innerText(), /起始日期 2025-09-01 晚于截止日期 2025-03-01/);
		assert.equal(await page.locator('.chart').count(), 0, 'no all-zero charts');
		assert.equal(await form.getByLabel('起始日期').inputValue(), '2025-09-01', 'the dates chosen are kept');
		await assertNoSidewaysScroll(page, `${name} reversed range`);
		await clickAndLoad(page, page.getByRole('link', { name: '对调两个日期后查看' }));
		assert.equal(await form.getByLabel('起始日期').inputValue(), '2025-03-01');
		assert.equal(await form.getByLabel('截止日期').inputValue(), '2025-09-01');
		assert.ok(await page.locator('.chart').count() >= 5, 'the charts of the range the right way round');
		await context.close();
	}
	console.log('ok');
} catch (err) {
	await keepArtifacts(current);
	throw err;
} finally {
	await browser.close();
}
