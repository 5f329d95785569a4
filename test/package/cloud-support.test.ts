/**
 * n8n asks verified-node authors to use its own tooling (`@n8n/node-cli`): the lint config is
 * its default (`eslint.config.mjs` re-exports `@n8n/node-cli/eslint`, which `npm run lint` runs
 * with `--max-warnings 0`), and `n8n-node cloud-support` must find the package eligible.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

test('eslint.config.mjs is n8n-node-cli’s default config, unchanged', () => {
	expect(readFileSync(join(ROOT, 'eslint.config.mjs'), 'utf8').trim()).toBe(
		"import { config } from '@n8n/node-cli/eslint';\n\nexport default config;",
	);
});

test('n8n-node cloud-support: enabled, strict, default ESLint config', () => {
	const cli = join(ROOT, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
	const result = spawnSync(process.execPath, [cli, 'cloud-support'], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 60_000,
		env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
	});
	// Colours may still come through (CI sets FORCE_COLOR): compare the plain text.
	// eslint-disable-next-line no-control-regex
	const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
	expect(output).toContain('Cloud support is ENABLED');
	expect(output).toContain('Strict mode: enabled');
	expect(output).toContain('ESLint config: using default config');
});
