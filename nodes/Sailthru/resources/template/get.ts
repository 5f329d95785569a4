/** Template → Get (GET /template): a template with all its fields, by name or by revision ID. */
import { showFor, type ResourceOperation } from '../../../shared';
import { callParameters, required } from '../../lib/helpers';
import { templateLocator } from './locator';
import { operation } from '../../lib/operation';

const show = showFor('template');

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a template',
		description: 'Get a template with all its fields, by name or by revision ID',
		method: 'GET',
		url: '/template',
		retrySafe: true,
		preSend: [
			callParameters(function (read) {
				if (read('getBy', 'template') === 'revision') {
					const revision = required(this, read, 'revision', 'Revision ID');
					return { revision: /^\d+$/.test(revision) ? Number(revision) : revision };
				}
				return { template: required(this, read, 'template', 'Template') };
			}),
		],
	}),
	fields: [
		{
			displayName: 'Get By',
			name: 'getBy',
			type: 'options',
			default: 'template',
			options: [
				{ name: 'Template Name', value: 'template' },
				{ name: 'Revision ID', value: 'revision', description: 'One saved revision of a template' },
			],
			displayOptions: show(['get']),
		},
		templateLocator('The template, by name', show(['get'], { getBy: ['template'] })),
		{
			displayName: 'Revision ID',
			name: 'revision',
			type: 'string',
			required: true,
			default: '',
			placeholder: '1234',
			displayOptions: show(['get'], { getBy: ['revision'] }),
		},
	],
};
