import type { INodeProperties } from 'n8n-workflow';

import { MAX_DESCRIPTION, WEEKDAYS } from './body';

/** The optional offer fields (Additional Fields on create, Update Fields on update). */
export function offerFields(withNameAndDescription: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Archived',
			name: 'archived',
			type: 'boolean',
			default: false,
			description: 'Whether the offer is archived',
		},
		{
			displayName: 'Creation Message ID',
			name: 'creationMessageId',
			type: 'string',
			default: '',
			description: 'ID of the promotion sent when a voucher of this offer is issued',
		},
		{
			displayName: 'Duration (Days)',
			name: 'duration',
			type: 'number',
			default: 30,
			typeOptions: { minValue: 0 },
			description: 'How many days a voucher stays valid after it is issued',
		},
		{
			displayName: 'Expiry Message ID',
			name: 'expiryMessageId',
			type: 'string',
			default: '',
			description: 'ID of the promotion sent when a voucher expires',
		},
		{
			displayName: 'Redeemable Days',
			name: 'restrictDays',
			type: 'multiOptions',
			default: [],
			description: 'Days of the week the offer can be redeemed on (none: every day)',
			options: WEEKDAYS.map((day) => ({ name: day, value: day })),
		},
		{
			displayName: 'Redeemable From',
			name: 'restrictFromTime',
			type: 'string',
			default: '',
			placeholder: 'e.g. 12:05 AM',
			description: 'Time of day from which the offer can be redeemed (needs Redeemable Until)',
		},
		{
			displayName: 'Redeemable Until',
			name: 'restrictToTime',
			type: 'string',
			default: '',
			placeholder: 'e.g. 04:30 AM',
			description: 'Time of day after which the offer cannot be redeemed (needs Redeemable From)',
		},
		{
			displayName: 'Redemption Message ID',
			name: 'redemptionMessageId',
			type: 'string',
			default: '',
			description: 'ID of the promotion sent when a voucher is redeemed',
		},
		{
			displayName: 'Reminder Message IDs',
			name: 'reminderMessageIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 101,102',
			description: 'Comma-separated IDs of the promotions sent as reminders',
		},
		{
			displayName: 'User Data (JSON)',
			name: 'userData',
			type: 'json',
			default: '{}',
			description: 'Data passed to the scanning app when a voucher of this offer is redeemed',
		},
		{
			displayName: 'Valid From',
			name: 'validFromDatetime',
			type: 'dateTime',
			default: '',
			description: 'Start of the validity period (date and time)',
		},
		{
			displayName: 'Valid From (Date)',
			name: 'validFrom',
			type: 'dateTime',
			default: '',
			description: 'Start of the validity period, as a date only (sent as yyyy-mm-dd)',
		},
		{
			displayName: 'Valid To',
			name: 'validToDatetime',
			type: 'dateTime',
			default: '',
			description: 'End of the validity period (date and time)',
		},
		{
			displayName: 'Valid To (Date)',
			name: 'validTo',
			type: 'dateTime',
			default: '',
			description: 'End of the validity period, as a date only (sent as yyyy-mm-dd)',
		},
	];
	if (withNameAndDescription) {
		fields.push(
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: `Shown in the scanning app; at most ${MAX_DESCRIPTION} characters, no line breaks`,
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Shown in the scanning app',
			},
		);
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
