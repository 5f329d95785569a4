/** The `data` of an origin, built from the item's parameters (fields.ts declares them). */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, isoDateTime, isPlausibleEmail, setBodyPath } from '../../../shared';
import { optional, pairs, put, textList } from '../../lib/common';
import { ALL, type OriginKind } from './fields';

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
