import { NodeConnectionTypes, type INodeType } from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { customOperationsOf, resourceProperties, retryProperty, withInputChecks, type NodeResource } from '../shared';
import { siteSlugProperty } from './lib/siteSlug';
import { pickerMethods } from './methods/pickers';
import { talkable } from './profile';
import { assetResource } from './resources/asset';
import { campaignResource } from './resources/campaign';
import { couponResource } from './resources/coupon';
import { loyaltyMemberResource } from './resources/loyaltyMember';
import { metricResource } from './resources/metric';
import { offerResource } from './resources/offer';
import { offerClaimResource } from './resources/offerClaim';
import { originResource } from './resources/origin';
import { personResource } from './resources/person';
import { referralResource } from './resources/referral';
import { refundResource } from './resources/refund';
import { rewardResource } from './resources/reward';
import { shareResource } from './resources/share';
import { trafficSourceResource } from './resources/trafficSource';
import { visitorResource } from './resources/visitor';
import { visitorOfferResource } from './resources/visitorOffer';

const resources: NodeResource[] = [
	assetResource,
	campaignResource,
	couponResource,
	loyaltyMemberResource,
	metricResource,
	offerResource,
	offerClaimResource,
	originResource,
	personResource,
	referralResource,
	refundResource,
	rewardResource,
	shareResource,
	trafficSourceResource,
	visitorResource,
	visitorOfferResource,
];

export class Talkable implements INodeType {
	description: HintedNodeTypeDescription = {
		displayName: 'Talkable',
		name: 'talkable',
		icon: { light: 'file:../../icons/talkable.svg', dark: 'file:../../icons/talkable.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Record purchases and events, manage referrals, people, coupons, offers and loyalty in Talkable',
		defaults: { name: 'Talkable' },
		builderHint: {
			searchHint:
				'Talkable referral and loyalty marketing. Record a purchase: `resource: origin`, `operation: createPurchase` (required `email`, `orderNumber`, `subtotal`). Record another conversion: `resource: origin`, `operation: createEvent` (required `email`, `eventCategory`, `eventNumber`, `subtotal`). Unsubscribe a person: `resource: person`, `operation: unsubscribe` (required `personSlug`, e.g. the email). Create or update a person: `resource: person`, `operation: upsert` (required `personSlug`). Refund a purchase: `resource: refund`, `operation: create` (required `originSlug`). To start a workflow on a Talkable reward or referral, use Talkable Trigger.',
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'talkableApi', required: true }],
		requestDefaults: {
			headers: { Accept: 'application/json' },
		},
		properties: withInputChecks([
			...resourceProperties(resources, 'person'),
			siteSlugProperty,
			retryProperty(talkable),
		]),
	};

	/** Each operation runs through the shared runner: one evaluation per parameter per item. */
	customOperations = customOperationsOf(this.description);

	methods = {
		loadOptions: { ...pickerMethods.loadOptions },
		listSearch: { ...pickerMethods.listSearch },
	};
}
