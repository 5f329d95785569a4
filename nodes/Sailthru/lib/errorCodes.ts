/**
 * Sailthru's numbered API errors (the `error` field of `{"error": N, "errormsg": "…"}`) and what
 * each means, from Sailthru's API responses page. The vendor profile shows the meaning as the
 * error description, next to Sailthru's own message.
 */
export const SAILTHRU_ERRORS: Readonly<Record<number, string>> = {
	1: 'This HTTP method is not supported for this call.',
	2: 'A required parameter is missing.',
	3: 'Invalid API key.',
	4: 'The caller’s IP address is not on the account’s allowed list.',
	5: 'Authentication failed: the request signature does not match the API secret.',
	6: 'A field holds invalid UTF-8.',
	9: 'Internal Sailthru error: the request was probably not saved.',
	11: 'Invalid email address.',
	12: 'Unknown send ID.',
	13: 'Unknown blast ID.',
	14: 'Unknown template: check the template name.',
	15: 'Unknown list: check the list name.',
	16: 'Unknown site (legacy contacts import).',
	17: 'Login failure (legacy contacts import).',
	18: 'A time value could not be parsed: use e.g. "now", "+3 hours" or "2025-01-02 10:00 UTC".',
	21: 'The account is not approved for sending yet.',
	22: 'This API call is available to premium accounts only.',
	32: 'The recipient has opted out of all mail from this client.',
	33: 'The recipient has opted out of this template.',
	34: 'This address may never be emailed.',
	35: 'This address is a known hard bounce.',
	36: 'The from address is not verified.',
	37: 'The recipient accepts only basic (transactional) templates.',
	41: 'Cannot cancel or delete: it was already sent.',
	42: 'A named field holds invalid UTF-8.',
	43: 'Too many requests of this type to this endpoint this minute: the node waits for the X-Rate-Limit-Reset time.',
	99: 'Other error: see Sailthru’s message.',
};

/** The meaning of a Sailthru error number, when it is a documented one. */
export function sailthruErrorMeaning(code: unknown): string | undefined {
	const number = Number(code);
	return Number.isInteger(number) ? SAILTHRU_ERRORS[number] : undefined;
}
