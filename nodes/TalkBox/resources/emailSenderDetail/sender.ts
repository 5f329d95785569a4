import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, idPath, isPlausibleEmail, text } from '../../../shared';

/** `{name, address}`: both required by TalkBox on create and update; the address must be valid. */
export async function buildSender(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const name = text(this, 'senderName');
	const address = text(this, 'senderAddress');
	if (!name) fail(this, 'Name', 'a value is required but this item has none');
	if (!isPlausibleEmail(address)) fail(this, 'Address', `"${address}" is not a valid email address`);
	options.body = { name, address };
	return options;
}

export const senderId = idPath('/email_sender_details/{0}', [{ parameter: 'emailSenderDetailId', label: 'Email Sender Detail' }]);
