import { createHash } from 'crypto';
import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

/**
 * Repeated webhook deliveries. Vendors resend a webhook they think failed, and anyone who captured
 * a validly signed delivery can send it again: the signature still matches. A trigger that
 * ignores repeats remembers a fingerprint of each delivery it started a run for, in the node's
 * workflow static data (bounded: the window and MAX_REMEMBERED), and answers a repeat within the
 * window with 200 and no run.
 *
 * Saving: n8n saves a webhook node's static data when it answers the request. n8n 1.x answers
 * "Respond: Immediately" before it starts the run. n8n 2.x answers only after `WorkflowRunner.run()`,
 * which builds a new Workflow over the same static data and so clears its "changed" flag: a
 * record written there is lost once the workflow has any static data. So when a delivery is
 * recorded, the node answers it itself (what n8n would answer) and returns `noWebhookResponse`
 * with the run's data: n8n then saves the static data before it prepares the run, on both lines.
 * That needs Respond: Immediately, so the option shows only there.
 */

/** What n8n answers when it has started a run, in Respond: Immediately mode. */
export const STARTED_ANSWER: IDataObject = { message: 'Workflow was started' };

/** What a repeated delivery gets: 200 (the vendor stops resending) and no run. */
export const REPEAT_ANSWER: IDataObject = { received: true, ignored: true, reason: 'repeated delivery' };

/** At most this many deliveries are remembered; beyond it the oldest are forgotten first. */
export const MAX_REMEMBERED = 1000;

export const DEFAULT_WINDOW_HOURS = 24;

const STATE_KEY = 'repeatedDeliveries';

/** A delivery's fingerprint: SHA-256 (hex, 128 bits kept) of its signature and its raw body. */
export function deliveryKey(rawBody: Buffer, signature = ''): string {
	return createHash('sha256').update(signature).update('\n').update(rawBody).digest('hex').slice(0, 32);
}

type Seen = Array<[string, number]>;

/** The remembered deliveries in static data, only well-formed entries (it is ours, but check). */
function readSeen(value: unknown): Seen {
	if (!Array.isArray(value)) return [];
	return value.filter(
		(entry): entry is [string, number] =>
			Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number',
	);
}

/** The window option, for the node's properties (`show`: its display condition, `{}` for always). */
export function repeatWindowProperty(show: IDataObject): INodeProperties {
	return {
		displayName: 'Repeat Window (Hours)',
		name: 'repeatWindowHours',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 720 },
		default: DEFAULT_WINDOW_HOURS,
		description: `How long a delivery is remembered. At most the last ${MAX_REMEMBERED} deliveries are kept.`,
		...(Object.keys(show).length > 0 ? { displayOptions: { show } as INodeProperties['displayOptions'] } : {}),
	};
}

/** The configured window in milliseconds (a bad value falls back to the default). */
function repeatWindowMs(ctx: IWebhookFunctions): number {
	const hours = Number(ctx.getNodeParameter('repeatWindowHours', DEFAULT_WINDOW_HOURS));
	return (Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_WINDOW_HOURS) * 3_600_000;
}

/**
 * Start a run with `workflowData`, unless a delivery with the same `key` started one within the
 * window. `key` undefined: repeats are not ignored for this delivery (plain start, n8n answers).
 * With a key the node answers itself (STARTED_ANSWER), see the module comment.
 */
export function runUnlessRepeated(
	ctx: IWebhookFunctions,
	key: string | undefined,
	workflowData: INodeExecutionData[][],
): IWebhookResponseData {
	if (key === undefined) return { workflowData };
	const now = Date.now();
	const windowMs = repeatWindowMs(ctx);
	const data = ctx.getWorkflowStaticData('node');
	const seen = readSeen(data[STATE_KEY]).filter(([, at]) => now - at < windowMs);
	if (seen.some(([known]) => known === key)) {
		ctx.logger.info(`${ctx.getNode().name}: a repeated delivery was answered without a run`);
		return { webhookResponse: REPEAT_ANSWER };
	}
	seen.push([key, now]);
	data[STATE_KEY] = seen.slice(-MAX_REMEMBERED) as unknown as IDataObject[];
	ctx.getResponseObject().status(200).json(STARTED_ANSWER);
	return { noWebhookResponse: true, workflowData };
}
