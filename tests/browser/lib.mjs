// What the browser tests share: the server run.sh started, Debian's
// Chromium, page steps, and keeping the page a failure happened on.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const base = process.env.BASE_URL;
export const editor = process.env.ZS_EDITOR;
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
