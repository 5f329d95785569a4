/**
 * Content Library (GET/POST/DELETE /content): products and articles, with realtime price and
 * inventory updates. Items are identified by URL (default) or SKU.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { fail, list, listProperties, operationFactory, showFor } from '../shared';
import {
	callParameters,
	cents,
	flag,
	jsonObject,
	optional,
	required,
	sailthruTime,
	trimmed,
	wholeNumber,
	type Read,
} from './lib/helpers';
import { sailthru } from './profile';

const operation = operationFactory(sailthru);
const show = showFor('content');

/** The most items GET /content returns at once (what Return All asks for). */
export const MAX_CONTENT_ITEMS = 20_000;

const identity = (ctx: IExecuteSingleFunctions, read: Read) => {
	const key = trimmed(read('key', 'url'));
	return { id: required(ctx, read, 'id', 'ID'), key: key === 'url' ? undefined : key };
};

function contentParameters(this: IExecuteSingleFunctions, read: Read): IDataObject {
	const extra = (read('additionalFields', {}) as IDataObject) ?? {};
	const tags = list(extra.tags ?? '');
	const images: IDataObject = {};
	if (optional(extra.imageFull)) images.full = { url: optional(extra.imageFull) };
	if (optional(extra.imageThumb)) images.thumb = { url: optional(extra.imageThumb) };
	let location: number[] | undefined;
	if (optional(extra.location)) {
		location = String(extra.location).split(',').map((part) => Number(part.trim()));
		if (location.length !== 2 || location.some((value) => !Number.isFinite(value))) {
			fail(this, 'Location', `"${String(extra.location)}" is not "longitude, latitude"`);
		}
	}
	const sku = optional(extra.sku);
	return {
		...identity(this, read),
		title: optional(extra.title),
		date: sailthruTime(this, extra.date),
		expire_date: sailthruTime(this, extra.expire_date),
		tags: tags.length ? tags : undefined,
		vars: jsonObject(this, 'Vars', extra.vars),
		keys: sku ? { sku } : undefined,
		images: Object.keys(images).length ? images : undefined,
		location,
		price: extra.price === undefined ? undefined : cents(this, 'Price (Cents)', extra.price),
		inventory: extra.inventory === undefined ? undefined : wholeNumber(this, 'Inventory', extra.inventory),
		description: optional(extra.description),
		site_name: optional(extra.site_name),
		author: optional(extra.author),
		spider: extra.spider === true ? flag(true) : undefined,
	};
}

export const contentOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['content'] } },
		options: [
			operation({
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a content item',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				method: 'POST',
				url: '/content',
				retrySafe: true,
				preSend: [callParameters(contentParameters)],
			}),
			operation({
				name: 'Delete',
				value: 'delete',
				action: 'Delete a content item',
				description: 'Delete one item from the Content Library',
				method: 'DELETE',
				url: '/content',
				retrySafe: true,
				preSend: [callParameters(function (read) {
					return identity(this, read);
				})],
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a content item',
				description: 'Get one item of the Content Library by URL or SKU',
				method: 'GET',
				url: '/content',
				retrySafe: true,
				preSend: [callParameters(function (read) {
					return identity(this, read);
				})],
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many content items',
				description: 'Get the most recent items of the Content Library, one item each',
				method: 'GET',
				url: '/content',
				retrySafe: true,
				preSend: [
					callParameters(function (read) {
						const returnAll = read('returnAll', false) === true;
						const limit = wholeNumber(this, 'Limit', read('limit', 50), 1);
						return { items: returnAll ? MAX_CONTENT_ITEMS : Math.min(limit, MAX_CONTENT_ITEMS) };
					}),
				],
				output: { path: 'content', split: true },
			}),
		],
		default: 'get',
	},
];

export const contentFields: INodeProperties[] = [
	{
		displayName: 'ID',
		name: 'id',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://shop.example.com/p/sku-1',
		description: 'The item’s URL, or its SKU when Key is SKU (a new item needs its URL)',
		displayOptions: show(['get', 'upsert', 'delete']),
	},
	{
		displayName: 'Key',
		name: 'key',
		type: 'options',
		default: 'url',
		options: [
			{ name: 'URL', value: 'url', description: 'Sailthru’s default (not sent)' },
			{ name: 'SKU', value: 'sku' },
		],
		displayOptions: show(['get', 'upsert', 'delete']),
	},
	{
		displayName:
			'Sailthru documents single-item deletion only as a bulk job; if your account refuses it, its error is shown as is',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['delete']),
	},
	...listProperties(show(['getAll'])),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['upsert']),
		options: [
			{ displayName: 'Author', name: 'author', type: 'string', default: '' },
			{
				displayName: 'Date',
				name: 'date',
				type: 'string',
				default: '',
				placeholder: '2025-01-02 10:00 UTC',
				description: 'Publication date, with its time zone',
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '', typeOptions: { rows: 3 } },
			{
				displayName: 'Expire Date',
				name: 'expire_date',
				type: 'string',
				default: '',
				placeholder: '2025-12-31 23:59 UTC',
				description: 'When the item stops being recommended, with its time zone',
			},
			{ displayName: 'Image URL', name: 'imageFull', type: 'string', default: '' },
			{ displayName: 'Inventory', name: 'inventory', type: 'number', default: 0, typeOptions: { minValue: 0 }, description: 'Units in stock' },
			{
				displayName: 'Location',
				name: 'location',
				type: 'string',
				default: '',
				placeholder: '-73.99, 40.73',
				description: 'Longitude and latitude, separated by a comma',
			},
			{ displayName: 'Price (Cents)', name: 'price', type: 'number', default: 0, description: 'In cents, a whole number: $10.99 is 1099' },
			{ displayName: 'Re-Crawl Page', name: 'spider', type: 'boolean', default: false, description: 'Whether Sailthru should fetch the page again for its metadata' },
			{ displayName: 'Site Name', name: 'site_name', type: 'string', default: '' },
			{ displayName: 'SKU', name: 'sku', type: 'string', default: '', description: 'Set the item’s SKU key' },
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', placeholder: 'outdoor, summer', description: 'Comma-separated' },
			{ displayName: 'Thumbnail URL', name: 'imageThumb', type: 'string', default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{ displayName: 'Vars (JSON)', name: 'vars', type: 'json', default: '{}', description: 'Custom item vars, e.g. {"brand": "Acme"}' },
		],
	},
];
