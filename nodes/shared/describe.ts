import type {
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { createExecutor, deferInputError, type OutputSpec, type PaginationSpec } from './execute';
import type { VendorProfile } from './vendors';

export interface OperationSpec {
	name: string;
	value: string;
	/** The sentence n8n shows in the node panel and to AI agents, e.g. "Get a person". */
	action: string;
	description: string;
	method: IHttpRequestMethods;
	/** Path below the credential's baseUrl; may be an expression (`=/people/{{...}}`). */
	url: string;
	/** Checks and body builders that run before the request (input errors are raised per item). */
	preSend?: PreSendAction[];
	output?: OutputSpec;
	pagination?: PaginationSpec;
}

/** A preSend hook whose error is deferred to the executor (see deferInputError). */
function guarded(hook: PreSendAction): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		try {
			return await hook.call(this, options);
		} catch (error) {
			deferInputError(options, error as Error);
			return options;
		}
	};
}

/**
 * The operation builder: one call declares an operation's request and how its response becomes
 * items. Every operation goes through the shared executor (retry, envelopes, paging, errors).
 */
export function operationFactory(vendor: VendorProfile) {
	return function operation(spec: OperationSpec): INodePropertyOptions {
		return {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: {
				request: { method: spec.method, url: spec.url },
				send: { paginate: true, preSend: (spec.preSend ?? []).map(guarded) },
				operations: {
					pagination: createExecutor({ vendor, output: spec.output, pagination: spec.pagination }),
				},
			},
		};
	};
}

/** Return All + Limit for list operations (read by the shared executor). */
export function listProperties(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: {
				...displayOptions,
				show: { ...(displayOptions.show ?? {}), returnAll: [false] },
			},
		},
	];
}

/** "Return Raw Response" for list operations: one item with the vendor's whole answer. */
export function rawResponseProperty(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Return Raw Response',
		name: 'rawResponse',
		type: 'boolean',
		default: false,
		description:
			'Whether to output the full response (envelope included) as one item instead of one item per record',
		displayOptions,
	};
}

/** The Retry options every node offers. Their defaults are the vendor profile's retryDefaults. */
export function retryProperty(vendor: VendorProfile): INodeProperties {
	const defaults = vendor.retryDefaults;
	const withDefault = <T extends INodeProperties>(option: T, value: INodeProperties['default']): T => ({
		...option,
		default: value,
	});
	return {
		displayName: 'Retry',
		name: 'retry',
		type: 'collection',
		placeholder: 'Add Retry Option',
		default: {},
		description: `How the node retries when ${vendor.displayName} rate-limits or fails. Rate-limited requests are always retried; server errors and dropped connections only for reads, updates and deletes, never for creates.`,
		options: [
			withDefault(
				{
					displayName: 'First Back-Off (Ms)',
					name: 'initialDelayMs',
					type: 'number',
					default: 1000,
					typeOptions: { minValue: 0 },
					description:
						'Wait before the first retry when the vendor does not say how long; each later wait doubles, with jitter',
				},
				defaults.initialDelayMs,
			),
			withDefault(
				{
					displayName: 'Max Retries',
					name: 'maxRetries',
					type: 'number',
					default: 5,
					typeOptions: { minValue: 0, maxValue: 20 },
					description: 'How many times to retry a request before giving up (0 turns retrying off)',
				},
				defaults.maxRetries,
			),
			withDefault(
				{
					displayName: 'Max Wait (Seconds)',
					name: 'maxWaitSeconds',
					type: 'number',
					default: 120,
					typeOptions: { minValue: 0 },
					description:
						'Longest single wait. When the vendor asks to wait longer (Retry-After, reset time), the node stops and says so.',
				},
				defaults.maxWaitMs / 1000,
			),
			withDefault(
				{
					displayName: 'Retry Server Errors',
					name: 'retryServerErrors',
					type: 'boolean',
					default: true,
					description:
						'Whether to retry 5xx answers and dropped connections for requests that are safe to repeat (GET, PUT, DELETE)',
				},
				defaults.retryServerErrors,
			),
		],
	};
}

/**
 * An ID parameter that can be picked from a list (a `listSearch` method of the node), typed or
 * mapped. In a routing URL read it as `$parameter.<name>.value` (see rlValue in README).
 */
export function idLocator(spec: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	displayOptions: IDisplayOptions;
	placeholder?: string;
	required?: boolean;
}): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required ?? true,
		description: spec.description,
		displayOptions: spec.displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.placeholder ?? 'e.g. 123',
			},
		],
	};
}
