/** One order object per input item, for POST /sync/orders (batched by the shared executor). */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, isEmpty, parseJson, refusePrototypeKey, setBodyPath } from '../../../shared';
import { emptyRecord, hasOwn, setOwn } from '../../../shared/record';
import type { IdentifierKey } from '../../lib/checks';
import { decimalNumber, optionalIdentifier, unixSeconds, wholeNumber } from '../../lib/common';

/** Customer identifiers an order can carry: parameter name → key. */
const CUSTOMER_FIELDS: Array<[string, IdentifierKey, string]> = [
	['email', 'email', 'Email'],
	['externalId', 'external_id', 'External ID'],
	['loyaltyId', 'loyalty_id', 'Loyalty ID'],
	['phone', 'phone', 'Phone'],
];

/** Value parts of the Value collection: parameter name → key. */
export const VALUE_FIELDS = ['total', 'delivery', 'discount'] as const;

function requiredText(ctx: IExecuteSingleFunctions, parameter: string, label: string): string {
	const value = ctx.getNodeParameter(parameter, '') as unknown;
	if (isEmpty(value)) fail(ctx, label, 'a value is required but this item has none');
	if (typeof value === 'object') fail(ctx, label, 'must be text, not an object');
	return String(value).trim();
}

function orderValue(ctx: IExecuteSingleFunctions): IDataObject | undefined {
	const fields = (ctx.getNodeParameter('orderValue', {}) ?? {}) as IDataObject;
	// More Value Fields names keys: a null-prototype record, and no name a request cannot carry.
	const value = emptyRecord();
	for (const key of VALUE_FIELDS) {
		if (!isEmpty(fields[key])) value[key] = decimalNumber(ctx, fields[key], `Value → ${key.charAt(0).toUpperCase()}${key.slice(1)}`);
	}
	if (!isEmpty(fields.more)) {
		const more = parseJson(ctx, 'Value → More Value Fields (JSON)', fields.more, true) as IDataObject;
		for (const [key, part] of Object.entries(more)) {
			refusePrototypeKey(ctx, 'Value → More Value Fields (JSON)', key);
			if (hasOwn(value, key)) fail(ctx, 'Value → More Value Fields (JSON)', `"${key}" is already set above`);
			setOwn(value, key, part);
		}
	}
	return Object.keys(value).length ? value : undefined;
}

function orderItems(ctx: IExecuteSingleFunctions): IDataObject[] | undefined {
	const rows = (ctx.getNodeParameter('orderItems.item', []) ?? []) as IDataObject[];
	const rawJson = ctx.getNodeParameter('orderItemsJson', '') as unknown;
	const hasJson = !isEmpty(rawJson) && !(Array.isArray(rawJson) && rawJson.length === 0);
	if (Array.isArray(rows) && rows.length > 0 && hasJson) {
		fail(ctx, 'Items (JSON)', 'give the items either in Items or as JSON, not both');
	}
	if (hasJson) {
		const parsed = parseJson(ctx, 'Items (JSON)', rawJson);
		if (!Array.isArray(parsed) || parsed.length === 0) fail(ctx, 'Items (JSON)', 'must be a non-empty JSON array of items');
		return (parsed as unknown[]).map((item, index) => {
			if (item === null || typeof item !== 'object' || Array.isArray(item)) {
				fail(ctx, 'Items (JSON)', `item ${index + 1} is not an object`);
			}
			if (isEmpty((item as IDataObject).id)) fail(ctx, 'Items (JSON)', `item ${index + 1} has no id`);
			return item as IDataObject;
		});
	}
	if (!Array.isArray(rows) || rows.length === 0) return undefined;
	return rows.map((row, index) => {
		const label = `Items → Item ${index + 1}`;
		if (isEmpty(row.id)) fail(ctx, label, 'the product ID is required');
		const item: IDataObject = { id: String(row.id).trim() };
		if (!isEmpty(row.price)) item.price = decimalNumber(ctx, row.price, `${label} → Price`);
		if (!isEmpty(row.quantity)) item.quantity = wholeNumber(ctx, row.quantity, `${label} → Quantity`, 1);
		return item;
	});
}

/** Sync: the full order (id, status and whatever else the user set). */
export async function syncOrderToBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const order: IDataObject = {
		id: requiredText(this, 'orderId', 'Order ID'),
		status: requiredText(this, 'orderStatus', 'Status'),
	};
	const fields = (this.getNodeParameter('additionalFields', {}) ?? {}) as IDataObject;
	if (!isEmpty(fields.channel)) order.channel = String(fields.channel).trim();
	const date = unixSeconds(this, fields.date, 'Additional Fields → Date');
	if (date !== undefined) order.date = date;
	const value = orderValue(this);
	if (value) order.value = value;
	const items = orderItems(this);
	if (items) order.items = items;
	if (typeof fields.offline === 'boolean') order.offline = fields.offline;
	for (const [parameter, key, label] of CUSTOMER_FIELDS) {
		const identifier = optionalIdentifier(this, key, fields[parameter], `Additional Fields → ${label}`);
		if (identifier !== undefined) order[key] = identifier;
	}
	setBodyPath(options, 'orders', order);
	return options;
}

/** Update Status: only id and status (an order without items keeps its items). */
export async function statusOrderToBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	setBodyPath(options, 'orders', {
		id: requiredText(this, 'orderId', 'Order ID'),
		status: requiredText(this, 'orderStatus', 'Status'),
	});
	return options;
}
