/** Shared setup of the Talkable test files: one sandbox per file, a runner and wire readers. */
import { runNode, useSandbox } from '../support/harness';
import type { RecordedRequest, Sandbox } from '../support/helpers';

export const API_KEY = 'sandbox-talkable-key';
export const fastRetry = { initialDelayMs: 10 };

export function talkableSuite() {
	const ctx = {} as {
		sandbox: Sandbox;
		run: (parameters: Record<string, unknown>, extra?: Partial<Parameters<typeof runNode>[0]>) => ReturnType<typeof runNode>;
		requests: () => RecordedRequest[];
		wire: (index?: number) => Record<string, unknown>;
		state: () => any;
	};
	ctx.sandbox = useSandbox();
	ctx.run = async (parameters, extra = {}) =>
		await runNode({
			type: 'talkable',
			parameters: parameters as never,
			credentials: { talkableApi: ctx.sandbox.credentials('talkable') },
			...extra,
		});
	ctx.requests = () => ctx.sandbox.requestsFor('talkable');
	/** The request as the assertions need it (method, path, query, body, Bearer header). */
	ctx.wire = (index = 0) => {
		const { method, path, query, body, headers } = ctx.requests()[index];
		return { method, path, query, body, authorization: headers.authorization };
	};
	ctx.state = () => ctx.sandbox.vendor('talkable').state;
	return ctx;
}

export const bearer = `Bearer ${API_KEY}`;
