/**
 * Purchase and return items: rows of a fixed collection or a JSON array, checked before
 * sending (required fields, whole cents, positive quantities). An empty list is refused:
 * Sailthru would answer error 99 "No items in purchase".
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { fail, list, showFor } from '../../../shared';
import { cents, jsonArray, jsonObject, trimmed, wholeNumber, type Read } from '../../lib/helpers';

export type ItemKind = 'purchase' | 'return';

const REQUIRED: Record<ItemKind, string[]> = {
	purchase: ['id', 'title', 'qty', 'price', 'url'],
	return: ['qty', 'price', 'url'],
};

/** Check one item (from a row or from JSON) and write it in Sailthru's shape. */
function checkItem(ctx: IExecuteSingleFunctions, kind: ItemKind, item: IDataObject, index: number): IDataObject {
	const label = 'Items';
	const where = `item ${index + 1}`;
	for (const field of REQUIRED[kind]) {
		if (item[field] === undefined || trimmed(item[field]) === '') fail(ctx, label, `${where} has no ${field}`);
	}
	const result: IDataObject = { ...item };
	result.qty = wholeNumber(ctx, `${label} (${where} qty)`, item.qty, 1);
	result.price = cents(ctx, `${label} (${where} price)`, item.price, kind === 'return');
	for (const field of ['id', 'title', 'url', 'order_id']) {
		if (item[field] !== undefined) result[field] = trimmed(item[field]);
	}
	return result;
}

interface ItemRow {
	id?: string;
	title?: string;
	qty?: number;
	price?: number;
	url?: string;
	tags?: string;
	vars?: unknown;
	imageFull?: string;
	imageThumb?: string;
	orderId?: string;
}

/** A fixed-collection row as a Sailthru item (fields left blank are not sent). */
function rowToItem(ctx: IExecuteSingleFunctions, kind: ItemKind, row: ItemRow, index: number): IDataObject {
	const item: IDataObject = {};
	if (trimmed(row.id)) item.id = trimmed(row.id);
	if (kind === 'purchase') item.title = trimmed(row.title);
	item.qty = row.qty;
	item.price = row.price;
	item.url = trimmed(row.url);
	if (kind === 'return' && trimmed(row.orderId)) item.order_id = trimmed(row.orderId);
	if (kind === 'purchase') {
		const tags = list(row.tags ?? '');
		if (tags.length) item.tags = tags;
		const vars = jsonObject(ctx, `Items (item ${index + 1} vars)`, row.vars);
		if (vars) item.vars = vars;
		const images: IDataObject = {};
		if (trimmed(row.imageFull)) images.full = { url: trimmed(row.imageFull) };
		if (trimmed(row.imageThumb)) images.thumb = { url: trimmed(row.imageThumb) };
		if (Object.keys(images).length) item.images = images;
	}
	return item;
}

/** The `items` of a purchase or a return. */
export function itemsParameter(ctx: IExecuteSingleFunctions, read: Read, kind: ItemKind): IDataObject[] {
	const raw =
		read('itemsInputMode', 'rows') === 'json'
			? jsonArray(ctx, 'Items (JSON)', read('itemsJson', '[]'))
			: ((read('items.item', []) as ItemRow[]) ?? []).map((row, index) => rowToItem(ctx, kind, row, index));
	if (raw.length === 0) {
		fail(ctx, 'Items', `add at least one item (Sailthru refuses a ${kind} without items)`);
	}
	return raw.map((item, index) => checkItem(ctx, kind, item, index));
}

const PRICE_DESCRIPTION = 'Unit price in cents, a whole number: $10.99 is 1099';

/** Items: input mode, rows, JSON. */
export function itemProperties(resource: string, kind: ItemKind): INodeProperties[] {
	const show = showFor(resource)(['create']);
	const rowFields: INodeProperties[] = [
		{
			displayName: 'Product ID (SKU)',
			name: 'id',
			type: 'string',
			default: '',
			placeholder: 'SKU-1',
			description: kind === 'purchase' ? 'Required: your product ID' : 'Your product ID',
		},
		...(kind === 'purchase'
			? [{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'Water Bottle' } as INodeProperties]
			: []),
		{ displayName: 'Quantity', name: 'qty', type: 'number', default: 1, typeOptions: { minValue: 1 } },
		{ displayName: 'Price (Cents)', name: 'price', type: 'number', default: 0, description: PRICE_DESCRIPTION },
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/p/sku-1',
			description: 'The product page (it identifies the item in the Content Library)',
		},
	];
	if (kind === 'purchase') {
		rowFields.push(
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', placeholder: 'outdoor, summer', description: 'Comma-separated' },
			{ displayName: 'Vars (JSON)', name: 'vars', type: 'json', default: '{}', description: 'Item-level vars, e.g. {"color": "blue"}' },
			{ displayName: 'Image URL', name: 'imageFull', type: 'string', default: '' },
			{ displayName: 'Thumbnail URL', name: 'imageThumb', type: 'string', default: '' },
		);
	} else {
		rowFields.push({ displayName: 'Order ID', name: 'orderId', type: 'string', default: '', description: 'The order the item was bought in' });
	}
	const fields =
		kind === 'purchase'
			? '"id", "title", "qty", "price" (cents), "url"; optional "tags", "vars", "images"'
			: '"qty", "price" (cents), "url"; optional "id", "order_id"';
	return [
		{
			displayName: 'Items Input Mode',
			name: 'itemsInputMode',
			type: 'options',
			default: 'rows',
			options: [
				{ name: 'One Row per Item', value: 'rows' },
				{ name: 'JSON', value: 'json', description: 'A JSON array of items (e.g. mapped from an order)' },
			],
			displayOptions: show,
		},
		{
			displayName: 'Items',
			name: 'items',
			type: 'fixedCollection',
			placeholder: 'Add Item',
			required: true,
			default: {},
			typeOptions: { multipleValues: true },
			description: `The ${kind === 'purchase' ? 'products bought' : 'products returned'}; at least one`,
			displayOptions: { show: { ...show.show, itemsInputMode: ['rows'] } },
			options: [{ displayName: 'Item', name: 'item', values: rowFields }],
		},
		{
			displayName: 'Items (JSON)',
			name: 'itemsJson',
			type: 'json',
			required: true,
			default: '[]',
			description: `A JSON array of items, each with ${fields}; prices in cents`,
			displayOptions: { show: { ...show.show, itemsInputMode: ['json'] } },
		},
	];
}
