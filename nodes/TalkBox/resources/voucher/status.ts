/** The voucher statuses TalkBox filters by. */
export const STATUS_OPTIONS = [
	{ name: 'After Valid Period', value: 'after_valid_period' },
	{ name: 'Before Valid Period', value: 'before_valid_period' },
	{ name: 'Redeemable', value: 'redeemable' },
	{ name: 'Redeemed', value: 'redeemed' },
];
