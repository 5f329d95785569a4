/**
 * Content Library (GET/POST/DELETE /content): products and articles, with realtime price and
 * inventory updates. Items are identified by URL (default) or SKU.
 */
import { defineResource, requiredText, showFor, type NodeResource } from '../../../shared';
import { deleteOperation } from './delete';
import { getAllOperation } from './getAll';
import { getOperation } from './get';
import { upsertOperation } from './upsert';

const show = showFor('content');

export const contentResource: NodeResource = defineResource({
	name: 'Content',
	value: 'content',
	operations: [upsertOperation, deleteOperation, getOperation, getAllOperation],
	defaultOperation: getOperation,
	fields: [
		requiredText('ID', 'id', 'https://shop.example.com/p/sku-1', 'The item’s URL, or its SKU when Key is SKU (a new item needs its URL)', show(['get', 'upsert', 'delete'])),
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
	],
});
