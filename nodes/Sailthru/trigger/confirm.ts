import type { IDataObject, IN8nHttpFullResponse, IWebhookFunctions } from 'n8n-workflow';

import { isObject } from '../../shared/params';
import { sailthru } from '../profile';

/** Sailthru error numbers that say "our key, secret or quota", not "no such send". */
const ACCOUNT_ERRORS = [3, 4, 5, 43];

type Lookup = { found: true; body: IDataObject } | { found: false } | { failed: string };

/** One signed GET (the credential signs it): found, not found (the vendor's 4xx envelope) or failed. */
async function lookup(ctx: IWebhookFunctions, url: string, qs: IDataObject): Promise<Lookup> {
	const credentials = await ctx.getCredentials(sailthru.credentialType);
	const baseURL = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	let full: IN8nHttpFullResponse;
	try {
		full = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, sailthru.credentialType, {
			method: 'GET',
			baseURL,
			url,
			qs,
			json: true,
			headers: { Accept: 'application/json' },
			timeout: 20_000,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		return { failed: `Sailthru could not be reached (${(error as { code?: string }).code ?? 'network error'})` };
	}
	const body = full.body;
	const envelope = sailthru.readError({ statusCode: full.statusCode, headers: {}, body });
	if (full.statusCode >= 200 && full.statusCode < 300 && isObject(body) && !envelope) {
		return { found: true, body };
	}
	const code = Number(envelope?.code);
	if ([400, 404].includes(full.statusCode) && envelope && !ACCOUNT_ERRORS.includes(code)) {
		return { found: false };
	}
	return { failed: `Sailthru answered HTTP ${full.statusCode}${envelope ? ` (error ${envelope.code})` : ''}` };
}

export type Confirmation = { confirmed: true } | { confirmed: false; reason: string } | { failed: string };

/**
 * The official clients' extra check: `verify` needs GET /send (send_id) to return the posted
 * email; `hardbounce` needs GET /send (send_id) to return an email, or GET /blast (blast_id) to
 * succeed. Other events need nothing.
 */
export async function confirmPostback(ctx: IWebhookFunctions, event: string, fields: IDataObject): Promise<Confirmation> {
	const sendId = typeof fields.send_id === 'string' ? fields.send_id : '';
	const blastId = typeof fields.blast_id === 'string' ? fields.blast_id : '';
	if (event === 'verify') {
		if (sendId === '') return { confirmed: false, reason: 'a verify postback without send_id' };
		const send = await lookup(ctx, '/send', { send_id: sendId });
		if ('failed' in send) return send;
		if (!send.found || send.body.email !== fields.email) {
			return { confirmed: false, reason: 'GET /send does not confirm the email' };
		}
		return { confirmed: true };
	}
	if (event === 'hardbounce') {
		if (sendId !== '') {
			const send = await lookup(ctx, '/send', { send_id: sendId });
			if ('failed' in send) return send;
			const email = send.found ? send.body.email : undefined;
			if (typeof email !== 'string' || email === '') {
				return { confirmed: false, reason: 'GET /send does not know the send' };
			}
			return { confirmed: true };
		}
		if (blastId !== '') {
			const blast = await lookup(ctx, '/blast', { blast_id: blastId });
			if ('failed' in blast) return blast;
			return blast.found ? { confirmed: true } : { confirmed: false, reason: 'GET /blast does not know the blast' };
		}
		return { confirmed: false, reason: 'a hardbounce postback without send_id or blast_id' };
	}
	return { confirmed: true };
}
