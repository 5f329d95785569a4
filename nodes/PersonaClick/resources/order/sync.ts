import type { INodeProperties } from 'n8n-workflow';

import { rowsProperty, showFor, textProperty, type ResourceOperation } from '../../../shared';
import { successOutput } from '../../lib/common';
import { operation } from '../../lib/operation';
import { ORDERS_BATCH, ORDERS_PACE, batchNote } from './batch';
import { syncOrderToBody, type VALUE_FIELDS } from './build';

const show = showFor('order');

const identifierText = (displayName: string, name: string, description: string, placeholder?: string) =>
	textProperty(displayName, name, { description, placeholder });

const money = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: 0,
	typeOptions: { numberPrecision: 2 },
	description,
});

const VALUE_DESCRIPTIONS: Record<(typeof VALUE_FIELDS)[number], [string, string]> = {
	delivery: ['Delivery', 'Delivery cost'],
	discount: ['Discount', 'Discount amount'],
	total: ['Total', 'The final cost of the order'],
};

export const syncOperation: ResourceOperation = {
	option: operation({
		name: 'Sync',
		value: 'sync',
		action: 'Sync orders',
		description: `Import order history or update imported orders. ${batchNote}. Not for new live orders (those come from purchase tracking).`,
		method: 'POST',
		url: '/sync/orders',
		preSend: [syncOrderToBody],
		output: { transform: successOutput },
		retrySafe: true,
		batch: ORDERS_BATCH,
		pace: ORDERS_PACE,
	}),
	fields: [
		{
			displayName: 'Value',
			name: 'orderValue',
			type: 'collection',
			placeholder: 'Add Value Part',
			default: {},
			description: 'The parts of the order’s final cost (required for a new or imported order)',
			displayOptions: show(['sync']),
			options: [
				money(VALUE_DESCRIPTIONS.delivery[0], 'delivery', VALUE_DESCRIPTIONS.delivery[1]),
				money(VALUE_DESCRIPTIONS.discount[0], 'discount', VALUE_DESCRIPTIONS.discount[1]),
				{
					displayName: 'More Value Fields (JSON)',
					name: 'more',
					type: 'json',
					default: '{}',
					description: 'Other parts of the value as a JSON object, as PersonaClick documents them',
				},
				money(VALUE_DESCRIPTIONS.total[0], 'total', VALUE_DESCRIPTIONS.total[1]),
			],
		},
		rowsProperty(
			'Items',
			'orderItems',
			'Add Item',
			'The products of the order (required for a new or imported order)',
			[
				{
					displayName: 'Item',
					name: 'item',
					values: [
						{
							displayName: 'Product ID',
							name: 'id',
							type: 'string',
							default: '',
							description: 'The product ID as in your product feed',
						},
						{
							displayName: 'Price',
							name: 'price',
							type: 'number',
							default: 0,
							typeOptions: { numberPrecision: 2 },
							description: 'Price of one unit',
						},
						{
							displayName: 'Quantity',
							name: 'quantity',
							type: 'number',
							default: 1,
							typeOptions: { minValue: 1, numberPrecision: 0 },
						},
					],
				},
			],
			show(['sync']),
		),
		{
			displayName: 'Items (JSON)',
			name: 'orderItemsJson',
			type: 'json',
			default: '',
			description:
				'The products as a JSON array instead of Items (e.g. mapped from the input item): one object per product with its ID, price and quantity',
			displayOptions: show(['sync']),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(['sync']),
			options: [
				{
					displayName: 'Channel',
					name: 'channel',
					type: 'string',
					default: '',
					placeholder: 'e.g. website',
					description:
						'The sales channel (required for a new or imported order), e.g. website, offline, pos, mobile_ios, callcenter',
				},
				{
					displayName: 'Date',
					name: 'date',
					type: 'dateTime',
					default: '',
					description: 'When the order was placed (sent as Unix seconds; required for a new or imported order)',
				},
				identifierText('Email', 'email', 'Links the order to the customer with this email', 'name@email.com'),
				identifierText('External ID', 'externalId', 'Links the order to the customer with this ID of your store'),
				identifierText('Loyalty ID', 'loyaltyId', 'Links the order to the customer with this loyalty ID'),
				{
					displayName: 'Offline',
					name: 'offline',
					type: 'boolean',
					default: false,
					description: 'Whether the order was placed offline',
				},
				identifierText(
					'Phone',
					'phone',
					'Links the order to the customer with this phone, in international format',
					'e.g. +15550100000',
				),
			],
		},
	],
};
