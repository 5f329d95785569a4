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
const { waitFor } = require('../../scripts/lib/util');
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
const UI_TIMEOUT = 60000;
/** The steps of the current browser check, with their times: a failure lists them (E2E_DEBUG=1 prints them as they go). */
const trail = [];
const debug = (step) => {
	const at = new Date().toISOString().slice(11, 23);
	trail.push(`${at} ${step}`);
	if (process.env.E2E_DEBUG) console.log(`    [browser ${at}] ${step}`);
};
const TEST_OK = 'Connection tested successfully';
const TEST_FAILED = /Couldn.t connect with these settings/;

async function runBrowserSuite({ n8n, label, planned, discovered, results, artifactsDir }) {
	// Screenshots of an earlier run would be mistaken for this run's.
	for (const file of fs.readdirSync(artifactsDir)) {
		if (file.startsWith(`${label}-`) && file.endsWith('.png')) fs.rmSync(path.join(artifactsDir, file));
	}
	/** Save a screenshot; returns its path (for failure messages), or why there is none. */
	const shot = async (page, name) => {
		const file = path.join(artifactsDir, `${label}-${name}.png`);
		return page.screenshot({ path: file }).then(
			() => path.relative(process.cwd(), file),
			(error) => `no screenshot (${error.message.split('\n')[0]})`,
		);
	};
	/** Rethrow a browser check's error with the screenshot of the moment it failed and the steps it had made. */
	const failWithShot = async (page, name, error) => {
		const where = await shot(page, name);
		const steps = trail.length ? `\nsteps: ${trail.join(' → ')}` : '';
		if (error instanceof Error) error.message = `${error.message}\nscreenshot: ${where}${steps}`;
		throw error;
	};
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
				trail.length = 0;
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
					await failWithShot(page, `${vendor.node}-parameters-FAILED`, error);
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
					trail.length = 0;
					debug('start');
					try {
						await page.locator('[data-test-id="node-credentials-select"]').first().click();
						debug('credential selector open');
						await page.locator('[data-test-id="node-credentials-select-item-new"]').click();
						const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
						await dialog.waitFor();
						debug('dialog open');
						const secrets = pkg.secretFields(instance);
						// A new credential holds its fields' defaults.
						const defaults = Object.fromEntries(instance.properties.map((p) => [p.name, p.default]));
						const typed = await fillCredential(dialog, instance, credential.data, { current: defaults });
						debug('filled');
						const save = page.locator('[data-test-id="credential-save-button"]');
						await expectTest(page, () => save.click(), 'OK', typed, secrets);
						// n8n 2.x closes a dialog opened from a node's credential selector once its
						// test succeeds (the modal's closeOnSave); 1.x keeps it open. Open it again.
						if (n8n.runtime.major >= 2) {
							await dialog.waitFor({ state: 'hidden' });
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
						// A saved credential's dialog shows its secrets masked: only the non-secret fields are compared first.
						const shown = Object.fromEntries(Object.entries(typed).filter(([name]) => !secrets.includes(name)));
						const typedWrong = await fillCredential(dialog, instance, wrong.data, { only: wrong.fields, current: shown });
						debug('filled wrong');
						await expectTest(page, () => save.click(), 'Error', typedWrong, secrets);
						await page.getByText(TEST_FAILED).waitFor();
						debug('wrong secret fails');
						await shot(page, `${vendor.node}-credential-wrong-secret`);
					} catch (error) {
						await failWithShot(page, `${vendor.node}-credential-FAILED`, error);
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
				trail.length = 0;
				try {
					await checkTriggerInPanel(page, n8n, description, vendor.vendor);
					await shot(page, `${vendor.node}Trigger-panel`);
				} catch (error) {
					await failWithShot(page, `${vendor.node}Trigger-panel-FAILED`, error);
				} finally {
					await closeModals(page);
				}
			});
		}
		for (const workflow of planned.examples || []) {
			await results.check(`${label} browser: example "${workflow.name}" opens with every node and no node issues`, async () => {
				trail.length = 0;
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
					await failWithShot(page, `example-${workflow.id}-FAILED`, error);
				}
			});
		}
		if (blocked.size) console.log(`    (blocked requests the editor tried to send to: ${[...blocked].join(', ')})`);
	} finally {
		await browser.close();
	}
}

/**
 * Do `action` (a save or a retest) and expect the editor's POST /rest/credentials/test to answer
 * `status`. The test must carry the values just typed (`data`, by field): a failure shows what was
 * tested (the `secrets` fields only as "as typed" or "NOT as typed") and what n8n answered.
 */
async function expectTest(page, action, status, data = {}, secrets = []) {
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/rest/credentials/test')),
		action(),
	]);
	const sent = (JSON.parse(response.request().postData() || '{}').credentials || {}).data || {};
	const body = await response.json().catch(() => undefined);
	const answer = body && body.data;
	const fields = Object.keys(data);
	const shown = fields.map((name) =>
		secrets.includes(name) ? `${name}: ${sent[name] === data[name] ? 'as typed' : 'NOT as typed'}` : `${name}: ${JSON.stringify(sent[name])}`,
	);
	if (!answer || answer.status !== status) {
		throw new Error(`credential test answered ${JSON.stringify(answer || body)} (HTTP ${response.status()}), expected status ${status}; it tested { ${shown.join(', ')} }`);
	}
	const differs = fields.filter((name) => sent[name] !== data[name]);
	if (differs.length) throw new Error(`the editor tested other values than the ones typed: { ${shown.join(', ')} }`);
}

