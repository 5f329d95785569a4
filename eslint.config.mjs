// Lint exactly as n8n's community-package scanner does: its own flat config (the
// @n8n/eslint-plugin-community-nodes recommended rules plus eslint-plugin-n8n-nodes-base's
// community, credentials and nodes rule sets), so `npm run lint` and the scan agree.
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'sandbox/**', 'scripts/**', '.runtime/**', 'examples/**'] },
	...(await buildScanConfig()),
];
