/**
 * The `data` of an origin (purchase, event, affiliate member), shared by the single, generic and
 * batch create operations: its parameters and the preSend hook that builds it.
 */
import type { IDataObject, IDisplayOptions, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fail, isoDateTime, isPlausibleEmail, setBodyPath, textProperty } from '../../shared';
import { optional, pairs, propertyPairs, put, textList } from '../common';
import { CURRENCIES } from './currencies';

export type OriginKind = 'Purchase' | 'Event' | 'AffiliateMember';

/** Operations that create one kind of origin (the generic `create` picks it with Type). */
export const KIND_OPERATIONS: Record<OriginKind, string[]> = {
	Purchase: ['createPurchase', 'createPurchaseBatch'],
	Event: ['createEvent', 'createEventBatch'],
	AffiliateMember: ['createAffiliateMember', 'createAffiliateMemberBatch'],
};

/** Display options: the operations of these kinds, and `create` with one of these types. */
function forKinds(kinds: OriginKind[]): IDisplayOptions[] {
	return [
		{ show: { resource: ['origin'], operation: kinds.flatMap((kind) => KIND_OPERATIONS[kind]) } },
		{ show: { resource: ['origin'], operation: ['create'], originType: kinds } },
	];
}

/** The same parameter once per display condition (n8n ORs nothing inside one `show`). */
const shownFor = (kinds: OriginKind[], property: Omit<INodeProperties, 'displayOptions'>): INodeProperties[] =>
	forKinds(kinds).map((displayOptions) => ({ ...property, displayOptions }) as INodeProperties);

const ALL: OriginKind[] = ['Purchase', 'Event', 'AffiliateMember'];
const COMMERCE: OriginKind[] = ['Purchase', 'Event'];

const text = (displayName: string, name: string, description?: string, placeholder?: string) =>
	textProperty(displayName, name, { description, placeholder });

/** Optional fields of every origin (the OpenAPI's names, camel-cased). */
const commonOptions: INodeProperties[] = [
	text('Campaign Tags', 'campaignTags', 'Campaign tag(s) that choose the campaign, e.g. post-purchase', 'post-purchase'),
	{
		displayName: 'Created At',
		name: 'createdAt',
		type: 'dateTime',
		default: '',
		description: 'When it happened (default: now). Sent as ISO 8601 with the workflow’s time zone.',
	},
	text('Customer ID', 'customerId', 'Your own identifier for this customer'),
	text('First Name', 'firstName'),
	text('IP Address', 'ipAddress', 'The customer’s IP address (used for fraud checks)', '192.0.2.255'),
	text('Last Name', 'lastName'),
	text('Phone Number', 'phoneNumber', 'In international (E.164) format', '+12025551111'),
	text('Segment 1', 'segment1', 'Free-form segment for reports'),
	text('Segment 2', 'segment2', 'Free-form segment for reports'),
	text('Segment 3', 'segment3', 'Free-form segment for reports'),
	text(
		'Sharing Channels',
		'sharingChannels',
		'Comma-separated channels to build unique Friend Claim Page links for (output as claim_links)',
		'facebook, custom',
	),
	text('Traffic Source', 'trafficSource', undefined, 'in-store'),
	text('Username', 'username'),
	text('UTM Campaign', 'utmCampaign'),
	text('UTM Content', 'utmContent'),
	text('UTM Medium', 'utmMedium'),
	text('UTM Source', 'utmSource'),
	text('UTM Term', 'utmTerm'),
	text('Visitor UUID', 'uuid', 'The visitor UUID from the Talkable integration', '123e4567-e89b-32d1-a456-426614174000'),
];

/** Optional fields of purchases and events only. */
const commerceHide = {
	hide: { '/operation': KIND_OPERATIONS.AffiliateMember, '/originType': ['AffiliateMember'] },
};
const commerceOptions: INodeProperties[] = [
	{ ...text('Coupon Codes', 'couponCodes', 'Comma-separated coupon codes used on the order', 'C0001, C0002'), displayOptions: commerceHide },
	{
		displayName: 'Currency',
		name: 'currencyIsoCode',
		type: 'options',
		default: 'USD',
		description: 'Currency of the subtotal and item prices',
		options: [...CURRENCIES].sort().map((code) => ({ name: code, value: code })),
		displayOptions: commerceHide,
	},
	{
		...text('Shipping Address', 'shippingAddress', 'Full address of the order, in one line', '456 White Finch St., North Augusta, South Carolina, 29860, United States'),
		displayOptions: commerceHide,
	},
	{ ...text('Shipping ZIP', 'shippingZip', 'Used for fraud protection by address', '29860'), displayOptions: commerceHide },
];

const additionalFields: Omit<INodeProperties, 'displayOptions'> = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [...commonOptions, ...commerceOptions].sort((a, b) => a.displayName.localeCompare(b.displayName)),
};

