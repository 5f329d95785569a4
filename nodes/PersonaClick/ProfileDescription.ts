import type { INodeProperties } from 'n8n-workflow';

import { forceChangeFields, forceChangeOperations } from './profile/forceChange';
import { getFields, getOperation } from './profile/get';
import { purgeFields, purgeOperation } from './profile/purge';
import { upsertFields, upsertOperation } from './profile/upsert';

export const profileOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['profile'] } },
		options: [upsertOperation, ...forceChangeOperations, getOperation, purgeOperation],
		default: 'get',
	},
];

export const profileFields: INodeProperties[] = [...getFields, ...upsertFields, ...purgeFields, ...forceChangeFields];