/**
 * A vendor that also has a trigger lists "Actions (N)" and "Triggers (N)" as categories, each
 * folded or not (n8n's `data-category-collapsed`): unfold the actions when they are folded.
 */
async function expandActions(page, action) {
	const header = /^Actions \(\d+\)$/;
	const category = page.locator('[data-test-id="node-creator"] [data-category-collapsed]').filter({ has: page.getByText(header) }).first();
	// A node without a trigger lists its actions with no category around them.
	await action.or(category).first().waitFor();
	if ((await category.count()) && (await category.getAttribute('data-category-collapsed')) === 'true') {
		await category.getByText(header).first().click();
	}
	await action.waitFor();
}

/**
 * On a new workflow the node panel offers triggers: searching the vendor's name lists its
 * trigger; choosing it shows the trigger's events (n8n lists them as actions) or opens the node.
 */
/** `text` as a literal inside a regular expression. */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function checkTriggerInPanel(page, n8n, description, vendorName) {
	await page.goto(`${n8n.baseUrl}/workflow/new`);
	await openNodeCreator(page, true);
	await page.locator('[data-test-id="node-creator-search-bar"]').fill(vendorName);
	await page
		.locator('[data-test-id="node-creator-item-name"]')
		.getByText(new RegExp(`^${escape(vendorName)}( Trigger)?$`))
		.first()
		.click();
	const events = description.properties
		.filter((p) => ['event', 'events'].includes(p.name) && Array.isArray(p.options))
		.flatMap((p) => p.options.map((o) => o.name));
	const ndv = page.locator('[data-test-id="ndv"]');
	const event = page.locator('[data-test-id="node-creator"]').getByText(new RegExp(events.map(escape).join('|') || '^$', 'i')).first();
	try {
		await (events.length ? event.or(ndv).first() : ndv).waitFor();
	} catch (error) {
		throw new Error(`neither the events (${events.join(', ')}) nor the ${description.displayName} node showed up: ${error.message.split('\n')[0]}`);
	}
	if (await ndv.isVisible()) await ndv.getByText(description.displayName).first().waitFor();
}

async function openNodeCreator(page, emptyCanvas) {
	const selector = emptyCanvas ? '[data-test-id="canvas-add-button"]' : '[data-test-id="node-creator-plus-button"]';
	await page.locator(selector).first().click();
	await page.locator('[data-test-id="node-creator-search-bar"]').waitFor();
}

/**
 * Fill the credential dialog (every listed field, or all fields present in `data`) and check that
 * the editor holds the values.
 *
 * A new credential's dialog shows its inputs a moment before the editor puts the fields' defaults
 * into them. Playwright's fill selects the input's text, then inserts the new text: a default
 * that arrives in between is not selected, and the typed Base URL lands after it
 * ("https://api.sailthru.comhttp://127.0.0.1:…/sailthru", whose host does not resolve: n8n's
 * "The connection cannot be established", issue 21). So every field first shows what the editor
 * holds for it (`current`, by field: the defaults of a new credential) before anything is typed,
 * and each input must show exactly what was typed after. Then the dialog's Details tab and back
 * mounts the inputs anew from the editor's data, and each must still show it.
 */
async function fillCredential(dialog, instance, data, { only, current }) {
	const fields = instance.properties.filter(
		(property) => (!only || only.includes(property.name)) && typeof data[property.name] === 'string',
	);
	if (fields.length === 0) throw new Error(`none of the fields ${Object.keys(data).join(', ')} is in the credential dialog`);
	const input = (name) => dialog.locator(`[data-test-id="parameter-input-${name}"] input`).first();
	const secret = new Set(pkg.secretFields(instance));
	/** Wait until the field's input shows `value`; a failure says what it shows (a secret only by its length). */
	const shows = async (name, value, what) => {
		try {
			await waitFor(`"${name}"`, async () => (await input(name).inputValue()) === value, { timeoutMs: UI_TIMEOUT, intervalMs: 100 });
		} catch {
			const shown = await input(name).inputValue().catch((error) => `(no input: ${error.message.split('\n')[0]})`);
			throw new Error(`the credential dialog's "${name}" did not show ${what} within ${UI_TIMEOUT} ms; it shows ${secret.has(name) ? `${shown.length} characters` : JSON.stringify(shown)}`);
		}
	};
	for (const { name } of instance.properties) {
		if (typeof current[name] === 'string') await shows(name, current[name], 'what the editor holds for it');
	}
	debug('defaults shown');
	for (const { name } of fields) {
		await input(name).fill(data[name]);
		await shows(name, data[name], 'what was typed');
	}
	debug('typed');
	const tab = (name) => dialog.locator('[data-test-id="menu-item"]').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) }).first();
	await tab('Details').click();
	await dialog.locator(`[data-test-id="parameter-input-${fields[0].name}"]`).waitFor({ state: 'detached' });
	await tab('Connection').click();
	for (const { name } of fields) await shows(name, data[name], 'what was typed, once mounted again');
	debug('kept');
	return Object.fromEntries(fields.map(({ name }) => [name, data[name]]));
}

/** Close the credential dialog and the node view, ending on the canvas. */
async function closeModals(page) {
	debug('closing modals');
	const quick = { timeout: UI_TIMEOUT };
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
