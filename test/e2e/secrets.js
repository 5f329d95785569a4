'use strict';
/**
 * The credential test path in real n8n (issue 10): n8n itself runs a credential's `test.request`
 * (RoutingNode inside its CredentialsTester) and builds the error, so none of our hooks run there.
 * A vendor (or a proxy) that echoes the request back in its error answer would put the secret in
 * that error. This check makes the sandbox do exactly that for every credential, with secrets that
 * take a different form in every encoding, then looks for every form of them in what n8n answers
 * POST /rest/credentials/test and in every line n8n logs meanwhile (n8n runs at debug level here).
 * (n8n 1.x logs a failed test's whole error, vendor body included, at debug level: that is why
 * our credentials' tests read every answer as a body and judge it with `rules`.)
 */
const fs = require('node:fs');
const path = require('node:path');

const { ROOT, stripColours } = require('../../scripts/lib/util');
const pkg = require('../../scripts/lib/package');
const { readFrom } = require('../../scripts/lib/n8n');

// Spaces and RFC 3986 reserved characters: raw, URI, form and RFC 3986 forms all differ.
const SPICY = "Spicy secret !*'() ~+/=&%";

/** What an API or proxy that echoes the request back in an error would answer (every vendor's message key). */
function echoBody(request) {
	const echo = `${request.method} ${request.path}?${new URLSearchParams(request.query).toString()} ${JSON.stringify(request.headers)} ${request.rawBody || ''}`;
	return { ok: false, error: 99, code: 401, message: echo, error_message: echo, errormsg: echo, description: echo };
}

function fileSize(file) {
	try {
		return fs.statSync(file).size;
	} catch {
		return 0;
	}
}

/** A text as a failure may show it: every secret form masked, cut to 300 characters. */
const masked = (text, forms) => forms.reduce((line, form) => line.split(form).join('<SECRET>'), text).slice(0, 300);

/** The log lines (colours stripped) that show any of the forms. */
function leakingLines(text, forms) {
	return text
		.split('\n')
		.map(stripColours)
		.filter((line) => forms.some((form) => line.includes(form)));
}

/** What the sandbox does to the credential test's request. */
const SCENARIOS = [
	{ name: 'HTTP 400 echoing the request', fault: { status: 400, body: echoBody } },
	{ name: 'HTTP 401 echoing the request', fault: { status: 401, body: echoBody } },
	{ name: 'HTTP 500 echoing the request', fault: { status: 500, body: echoBody } },
	{ name: 'HTTP 200 echoing the request', fault: { status: 200, body: echoBody } },
	{ name: 'the connection dropped', fault: { reset: true } },
];

/** The password-type fields of a credential type. */
const secretFields = (discovered, type) => pkg.secretFields(discovered.credentials[type].credential);

/** Every encoded form of a credential's password-type fields (see collectSecrets). */
function secretForms(discovered, credential, data) {
	// The list of forms comes from the built package; it is itself tested against hand-written
	// encodings in test/hostile-input.test.ts.
	const { collectSecrets } = require(path.join(ROOT, 'dist', 'nodes', 'shared', 'redact.js'));
	return collectSecrets(data, secretFields(discovered, credential.type));
}

/**
 * The last check of a run: no form of any of `credentials`' secrets in anything the n8n
 * processes logged (each log file from its offset `from`): package install, `n8n execute` runs,
 * servers at debug level, the browser suite, queue workers.
 */
async function checkLogs({ results, name, logs, credentials, discovered }) {
	await results.check(`${name}: no form of any credential secret in anything n8n logged during the run`, async () => {
		// Called once the n8n processes have stopped: their log files hold everything they printed.
		const texts = logs.map(({ file, from }) => readFrom(file, from));
		const logged = texts.join('\n');
		if (logged.trim() === '') throw new Error(`nothing logged in ${logs.map((l) => l.file).join(', ')}: the scan would prove nothing`);
		for (const credential of credentials) {
			const forms = secretForms(discovered, credential, credential.data);
			const leaks = leakingLines(logged, forms);
			if (leaks.length) throw new Error(`${credential.type}: a secret form is in ${leaks.length} log line(s), e.g. ${masked(leaks[0], forms)}…`);
		}
	});
}

/**
 * @param {{ n8n: import('../../scripts/lib/n8n').N8n, sandbox: object, results: object, label: string,
 *   planned: { credentials: object[] }, discovered: { credentials: object, vendors: object[] } }} context
 */
async function runCredentialSecretChecks({ n8n, sandbox, results, label, planned, discovered }) {
	// The scans below mean something only if n8n logs at debug level, its most talkative.
	await results.check(`${label}: n8n logs at debug level (for the credential-test secret scans)`, async () => {
		const logged = stripColours(fs.readFileSync(n8n.logFile, 'utf8'));
		if (!/^\S+\s+debug\s/m.test(logged)) throw new Error(`no debug-level line in ${n8n.logFile}`);
	});
	for (const credential of planned.credentials) {
		const vendor = discovered.vendors.find((row) => row.credential === credential.type).sandbox;
		const data = { ...credential.data };
		for (const field of secretFields(discovered, credential.type)) data[field] = `${SPICY} ${field}`;
		const forms = secretForms(discovered, credential, data);
		for (const scenario of SCENARIOS) {
			await results.check(`${label}: ${credential.type} test, ${scenario.name}: an error, and no secret in n8n's answer or log`, async () => {
				sandbox.reset();
				sandbox.fault(vendor, scenario.fault);
				const logFrom = fileSize(n8n.logFile);
				let answer;
				try {
					answer = await n8n.testCredential(credential, data);
				} finally {
					sandbox.clearFaults();
				}
				await n8n.syncLog();
				const logged = readFrom(n8n.logFile, logFrom);
				if (!answer || answer.status !== 'Error') throw new Error(`expected Error, got ${JSON.stringify(answer)}`);
				// The request (and so the echo) must really carry a secret, else this check proves nothing.
				const wire = sandbox.requestsFor(vendor).map((r) => JSON.stringify(echoBody(r))).join('\n');
				if (!forms.some((form) => wire.includes(form))) throw new Error(`no form of a secret reached ${vendor}: the check proves nothing`);
				const answerText = JSON.stringify(answer);
				if (forms.some((form) => answerText.includes(form))) throw new Error(`a secret form is in n8n's answer to the editor: ${masked(answerText, forms)}`);
				const leaks = leakingLines(logged, forms);
				if (leaks.length) throw new Error(`a secret form is in ${leaks.length} log line(s), e.g. ${masked(leaks[0], forms)}…`);
			});
		}
	}
}

module.exports = { runCredentialSecretChecks, checkLogs, fileSize };
