import { NodeConnectionTypes, type INodeType } from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { customOperationsOf, retryProperty, withInputChecks } from '../shared';
import { assetResource } from './AssetDescription';
import { campaignResource } from './CampaignDescription';
import type { TalkableResource } from './common';
import { couponResource } from './CouponDescription';
import { loyaltyMemberResource } from './loyalty/LoyaltyMemberDescription';
import { metricResource } from './MetricDescription';
import { offerClaimResource } from './OfferClaimDescription';
import { offerResource } from './OfferDescription';
import { originResource } from './origin/OriginDescription';
import { personResource } from './PersonDescription';
import { pickerMethods } from './pickers';
import { referralResource } from './ReferralDescription';
import { refundResource } from './RefundDescription';
import { rewardResource } from './RewardDescription';
import { shareResource } from './ShareDescription';
import { siteSlugProperty } from './siteSlug';
import { trafficSourceResource } from './TrafficSourceDescription';
import { visitorResource } from './VisitorDescription';
import { visitorOfferResource } from './VisitorOfferDescription';
import { talkable } from './profile';

const resources: TalkableResource[] = [
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
].sort((a, b) => String(a.option.name).localeCompare(String(b.option.name)));

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
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resources.map((resource) => resource.option),
				default: 'person',
			},
			...resources.flatMap((resource) => resource.properties),
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
