import { runNode, shutdownEngine, testCredential } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox } = require('../sandbox');

let sandbox: any;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.close();
	shutdownEngine();
});
beforeEach(() => sandbox.reset());

const creds = () => ({ talkableApi: sandbox.credentials('talkable') });

test('smoke: get a person', async () => {
	const result = await runNode({
		type: 'talkable',
		parameters: { resource: 'person', operation: 'get', personSlug: 'customer@example.com' },
		credentials: creds(),
	});
	console.log(JSON.stringify(result.items, null, 1).slice(0, 500), result.error);
	console.log(sandbox.requests);
	const t = await testCredential('talkableApi', 'talkable', sandbox.credentials('talkable'));
	console.log(t.status, t.message);
});