export const originDataProperties: INodeProperties[] = [
	...shownFor(ALL, {
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email of the customer (the advocate)',
	}),
	...shownFor(['Purchase'], {
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		required: true,
		default: '',
		description: 'Unique order number. Talkable refuses the same number with different data ("Duplicate entity").',
	}),
	...shownFor(['Event'], {
		displayName: 'Event Category',
		name: 'eventCategory',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'newsletter_subscription',
	}),
	...shownFor(['Event'], {
		displayName: 'Event Number',
		name: 'eventNumber',
		type: 'string',
		required: true,
		default: '',
		description: 'Unique number of the event within its category',
	}),
	...shownFor(COMMERCE, {
		displayName: 'Subtotal',
		name: 'subtotal',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'Amount of the order or event, without shipping and taxes',
	}),
	...shownFor(ALL, additionalFields),
	...shownFor(
		ALL,
		propertyPairs({
			name: 'customProperties',
			displayName: 'Custom Properties',
			description: 'Custom properties of the person (sent as custom_properties)',
		}) as Omit<INodeProperties, 'displayOptions'>,
	),
	...shownFor(COMMERCE, {
		displayName: 'Items',
		name: 'orderItems',
		type: 'fixedCollection',
		placeholder: 'Add Item',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'The products of the order',
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{ displayName: 'Product ID', name: 'productId', type: 'string', default: '', placeholder: 'TSHIRT' },
					{ displayName: 'Price', name: 'price', type: 'number', default: 0, typeOptions: { numberPrecision: 2 } },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, typeOptions: { minValue: 1 } },
				],
			},
		],
	}),
];

const FIELD_KEYS: Array<[string, string]> = [
	['campaignTags', 'campaign_tags'],
	['customerId', 'customer_id'],
	['firstName', 'first_name'],
	['ipAddress', 'ip_address'],
	['lastName', 'last_name'],
	['phoneNumber', 'phone_number'],
	['segment1', 'segment1'],
	['segment2', 'segment2'],
	['segment3', 'segment3'],
	['trafficSource', 'traffic_source'],
	['username', 'username'],
	['utmCampaign', 'utm_campaign'],
	['utmContent', 'utm_content'],
	['utmMedium', 'utm_medium'],
	['utmSource', 'utm_source'],
	['utmTerm', 'utm_term'],
	['uuid', 'uuid'],
];

function requiredText(ctx: IExecuteSingleFunctions, name: string, label: string): string {
	const value = optional(ctx, name);
	if (value === undefined) fail(ctx, label, 'a value is required but this item has none');
	return String(value).trim();
}

function amount(ctx: IExecuteSingleFunctions, value: unknown, label: string, required: boolean): number | undefined {
	if (value === undefined || value === null || value === '') {
		if (required) fail(ctx, label, 'a value is required but this item has none');
		return undefined;
	}
	const number = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isFinite(number)) fail(ctx, label, `"${String(value)}" is not a number`);
	return number;
}

/** The `data` object of one origin of this kind, from the item's parameters. */
export function originData(ctx: IExecuteSingleFunctions, kind: OriginKind): IDataObject {
	const data: IDataObject = {};
	const email = requiredText(ctx, 'email', 'Email');
	if (!isPlausibleEmail(email)) fail(ctx, 'Email', `"${email}" is not a valid email address`);
	data.email = email;
	if (kind === 'Purchase') data.order_number = requiredText(ctx, 'orderNumber', 'Order Number');
	if (kind === 'Event') {
		data.event_category = requiredText(ctx, 'eventCategory', 'Event Category');
		data.event_number = requiredText(ctx, 'eventNumber', 'Event Number');
	}
	if (kind !== 'AffiliateMember') data.subtotal = amount(ctx, ctx.getNodeParameter('subtotal', undefined), 'Subtotal', true);

	const fields = (ctx.getNodeParameter('additionalFields', {}) ?? {}) as IDataObject;
	for (const [parameter, key] of FIELD_KEYS) put(data, key, typeof fields[parameter] === 'string' ? (fields[parameter] as string).trim() : fields[parameter]);
	put(data, 'sharing_channels', textList(fields.sharingChannels));
	put(data, 'created_at', isoDateTime(ctx, fields.createdAt, 'Created At'));
	put(data, 'custom_properties', pairs(ctx, ctx.getNodeParameter('customProperties', {}), 'Custom Properties'));
	if (kind !== 'AffiliateMember') {
		put(data, 'coupon_codes', textList(fields.couponCodes));
		put(data, 'currency_iso_code', fields.currencyIsoCode);
		put(data, 'shipping_address', typeof fields.shippingAddress === 'string' ? fields.shippingAddress.trim() : undefined);
		put(data, 'shipping_zip', typeof fields.shippingZip === 'string' ? fields.shippingZip.trim() : undefined);
		const items = ((ctx.getNodeParameter('orderItems', {}) as IDataObject).item ?? []) as IDataObject[];
		if (items.length) {
			data.items = items.map((item, index) => {
				const label = `Items (item ${index + 1})`;
				const productId = String(item.productId ?? '').trim();
				if (!productId) fail(ctx, label, 'the product ID is empty');
				return {
					product_id: productId,
					price: amount(ctx, item.price, label, true),
					quantity: amount(ctx, item.quantity ?? 1, label, true),
				};
			});
		}
	}
	return data;
}

/** preSend: `data` for this kind (or, for `create`, the Type parameter's kind; `type` is sent too). */
export function buildOrigin(kind?: OriginKind) {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		let chosen = kind;
		if (!chosen) {
			chosen = this.getNodeParameter('originType', 'Purchase') as OriginKind;
			if (!ALL.includes(chosen)) fail(this, 'Type', `"${String(chosen)}" is not Purchase, Event or AffiliateMember`);
			setBodyPath(options, 'type', chosen);
		}
		setBodyPath(options, 'data', originData(this, chosen));
		return options;
	};
}
