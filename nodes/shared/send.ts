import {
	NodeOperationError,
	type ICredentialsDecrypted,
	type IExecuteSingleFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { vendorApiError } from './errors';
import { HoldTooLong, type Governor, type Ticket } from './governor';
import { pause } from './pause';
import { redactText } from './redact';
import { exchangeOnce, networkCode, unreachable } from './transport';
import { isRetryable, parseRetryAfter, retryDelay, type Failure, type RetrySettings } from './retry';
import type { VendorProfile, VendorResponse } from './vendors';

/** What one exchange needs besides the request: shared by every request of a node run. */
export interface Exchange {
	vendor: VendorProfile;
	/** The account's governor, looked up for each try (see `runGovernor`). */
	governor: () => Governor;
	settings: RetrySettings;
	secrets: readonly string[];
	/** May the request be sent again after a failure that may have had an effect? */
	retrySafe: boolean;
	/**
	 * The run's credential, decrypted once (`runState`): handed to n8n with every request, so
	 * that n8n does not read and decrypt it again for each one.
	 */
	credential: ICredentialsDecrypted;
}

/**
 * n8n's third argument to `httpRequestWithAuthentication`: the credential to authenticate with.
 * Its data is copied for each request, because n8n merges a pre-authentication token into it.
 */
const decrypted = ({ credential }: Exchange) => ({ credentialsDecrypted: { ...credential, data: { ...credential.data } } });

const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

function describeFailure(failure: Failure, response: VendorResponse | undefined): string {
	if (failure.kind === 'network') return failure.code;
	return `${failure.kind === 'rateLimit' ? 'rate limited, ' : ''}HTTP ${response?.statusCode}`;
}

const cancelled = (ctx: IExecuteSingleFunctions) => ctx.getExecutionCancelSignal()?.aborted === true;

/**
 * One try-until-done exchange through the run's governor: retries what is safe, returns the
 * final (non-retryable) response. Throws the NodeApiError the user sees when it gives up.
 */
export async function sendWithRetry(
	ctx: IExecuteSingleFunctions,
	exchange: Exchange,
	options: IHttpRequestOptions,
): Promise<VendorResponse> {
	const { vendor, settings, secrets } = exchange;
	const node = ctx.getNode();
	const itemIndex = ctx.getItemIndex();
	const signal = ctx.getExecutionCancelSignal();
	const method = (options.method ?? 'GET').toUpperCase() as IHttpRequestMethods;
	const started = Date.now();
	const tries = (attempt: number) =>
		`${attempt} ${attempt === 1 ? 'try' : 'tries'} over ${Math.round((Date.now() - started) / 1000)} s`;
	const waitTooLong = (waitMs: number, attempt: number) =>
		vendorApiError(node, {
			vendor,
			itemIndex,
			secrets,
			httpCode: 429,
			message: `${vendor.displayName} rate limit reached`,
			note: `${vendor.displayName} asked to wait ${Math.ceil(waitMs / 1000)} s, longer than the Max Wait of ${seconds(settings.maxWaitMs)} s set under Retry; gave up after ${tries(attempt)}. Raise Max Wait under Retry, or run again later.`,
		});

	for (let attempt = 1; ; attempt++) {
		const governor = exchange.governor();
		let ticket: Ticket;
		try {
			ticket = await governor.acquire(signal, settings.maxWaitMs, settings.maxConcurrent);
		} catch (error) {
			// The vendor already asked this run to hold longer than the user allows: send nothing.
			if (error instanceof HoldTooLong) throw waitTooLong(error.waitMs, attempt - 1);
			throw new NodeOperationError(node, error as Error, { itemIndex });
		}
		let response: VendorResponse | undefined;
		let failure: Failure;
		let vendorWaitMs: number | undefined;
		try {
			response = await exchangeOnce(ctx, vendor, { ...options, method }, decrypted(exchange));
		} catch (error) {
			governor.released();
			// A cancelled execution is not a failure to retry.
			if (cancelled(ctx)) throw new NodeOperationError(node, error as Error, { itemIndex });
			failure = { kind: 'network', code: networkCode(error) };
		}
		if (response) {
			const budget = vendor.rateLimitBudget?.(response);
			if (budget) governor.budget(budget.remaining, budget.resetAt);
			if (vendor.isRateLimited(response)) {
				vendorWaitMs = vendor.rateLimitWaitMs(response, Date.now());
				failure = { kind: 'rateLimit', waitMs: vendorWaitMs };
			} else if (response.statusCode >= 500 || vendor.isServerError?.(response)) {
				governor.released();
				vendorWaitMs = parseRetryAfter(response.headers['retry-after']);
				failure = { kind: 'server', status: response.statusCode };
			} else {
				governor.succeeded(ticket);
				return response;
			}
		}
		failure = failure!;

		const exhausted = attempt > settings.maxRetries;
		const allowed = isRetryable(failure, exchange.retrySafe, settings);
		const tooLong = vendorWaitMs !== undefined && vendorWaitMs > settings.maxWaitMs;
		const delay = retryDelay(attempt, settings, vendorWaitMs);
		if (failure.kind === 'rateLimit') {
			// Every request of the run holds for the wait the vendor asked (or the back-off).
			governor.slowDown(ticket, vendorWaitMs ?? delay);
		}
		if (exhausted || !allowed || tooLong) {
			let note: string;
			if (!allowed) {
				note = `Not retried: this ${vendor.displayName} operation is not safe to repeat, and the request may already have been applied. Check in ${vendor.displayName} before running it again.`;
			} else if (tooLong) {
				note = `${vendor.displayName} asked to wait ${Math.ceil(vendorWaitMs! / 1000)} s, longer than the Max Wait of ${seconds(settings.maxWaitMs)} s set under Retry; gave up after ${tries(attempt)}.`;
			} else {
				note = `Gave up after ${tries(attempt)} (Max Retries ${settings.maxRetries}, set under Retry).`;
			}
			if (failure.kind === 'rateLimit') {
				note += ' Raise Max Retries or Max Wait, or lower Max Concurrent Requests, under Retry.';
			}
			if (failure.kind === 'network') {
				note =
					failure.code === 'BODY_CUT'
						? `The status line arrived, then the body stopped before its end. ${note}`
						: `System error ${failure.code}. ${note}`;
			}
			const message =
				failure.kind === 'network'
					? failure.code === 'BODY_CUT'
						? `${vendor.displayName}'s answer was cut off in the middle of its body`
						: unreachable(vendor, failure.code)
					: response && !vendor.readError(response) && failure.kind === 'rateLimit'
						? `${vendor.displayName} rate limit reached (HTTP ${response.statusCode})`
						: undefined;
			throw vendorApiError(node, { vendor, response, itemIndex, secrets, message, note });
		}

		ctx.logger.warn(
			redactText(
				`${vendor.displayName} ${method} ${options.url ?? ''}: ${describeFailure(failure, response)}; retry ${attempt} of ${settings.maxRetries} in ${delay} ms${failure.kind === 'rateLimit' ? ' (the whole run holds)' : ''}`,
				secrets,
			),
			{ itemIndex },
		);
		// After a rate limit the governor holds this request with the others; else back off here.
		if (failure.kind !== 'rateLimit' && delay > 0) {
			try {
				await pause(delay, signal);
			} catch (error) {
				throw new NodeOperationError(node, error as Error, { itemIndex });
			}
		}
	}
}
