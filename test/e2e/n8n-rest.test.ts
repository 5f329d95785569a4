/**
 * The e2e and bench read executions over n8n's REST API (scripts/lib/n8n.js). n8n lists running
 * and finished executions with two queries side by side, so one that finishes in between comes
 * twice: seen in CI as "2 executions for one webhook" (queue mode, n8n 1.123, PostgreSQL).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { uniqueExecutions } = require('../../scripts/lib/n8n');

test('an execution listed as running and as finished counts once, as finished, in its first place', () => {
	const listed = [
		{ id: '41', status: 'running' },
		{ id: '42', status: 'success' },
		{ id: '41', status: 'success' },
		{ id: '40', status: 'error' },
	];
	expect(uniqueExecutions(listed)).toEqual([
		{ id: '41', status: 'success' },
		{ id: '42', status: 'success' },
		{ id: '40', status: 'error' },
	]);
});

test('distinct executions all stay; a running one alone stays running', () => {
	const listed = [
		{ id: 3, status: 'new' },
		{ id: 2, status: 'running' },
		{ id: 1, status: 'success' },
	];
	expect(uniqueExecutions(listed)).toEqual(listed);
});
