import type { ICredentialDataDecryptedObject, IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { Governor } from './governor';
import { collectSecrets } from './redact';
import { retrySettingsFrom, type RetrySettings } from './retry';
import type { VendorProfile } from './vendors';

/**
 * What the items of one node run share: the request governor, the credential (decrypted once,
 * not per item), the retry settings, and the batches being filled. Keyed by the run's execute
 * data (one object per node run, shared by all its items), so two runs never share anything and
 * the state is dropped with the run.
 */
export interface RunState {
	governor: Governor;
	settings: RetrySettings;
	credentials: Promise<ICredentialDataDecryptedObject>;
	secrets: Promise<string[]>;
	/** Items of this run (from the run's input), for batch flushing. */
	itemCount: number;
	/** Per-run scratch space of the batch coordinator. */
	batches: Map<string, unknown>;
	/** Items that have reached the executor so far. */
	arrived: number;
}

const RUNS = new WeakMap<object, RunState>();

/** Requests per interval → least time between two starts. */
export interface Pace {
	requests: number;
	perMs: number;
}

function inputCount(ctx: IExecuteSingleFunctions): number {
	const data = ctx.getExecuteData?.()?.data as IDataObject | undefined;
	const main = (data?.main ?? data?.ai_tool) as unknown[][] | undefined;
	const items = main?.[0];
	return Array.isArray(items) ? items.length : 1;
}

/** This node run's shared state (created by the first item that asks). */
export function runState(ctx: IExecuteSingleFunctions, vendor: VendorProfile, pace?: Pace): RunState {
	const key = (ctx.getExecuteData?.() as object | undefined) ?? undefined;
	const existing = key ? RUNS.get(key) : undefined;
	if (existing) return existing;
	const settings = retrySettingsFrom(ctx.getNodeParameter('retry', {}) as IDataObject, vendor.retryDefaults);
	const credentials = ctx.getCredentials(vendor.credentialType, ctx.getItemIndex());
	// Handled where it is awaited; this keeps an early failure from being reported as unhandled.
	credentials.catch(() => undefined);
	const state: RunState = {
		governor: new Governor({
			maxConcurrent: settings.maxConcurrent,
			minIntervalMs: pace ? Math.ceil(pace.perMs / pace.requests) : 0,
		}),
		settings,
		credentials,
		secrets: credentials.then(
			(data) => collectSecrets(data, vendor.secretFields),
			() => [],
		),
		itemCount: inputCount(ctx),
		batches: new Map(),
		arrived: 0,
	};
	if (key) RUNS.set(key, state);
	return state;
}

/**
 * The credential of this node run, decrypted once for all its items (for preSend hooks that
 * need a credential value, e.g. a site slug or a shop ID).
 */
export async function runCredentials(
	ctx: IExecuteSingleFunctions,
	vendor: VendorProfile,
): Promise<ICredentialDataDecryptedObject> {
	return await runState(ctx, vendor).credentials;
}
