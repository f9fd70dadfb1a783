// What the browser tests share: the server run.sh started, Debian's
// Chromium, page steps, and keeping the page a failure happened on.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const base = process.env.BASE_URL;
export const editor = process.env.ZS_EDITOR;
export const admin = process.env.ZS_ADMIN;
export const password = process.env.ZS_PASSWORD;
assert.ok(base && editor && password, 'BASE_URL, ZS_EDITOR and ZS_PASSWORD must be set');

// Debian's chromium, headless, with nothing that reaches the network.
export const launch = () => chromium.launch({
	executablePath: '/usr/bin/chromium',
	headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

export const step = (what) => console.log(`- ${what}`);
export const url = (path) => new URL(path, base).href;
export const pathOf = (page) => new URL(page.url()).pathname;
export const textOf = async (page) => (await page.locator('body').innerText()).replace(/\s+/g, ' ');

// Clicks and waits for the page it loads; returns that page's response.
export async function clickAndLoad(page, locator) {
	const [response] = await Promise.all([page.waitForNavigation(), locator.click()]);
	assert.ok(response, `no response after clicking ${locator}`);
	return response;
}

export async function goto(page, path, status = 200) {
	const response = await page.goto(url(path));
	assert.equal(response.status(), status, `GET ${path}: status`);
	return response;
}

// Saves page's HTML and a screenshot in ZS_ARTIFACTS, for a failure.
export async function keepArtifacts(page) {
	const dir = process.env.ZS_ARTIFACTS;
	if (!dir || !page || page.isClosed())
		return;
	try {
		mkdirSync(dir, { recursive: true });
		writeFileSync(`${dir}/page.html`, `<!-- ${page.url()} -->\n` + await page.content());
		await page.screenshot({ path: `${dir}/page.png`, fullPage: true, timeout: 5000 });
		console.log(`at ${page.url()}; its HTML and a screenshot are in ${dir}/`);
	} catch (e) {
		console.log(`no screenshot: ${e.message}`);
	}
}

// Accessibility: axe-core's rules (WCAG 2.x A and AA, and its best
// practices) on the page as it stands; throws listing every violation.
// Evaluated through the DevTools protocol, so the page's own CSP, which
// allows no inline script, is left as it is.
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function accessibilityViolations(page) {
	if (!(await page.evaluate('typeof window.axe')).startsWith('object'))
		await page.evaluate(axeSource);
	const result = await page.evaluate(() => window.axe.run(document, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
	}));
	return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ` +
		v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ') +
		(v.nodes.length > 3 ? `; and ${v.nodes.length - 3} more` : ''));
}

export async function assertAccessible(page, what) {
	const found = await accessibilityViolations(page);
	assert.deepEqual(found, [], `axe-core on ${what}:\n${found.join('\n')}`);
}

// HTML validity: the Nu HTML checker (vnu-jar, on the machine's Java) over
// pages saved as files; one run for them all, since a JVM takes a second
// to start. pages: [{ what, html }]. Throws listing every error.
export function assertValidHtml(pages) {
	const dir = `${process.env.TMPDIR || '/tmp'}/vnu-${process.pid}`;
	mkdirSync(dir, { recursive: true });
	const files = pages.map((p, i) => {
		const file = `${dir}/${i}.html`;
		writeFileSync(file, p.html);
		return file;
	});
	const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
	let out;
	try {
		out = execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--stdout', ...files],
			{ encoding: 'utf8', maxBuffer: 64 << 20 });
	} catch (e) {
		out = e.stdout; // exit 1 when there are errors
	}
	const messages = JSON.parse(out).messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
	const found = messages.map((m) => {
		const i = files.indexOf(new URL(m.url).pathname);
		return `${i >= 0 ? pages[i].what : m.url}:${m.lastLine}: ${m.message}`;
	});
	assert.deepEqual(found, [], `Nu HTML checker:\n${found.join('\n')}`);
}
