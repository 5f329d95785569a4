import { showFor, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { offerPath } from '../../lib/shortUrlCode';
import { siteSlug } from '../../lib/siteSlug';

const CHANNELS = ['facebook', 'linkedin', 'other', 'sms', 'twitter', 'whatsapp'];
const CHANNEL_NAMES: Record<string, string> = {
	facebook: 'Facebook',
	linkedin: 'LinkedIn',
	other: 'Other',
	sms: 'SMS',
	twitter: 'Twitter',
	whatsapp: 'WhatsApp',
};

export const createSocialOperation: ResourceOperation = {
	option: operation({
		name: 'Create Social Share',
		value: 'createSocial',
		action: 'Record a social share of an offer',
		description: 'Record that the advocate shared the offer on a social channel',
		method: 'POST',
		url: '/offers',
		preSend: [offerPath('/shares/social'), siteSlug],
		output: single(),
		retrySafe: false,
	}),
	fields: [
		{
			displayName: 'Channel',
			name: 'channel',
			type: 'options',
			required: true,
			default: 'facebook',
			options: CHANNELS.map((value) => ({ name: CHANNEL_NAMES[value], value })),
			description: 'Where the advocate shared the offer',
			displayOptions: showFor('share')(['createSocial']),
			routing: { send: { type: 'body', property: 'channel' } },
		},
	],
};
