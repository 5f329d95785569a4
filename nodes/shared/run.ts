import type { ICredentialDataDecryptedObject, IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { Governor, sharedGovernor } from './governor';
import { collectSecrets } from './redact';
import { retrySettingsFrom, type RetrySettings } from './retry';
import type { VendorProfile } from './vendors';

/**
 * What the items of one node run share: the credential (decrypted once, not per item), its
 * secrets, the retry settings, and the way to the account's request governor.
 *
 * Identity: the run's execute data **and** the node **and** the credential type. The execute data
 * alone is not enough: n8n-core hands every tool of an AI Agent the agent's execute data, so
 * tools of different vendors (or two tools of one vendor with different credentials) would share
 * one state, and one would send with the other's credential. The state is dropped with the run.
 */
export interface RunState {
	settings: RetrySettings;
	credentials: Promise<ICredentialDataDecryptedObject>;
	secrets: Promise<string[]>;
	/** The node's saved credential (its id and name; empty when it has none), for n8n's requests. */
	saved: { id: string; name: string };
	/** The account (credential type and id) whose governor this run uses: see `runGovernor`. */
	account: string | undefined;
	/** Governors of a run whose node has no saved credential id. */
	own: Map<number, Governor>;
}

const RUNS = new WeakMap<object, Map<string, RunState>>();

/** Requests per interval → least time between two starts. */
export interface Pace {
	requests: number;
	perMs: number;
}

/** This node's identity within one run: node id and name, and the credential type it reads. */
function nodeKey(ctx: IExecuteSingleFunctions, vendor: VendorProfile): string {
	const node = ctx.getNode();
	return JSON.stringify([node.id ?? '', node.name, vendor.credentialType]);
}

/**
 * The governor of the account this run sends to, for requests at `pace`: shared by every run in
 * this process that uses the same credential (keyed by its id, never by a secret) and pace, and
 * looked up at each request (idle ones are dropped). A node without a saved credential id (never
 * the case in n8n) gets governors of its own.
 */
export function runGovernor(state: RunState, pace?: Pace): Governor {
	const minIntervalMs = pace ? Math.ceil(pace.perMs / pace.requests) : 0;
	if (state.account === undefined) {
		let own = state.own.get(minIntervalMs);
		if (!own) state.own.set(minIntervalMs, (own = new Governor({ minIntervalMs })));
		return own;
	}
	return sharedGovernor(JSON.stringify([state.account, minIntervalMs]), { minIntervalMs });
}

/** This node run's shared state (created by the first item that asks). */
export function runState(ctx: IExecuteSingleFunctions, vendor: VendorProfile): RunState {
	const run = ctx.getExecuteData?.() as object | undefined;
	const key = nodeKey(ctx, vendor);
	let states = run ? RUNS.get(run) : undefined;
	const existing = states?.get(key);
	if (existing) return existing;
	const settings = retrySettingsFrom(ctx.getNodeParameter('retry', {}) as IDataObject, vendor.retryDefaults);
	const credentials = ctx.getCredentials(vendor.credentialType, ctx.getItemIndex());
	const saved = ctx.getNode().credentials?.[vendor.credentialType];
	const id = saved?.id;
	// Handled where it is awaited; this keeps an early failure from being reported as unhandled.
	credentials.catch(() => undefined);
	const state: RunState = {
		settings,
		credentials,
		secrets: credentials.then(
			(data) => collectSecrets(data, vendor.secretFields),
			() => [],
		),
		saved: { id: id ?? '', name: saved?.name ?? '' },
		account: id ? JSON.stringify([vendor.credentialType, id]) : undefined,
		own: new Map(),
	};
	if (run) {
		if (!states) RUNS.set(run, (states = new Map()));
		states.set(key, state);
	}
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
