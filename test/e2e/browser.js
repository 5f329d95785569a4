'use strict';
/**
 * Browser suite for `npm run test:e2e`: Debian Chromium driven by playwright-core (never a
 * downloaded browser), against a running n8n on 127.0.0.1. Every request to a host other than
 * the loopback is aborted.
 *
 * For every node the build provides: find it in the node panel, open the operation named in
 * test/e2e/checks.js (`ui.action`) and check that its parameters render; then, through the
 * node's credential selector, create a credential with the sandbox data and save it (n8n tests
 * it on save: "Connection tested successfully"), press the test button ("Retry") once more, then
 * save it with a wrong secret and expect "Couldn’t connect with these settings". Screenshots
 * go to test-artifacts/. Finally every imported example workflow is opened: all its nodes are on
 * the canvas and none shows parameter/credential issues.
 */
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const { CHROMIUM } = require('../../scripts/lib/runtimes');
const pkg = require('../../scripts/lib/package');
const { VENDOR_CHECKS } = require('./checks');

const LAUNCH_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const UI_TIMEOUT = 30000;
const debug = process.env.E2E_DEBUG ? (...args) => console.log(`    [browser ${new Date().toISOString().slice(11, 23)}]`, ...args) : () => {};
const TEST_OK = 'Connection tested successfully';
const TEST_FAILED = /Couldn.t connect with these settings/;

