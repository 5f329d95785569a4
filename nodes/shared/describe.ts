import type {
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import type { BatchSpec } from './batch';
import { createExecutor, deferInputError, type PaginationSpec } from './execute';
import type { OutputSpec } from './output';
import type { Pace } from './run';
import { scalarText } from './params';
import { safeByMethod } from './retry';
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
	/**
	 * Whether the request may be sent again after a failure that may have had an effect (5xx,
	 * dropped connection, timeout). Default: true for GET/PUT/DELETE/HEAD, false for POST. Set it
	 * from the contract's retry-safe column (a POST upsert is `true`; a PUT that redeems is `false`).
	 * A 429 is retried either way (it was refused before any effect).
	 */
	retrySafe?: boolean;
	/** Input items are sent together, several records per request (see batch.ts). */
	batch?: BatchSpec;
	/** A documented pace for this operation, e.g. `{ requests: 40, perMs: 60_000 }`. */
	pace?: Pace;
	/**
	 * Where the vendor's documentation gives two paths for one call: when the vendor answers 404
	 * at `url`, the same request is sent once to this one (reads only).
	 */
	fallbackUrl?: string;
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

/** The preSend check of one scalar parameter sent by routing: an object or list is an input error. */
function scalarCheck(path: string, label: string): PreSendAction {
	return guarded(async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		scalarText(this, label, this.getNodeParameter(path, undefined));
		return options;
	});
}

const SCALAR_TYPES = new Set(['string', 'number', 'options', 'dateTime', 'boolean']);

function withScalarCheck(property: INodeProperties, basePath: string): INodeProperties {
	const send = property.routing?.send;
	if (SCALAR_TYPES.has(property.type) && send?.property !== undefined) {
		return {
			...property,
			routing: {
				...property.routing,
				send: { ...send, preSend: [...(send.preSend ?? []), scalarCheck(basePath + property.name, property.displayName)] },
			},
		};
	}
	if (property.type === 'collection' && property.options) {
		return {
			...property,
			options: (property.options as INodeProperties[]).map((option) =>
				withScalarCheck(option, `${basePath}${property.name}.`),
			),
		};
	}
	return property;
}

/**
 * Every scalar parameter that routing sends as is (`routing.send.property`) gets a check that its
 * value is one value: an expression that yields an object or a list is refused before sending,
 * naming the parameter and the item, instead of reaching the vendor as "[object Object]". Call
 * it once on a node's properties.
 */
export function withInputChecks(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => withScalarCheck(property, ''));
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
					pagination: createExecutor({
						vendor,
						output: spec.output,
						pagination: spec.pagination,
						retrySafe: spec.retrySafe ?? safeByMethod(spec.method),
						batch: spec.batch,
						pace: spec.pace,
						fallbackUrl: spec.fallbackUrl,
					}),
				},
			},
		};
	};
}

/**
 * A text field (default ''), with a description, placeholder and number of rows only when given:
 * the one factory behind every vendor's optional text fields.
 */
export function textProperty(
	displayName: string,
	name: string,
	extra: { description?: string; placeholder?: string; rows?: number } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		...(extra.description ? { description: extra.description } : {}),
		...(extra.placeholder ? { placeholder: extra.placeholder } : {}),
		...(extra.rows ? { typeOptions: { rows: extra.rows } } : {}),
	};
}

/**
 * A required text field (default ''), on one line where it is used:
 * `requiredText('Contact ID', 'contactId', 'e.g. 300', 'The ID of the contact', show(['get']))`.
 */
export function requiredText(
	displayName: string,
	name: string,
	placeholder: string,
	description?: string,
	displayOptions?: IDisplayOptions,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder,
		...(description ? { description } : {}),
		...(displayOptions ? { displayOptions } : {}),
	};
}

/** A collection (default {}) such as Additional Fields, Update Fields or Filters. */
export function collectionProperty(
	displayName: string,
	name: string,
	placeholder: string,
	displayOptions: IDisplayOptions,
	options: INodeProperties[],
	description?: string,
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, ...(description ? { description } : {}), displayOptions, options };
}

/** A list of rows (fixedCollection with multiple values, default {}), e.g. an order's items. */
export function rowsProperty(
	displayName: string,
	name: string,
	placeholder: string,
	description: string,
	options: INodeProperties['options'],
	displayOptions?: IDisplayOptions,
): INodeProperties {
	const rows: INodeProperties = { displayName, name, type: 'fixedCollection', placeholder, default: {}, typeOptions: { multipleValues: true }, description, options };
	return displayOptions ? { ...rows, displayOptions } : rows;
}

/** A notice shown above the fields (a hint, not a value). */
export function noticeProperty(name: string, displayName: string, displayOptions?: IDisplayOptions): INodeProperties {
	return { displayName, name, type: 'notice', default: '', ...(displayOptions ? { displayOptions } : {}) };
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
		{
			displayName: 'Split Into Items',
			name: 'splitIntoItems',
			type: 'boolean',
			default: true,
			description:
				"Whether to output one item per record. Turn off to output one item per page, holding that page's records in `records` (for lists longer than n8n can output as items, about 100,000).",
			displayOptions,
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
		description: `How the node paces and retries its requests to ${vendor.displayName}. Rate-limited requests are always retried; server errors and dropped connections only for operations that are safe to repeat (never for a send, a redemption or another write that may already have been applied).`,
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
					displayName: 'Max Concurrent Requests',
					name: 'maxConcurrent',
					type: 'number',
					default: 32,
					typeOptions: { minValue: 1, maxValue: 256 },
					description:
						'Most requests this node has open at once in one run (n8n would otherwise send every item at once). After a rate limit the node holds every request for the wait the vendor asks, then resumes slower.',
				},
				defaults.maxConcurrent,
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
						'Whether to retry 5xx answers and dropped connections for operations that are safe to repeat (reads, upserts, deletes; never a send or a redemption)',
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
	/** The label of the typed mode (default "By ID"; e.g. "By Name" where names are the keys). */
	typedName?: string;
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
				displayName: spec.typedName ?? 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.placeholder ?? 'e.g. 123',
			},
		],
	};
}
