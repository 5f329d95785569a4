/** Small helpers shared by the vendor test files. */
import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { RunResult } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { startSandbox } = require('../../sandbox/index') as { startSandbox: (options?: object) => Promise<Sandbox> };

export interface RecordedRequest {
	vendor: string;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	rawBody: string;
	body: unknown;
}

export interface Sandbox {
	origin: string;
	url(vendor: string): string;
	credentials(vendor: string): Record<string, string>;
	requests: RecordedRequest[];
	requestsFor(vendor: string): RecordedRequest[];
	clearRequests(): void;
	fault(vendor: string, fault: object): void;
	clearFaults(): void;
	/** Requests being answered now and the peaks, overall and per vendor. */
	stats(): {
		inFlight: number;
		maxInFlight: number;
		byVendor: Record<string, { inFlight: number; maxInFlight: number; rateLimited: number }>;
	};
	resetStats(): void;
	vendor(vendor: string): { state: any; handle: (req: object) => unknown };
	reset(): void;
	close(): Promise<void>;
}

export const json = (items: INodeExecutionData[]) => items.map((item) => item.json);
export const paired = (items: INodeExecutionData[]) => items.map((item) => item.pairedItem);

/**
 * Everything a run exposes to a user or an operator, as one string: output items (json and
 * error objects), the run error (message, description, context, serialized form) and log lines.
 */
export function everythingVisible(result: RunResult): string {
	const errorParts = (error: any) =>
		error
			? [error.message, error.description, JSON.stringify(error), JSON.stringify(error.context), JSON.stringify(error.errorResponse), error.stack]
			: [];
	return [
		JSON.stringify(result.items.map((item) => item.json)),
		...result.items.flatMap((item) => errorParts(item.error)),
		...errorParts(result.error),
		JSON.stringify(result.run.data.resultData),
		...result.logs,
	].join('\n');
}

const optionValues = (property: INodeProperties | undefined) =>
	((property?.options ?? []) as Array<{ value: unknown }>).map((option) => String(option.value));

/** A node's resource values, from its Resource dropdown, in the dropdown's order. */
export function resourceValues(properties: INodeProperties[]): string[] {
	return optionValues(properties.find((property) => property.name === 'resource'));
}

/** The operation values a node shows for one resource, in the Operation dropdown's order. */
export function operationValues(properties: INodeProperties[], resource: string): string[] {
	return properties
		.filter((property) => property.name === 'operation' && (property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource))
		.flatMap(optionValues);
}
