/**
 * The `data` of an origin (purchase, event, affiliate member), shared by the single, generic and
 * batch create operations: its parameters (data.ts builds it).
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { requiredText, rowsProperty, textProperty } from '../../../shared';
import { propertyPairs, VISITOR_UUID_EXAMPLE } from '../../lib/common';
import { CURRENCIES } from './currencies';

export type OriginKind = 'Purchase' | 'Event' | 'AffiliateMember';

/** Operations that create one kind of origin (the generic `create` picks it with Type). */
export const KIND_OPERATIONS: Record<OriginKind, string[]> = {
	Purchase: ['createPurchase', 'createPurchaseBatch'],
	Event: ['createEvent', 'createEventBatch'],
	AffiliateMember: ['createAffiliateMember', 'createAffiliateMemberBatch'],
};

/** A parameter of the data and the kinds of origin that have it (`shownFor` below). */
interface DataField {
	kinds: OriginKind[];
	property: Omit<INodeProperties, 'displayOptions'>;
}

const shownFor = (kinds: OriginKind[], property: Omit<INodeProperties, 'displayOptions'>): DataField => ({ kinds, property });

export const ALL: OriginKind[] = ['Purchase', 'Event', 'AffiliateMember'];
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
	text('Visitor UUID', 'uuid', 'The visitor UUID from the Talkable integration', VISITOR_UUID_EXAMPLE),
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

const dataFields: DataField[] = [
	shownFor(ALL, requiredText('Email', 'email', 'name@email.com', 'Email of the customer (the advocate)')),
	shownFor(['Purchase'], {
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		required: true,
		default: '',
		description: 'Unique order number. Talkable refuses the same number with different data ("Duplicate entity").',
	}),
	shownFor(['Event'], {
		displayName: 'Event Category',
		name: 'eventCategory',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'newsletter_subscription',
	}),
	shownFor(['Event'], {
		displayName: 'Event Number',
		name: 'eventNumber',
		type: 'string',
		required: true,
		default: '',
		description: 'Unique number of the event within its category',
	}),
	shownFor(COMMERCE, {
		displayName: 'Subtotal',
		name: 'subtotal',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'Amount of the order or event, without shipping and taxes',
	}),
	shownFor(ALL, additionalFields),
	shownFor(
		ALL,
		propertyPairs({
			name: 'customProperties',
			displayName: 'Custom Properties',
			description: 'Custom properties of the person (sent as custom_properties)',
		}) as Omit<INodeProperties, 'displayOptions'>,
	),
	shownFor(
		COMMERCE,
		rowsProperty('Items', 'orderItems', 'Add Item', 'The products of the order', [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{ displayName: 'Product ID', name: 'productId', type: 'string', default: '', placeholder: 'TSHIRT' },
					{ displayName: 'Price', name: 'price', type: 'number', default: 0, typeOptions: { numberPrecision: 2 } },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, typeOptions: { minValue: 1 } },
				],
			},
		]),
	),
];

/**
 * The same parameters once per display condition (n8n ORs nothing inside one `show`): for the
 * operations of their kinds, and for `create` with one of their types.
 */
const shownWhere = (displayOptions: (kinds: OriginKind[]) => IDisplayOptions): INodeProperties[] =>
	dataFields.map(({ kinds, property }) => ({ ...property, displayOptions: displayOptions(kinds) }) as INodeProperties);

/** The data parameters as the single and batch operations of one kind show them. */
export const originDataProperties = shownWhere((kinds) => ({
	show: { resource: ['origin'], operation: kinds.flatMap((kind) => KIND_OPERATIONS[kind]) },
}));

/** The data parameters as Create shows them, by the Type chosen. */
export const createDataProperties = shownWhere((kinds) => ({
	show: { resource: ['origin'], operation: ['create'], originType: kinds },
}));