async function runBrowserSuite({ n8n, label, planned, discovered, results, artifactsDir }) {
	// Screenshots of an earlier run would be mistaken for this run's.
	for (const file of fs.readdirSync(artifactsDir)) {
		if (file.startsWith(`${label}-`) && file.endsWith('.png')) fs.rmSync(path.join(artifactsDir, file));
	}
	const shot = (page, name) => page.screenshot({ path: path.join(artifactsDir, `${label}-${name}.png`) }).catch(() => {});
	const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
	const blocked = new Set();
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		context.setDefaultTimeout(UI_TIMEOUT);
		await context.route('**/*', (route) => {
			const url = new URL(route.request().url());
			if (['data:', 'blob:'].includes(url.protocol) || LOOPBACK.has(url.hostname)) return route.continue();
			blocked.add(url.host);
			return route.abort('blockedbyclient');
		});
		const page = await context.newPage();

		const loggedIn = await results.check(`${label} browser: log in`, async () => {
			await page.goto(`${n8n.baseUrl}/signin`);
			await page.locator('[data-test-id="emailOrLdapLoginId"] input, input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(n8n.owner.email);
			await page.locator('[data-test-id="password"] input, input[name="password"]').first().fill(n8n.owner.password);
			await page.locator('[data-test-id="form-submit-button"]').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
			await shot(page, 'home');
			return true;
		});
		if (!loggedIn) return;

		await page.goto(`${n8n.baseUrl}/workflow/new`);
		let firstNode = true;
		for (const vendor of planned.testable.filter((v) => v.hasNode)) {
			const { description } = discovered.nodes[vendor.node];
			const ui = VENDOR_CHECKS[vendor.node] && VENDOR_CHECKS[vendor.node].ui;
			const prefix = `${label} browser: ${description.displayName}`;
			if (!ui) {
				results.fail(`${prefix}`, `test/e2e/checks.js has no ui entry for ${vendor.node}`);
				continue;
			}

			const shown = [...(ui.parameters || []), ...(ui.labels || []).map((l) => `"${l}"`)].join(', ');
			const opened = await results.check(`${prefix} is in the node panel; "${ui.action}" shows ${shown}`, async () => {
				try {
					await openNodeCreator(page, firstNode);
					await page.locator('[data-test-id="node-creator-search-bar"]').fill(description.displayName);
					await page
						.locator('[data-test-id="node-creator-item-name"]')
						.getByText(description.displayName, { exact: true })
						.first()
						.click();
					const action = page.locator('[data-test-id="node-creator"]').getByText(ui.action, { exact: true }).first();
					await expandActions(page, action);
					await action.click();
					firstNode = false;
					const ndv = page.locator('[data-test-id="ndv"]');
					await ndv.waitFor();
					for (const parameter of ui.parameters || []) {
						await ndv.locator(`[data-test-id="parameter-input-${parameter}"]`).first().waitFor();
					}
					for (const label of ui.labels || []) {
						await ndv.getByText(label, { exact: true }).first().waitFor();
					}
					await shot(page, `${vendor.node}-parameters`);
					return true;
				} catch (error) {
					await shot(page, `${vendor.node}-parameters-FAILED`);
					throw error;
				}
			});
			if (!opened) {
				await page.keyboard.press('Escape').catch(() => {});
				continue;
			}

			const credential = planned.credentials.find((c) => c.type === vendor.credential);
			if (credential) {
				const { credential: instance } = discovered.credentials[vendor.credential];
				await results.check(`${prefix}: new ${vendor.credential} credential tests OK against the sandbox, fails with a wrong secret`, async () => {
					try {
						await page.locator('[data-test-id="node-credentials-select"]').first().click();
						await page.locator('[data-test-id="node-credentials-select-item-new"]').click();
						const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
						await dialog.waitFor();
						debug('dialog open');
						await fillCredential(dialog, instance, credential.data);
						debug('filled');
						const save = page.locator('[data-test-id="credential-save-button"]');
						await expectTest(page, () => save.click(), 'OK');
						// n8n 2.x closes the dialog after a successful test: open the credential again.
						await dialog.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
						if (!(await dialog.isVisible())) {
							await page.locator('[data-test-id="credential-edit-button"]').first().click();
							await dialog.waitFor();
						}
						await page.getByText(TEST_OK).waitFor();
						debug('saved + tested OK');
						// The test button ("Retry" on the result banner) runs the test again.
						await expectTest(page, () => page.getByRole('button', { name: 'Retry' }).first().click(), 'OK');
						await page.getByText(TEST_OK).waitFor();
						debug('retried OK');
						await shot(page, `${vendor.node}-credential-ok`);
						const wrong = pkg.withWrongSecrets(instance, credential.data);
						await fillCredential(dialog, instance, wrong.data, wrong.fields);
						debug('filled wrong');
						await expectTest(page, () => save.click(), 'Error');
						await page.getByText(TEST_FAILED).waitFor();
						debug('wrong secret fails');
						await shot(page, `${vendor.node}-credential-wrong-secret`);
					} catch (error) {
						await shot(page, `${vendor.node}-credential-FAILED`);
						throw error;
					} finally {
						await closeModals(page);
					}
				});
			}
			await closeModals(page);
		}
		for (const vendor of planned.testable.filter((v) => discovered.nodes[`${v.node}Trigger`])) {
			const { description } = discovered.nodes[`${vendor.node}Trigger`];
			await results.check(`${label} browser: ${description.displayName} is in the node panel under ${vendor.vendor}, with its events`, async () => {
				try {
					await checkTriggerInPanel(page, n8n, description, vendor.vendor);
					await shot(page, `${vendor.node}Trigger-panel`);
				} catch (error) {
					await shot(page, `${vendor.node}Trigger-panel-FAILED`);
					throw error;
				} finally {
					await closeModals(page);
				}
			});
		}
		for (const workflow of planned.examples || []) {
			await results.check(`${label} browser: example "${workflow.name}" opens with every node and no node issues`, async () => {
				try {
					await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}`);
					await page.locator('[data-test-id="canvas-node"]').first().waitFor();
					const rendered = await page
						.locator('[data-test-id="canvas-node"]')
						.evaluateAll((els) =>
							els.map((el) => ({ name: el.getAttribute('data-node-name'), issues: Boolean(el.querySelector('[data-test-id="node-issues"]')) })),
						);
					const expected = workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote').map((n) => n.name);
					const missing = expected.filter((name) => !rendered.some((r) => r.name === name));
					if (missing.length) throw new Error(`not on the canvas: ${missing.join(', ')}`);
					const withIssues = rendered.filter((r) => r.issues).map((r) => r.name);
					if (withIssues.length) throw new Error(`nodes with issues: ${withIssues.join(', ')}`);
					await shot(page, `example-${workflow.id}`);
				} catch (error) {
					await shot(page, `example-${workflow.id}-FAILED`);
					throw error;
				}
			});
		}
		if (blocked.size) console.log(`    (blocked requests the editor tried to send to: ${[...blocked].join(', ')})`);
	} finally {
		await browser.close();
	}
}

/** Do `action` and expect the editor's POST /rest/credentials/test to answer `status`. */
async function expectTest(page, action, status) {
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/rest/credentials/test')),
		action(),
	]);
	const body = await response.json().catch(() => undefined);
	const answer = body && body.data;
	if (!answer || answer.status !== status) {
		throw new Error(`credential test answered ${JSON.stringify(answer || body)} (HTTP ${response.status()}), expected status ${status}`);
	}
}

/**
 * A vendor that also has a trigger shows "Triggers (N)" first and "Actions (N)" folded on an
 * empty canvas: unfold the actions when the wanted one is not showing.
 */
async function expandActions(page, action) {
	const header = page.locator('[data-test-id="node-creator"]').getByText(/^Actions \(\d+\)$/).last();
	for (let attempt = 0; attempt < 3; attempt += 1) {
		// The panel slides in and renders its lists a moment later: give the action time first.
		if (await action.waitFor({ timeout: 3000 }).then(() => true, () => false)) return;
		if (await header.isVisible()) await header.click();
	}
}

/**
 * On a new workflow the node panel offers triggers: searching the vendor's name lists its
 * trigger; choosing it shows the trigger's events (n8n lists them as actions) or opens the node.
 */
async function checkTriggerInPanel(page, n8n, description, vendorName) {
	await page.goto(`${n8n.baseUrl}/workflow/new`);
	await openNodeCreator(page, true);
	await page.locator('[data-test-id="node-creator-search-bar"]').fill(vendorName);
	const escaped = vendorName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	await page
		.locator('[data-test-id="node-creator-item-name"]')
		.getByText(new RegExp(`^${escaped}( Trigger)?$`))
		.first()
		.click();
	const events = description.properties
		.filter((p) => ['event', 'events'].includes(p.name) && Array.isArray(p.options))
		.flatMap((p) => p.options.map((o) => o.name));
	const creator = page.locator('[data-test-id="node-creator"]');
	const ndv = page.locator('[data-test-id="ndv"]');
	const deadline = Date.now() + UI_TIMEOUT;
	while (Date.now() < deadline) {
		if (await ndv.isVisible()) {
			await ndv.getByText(description.displayName).first().waitFor();
			return;
		}
		const text = (await creator.isVisible()) ? await creator.innerText() : '';
		if (events.some((name) => text.toLowerCase().includes(name.toLowerCase()))) return;
		await page.waitForTimeout(250);
	}
	throw new Error(`neither the events (${events.join(', ')}) nor the ${description.displayName} node showed up`);
}

async function openNodeCreator(page, emptyCanvas) {
	const selector = emptyCanvas ? '[data-test-id="canvas-add-button"]' : '[data-test-id="node-creator-plus-button"]';
	await page.locator(selector).first().click();
	await page.locator('[data-test-id="node-creator-search-bar"]').waitFor();
}

/** Fill the credential dialog: every listed field, or all fields present in `data`. */
async function fillCredential(dialog, instance, data, only) {
	for (const property of instance.properties) {
		if (only && !only.includes(property.name)) continue;
		if (data[property.name] === undefined || typeof data[property.name] !== 'string') continue;
		const input = dialog.locator(`[data-test-id="parameter-input-${property.name}"] input`).first();
		if (!(await input.count())) continue;
		await input.fill(data[property.name]);
	}
}

/** Close the credential dialog and the node view, ending on the canvas. */
async function closeModals(page) {
	debug('closing modals');
	const quick = { timeout: 5000 };
	const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
	if (await dialog.isVisible()) {
		await page.locator('.el-dialog:has([data-test-id="credential-edit-dialog"]) button[aria-label="Close this dialog"]').click(quick).catch(() => {});
		await dialog.waitFor({ state: 'hidden', ...quick }).catch(() => {});
	}
	if (await dialog.isVisible()) await page.keyboard.press('Escape');
	// The node view's close control: "Back to canvas" (n8n 1.x) or a close button (2.x).
	const close = page.locator('[data-test-id="back-to-canvas"], [data-test-id="ndv-close-button"]');
	if (await close.first().isVisible()) {
		await close.first().click(quick).catch(() => {});
		await page.locator('[data-test-id="ndv"]').waitFor({ state: 'hidden', ...quick }).catch(() => {});
	}
	debug('modals closed');
}

module.exports = { runBrowserSuite };
