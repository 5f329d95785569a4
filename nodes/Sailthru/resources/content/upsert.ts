/** Content → Create or Update (POST /content): a product or article, with price and inventory. */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { collectionProperty, fail, list, type ResourceOperation, showFor } from '../../../shared';
import { callParameters, cents, flag, jsonObject, optional, sailthruTime, wholeNumber, type Read } from '../../lib/helpers';
import { identity } from './identity';
import { operation } from '../../lib/operation';


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
		...identity.call(this, read),
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

export const upsertOperation: ResourceOperation = {
	option: operation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a content item',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		method: 'POST',
		url: '/content',
		retrySafe: true,
		preSend: [callParameters(contentParameters)],
	}),
	fields: [
		collectionProperty('Additional Fields', 'additionalFields', 'Add Field', showFor('content')(['upsert']), [
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
		]),
	],
};
