const path = require('node:path');
const { task, src, dest } = require('gulp');

/** Copy node/credential icons and codex files (*.node.json) into dist, beside the compiled code. */
function buildIcons() {
	const icons = src('icons/*.{png,svg}').pipe(dest(path.resolve('dist', 'icons')));
	return icons;
}

function buildCodex() {
	return src('nodes/**/*.node.json').pipe(dest(path.resolve('dist', 'nodes')));
}

task('build:icons', async () => {
	await Promise.all(
		[buildIcons, buildCodex].map(
			(build) => new Promise((resolve, reject) => build().on('finish', resolve).on('error', reject)),
		),
	);
});
