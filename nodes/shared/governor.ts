import { pause } from './pause';

/**
 * The request governor: one per node run (every item of one execution of one node shares it).
 *
 * n8n's declarative routing starts every item's request at once; the governor decides when each
 * may really go out:
 * - at most `limit` requests are in flight (the user's *Max Concurrent Requests*, lowered to what
 *   the vendor has shown it accepts);
 * - when the vendor says "slow down" (429, Sailthru error 43), every waiting and later request
 *   holds until the wait it asked for has passed, each with a little jitter so the first wave
 *   after the pause does not arrive at once; the run then resumes with few requests in flight and
 *   ramps back up (one more per success) to the level the vendor accepted, and only probes
 *   above that level after a quiet period;
 * - when the vendor announces its remaining budget (Sailthru's X-Rate-Limit-Remaining / -Reset),
 *   requests hold before the budget runs out instead of after;
 * - an operation may ask for a fixed pace (e.g. 40 requests a minute).
 * Cancelling the execution wakes every waiting request at once (they then throw).
 */
export interface GovernorOptions {
	/** Most requests in flight at once. */
	maxConcurrent: number;
	/** Least time between the starts of two requests (a documented pace), in ms. */
	minIntervalMs?: number;
	/** Quiet time after a slow-down before the governor tries one more request in flight. */
	probeAfterMs?: number;
	random?: () => number;
}

export interface Ticket {
	/** Requests in flight when this one started (itself included). */
	readonly concurrency: number;
	/** The slow-downs seen before it started: one refused wave lowers the ceiling once. */
	readonly epoch: number;
}

const MAX_JITTER_MS = 1000;

/** The vendor asked the run to hold for longer than the caller may wait. */
export class HoldTooLong extends Error {
	constructor(readonly waitMs: number) {
		super(`The vendor asked to hold for ${Math.ceil(waitMs / 1000)} s`);
	}
}

export class Governor {
	/** What the user allows at most. */
	private readonly cap: number;

	/** What the vendor has shown it accepts (the cap until it says otherwise). */
	private ceiling: number;

	/** What may be in flight now (ramps up to the ceiling after a pause). */
	private limit: number;

	private inFlight = 0;

	private pausedUntil = 0;

	private lastSlowDown = 0;

	private nextStartAt = 0;

	/** Requests waiting for a slot, first come first served. */
	private readonly waiters: Array<() => void> = [];

	private readonly minIntervalMs: number;

	private readonly probeAfterMs: number;

	private readonly random: () => number;

	/** Peak of requests in flight (for benchmarks and tests). */
	maxInFlight = 0;

	/** How often a vendor asked to slow down during this run. */
	slowDowns = 0;

	constructor(options: GovernorOptions) {
		this.cap = Math.max(1, Math.floor(options.maxConcurrent));
		this.ceiling = this.cap;
		this.limit = this.cap;
		this.minIntervalMs = Math.max(0, options.minIntervalMs ?? 0);
		this.probeAfterMs = options.probeAfterMs ?? 30_000;
		this.random = options.random ?? Math.random;
	}

	/**
	 * Wait for a slot (and for any pause or pace) and take it. A pause longer than `maxWaitMs`
	 * is not waited out: HoldTooLong is thrown at once.
	 */
	async acquire(signal?: AbortSignal, maxWaitMs = Number.POSITIVE_INFINITY): Promise<Ticket> {
		for (;;) {
			if (signal?.aborted) throw new Error('The execution was cancelled');
			const now = Date.now();
			if (this.pausedUntil - now > maxWaitMs) {
				// A request woken for a free slot that it does not take passes the wake-up on.
				this.pump();
				throw new HoldTooLong(this.pausedUntil - now);
			}
			if (now < this.pausedUntil) {
				this.pump();
				const jitter = Math.round(this.random() * Math.min(MAX_JITTER_MS, (this.pausedUntil - this.lastSlowDown) / 4));
				await pause(this.pausedUntil - now + jitter, signal);
				continue;
			}
			if (this.inFlight >= this.limit) {
				await this.waitForRelease(signal);
				continue;
			}
			if (this.minIntervalMs > 0 && now < this.nextStartAt) {
				await pause(this.nextStartAt - now, signal);
				continue;
			}
			this.nextStartAt = Math.max(now, this.nextStartAt) + this.minIntervalMs;
			this.inFlight += 1;
			this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
			return { concurrency: this.inFlight, epoch: this.slowDowns };
		}
	}

	/** The request got an answer the vendor did not refuse for load (or failed otherwise). */
	succeeded(ticket: Ticket): void {
		this.release();
		if (this.limit < this.ceiling) {
			this.limit += 1;
		} else if (this.ceiling < this.cap && Date.now() - this.lastSlowDown > this.probeAfterMs) {
			this.ceiling += 1;
			this.limit = this.ceiling;
			this.lastSlowDown = Date.now();
		}
		this.pump();
		void ticket;
	}

	/**
	 * The vendor refused the request for load: hold everything for `waitMs` (when it said how
	 * long), lower the ceiling below the concurrency at which it refused, restart slowly.
	 */
	slowDown(ticket: Ticket, waitMs: number | undefined): void {
		this.release();
		const now = Date.now();
		this.lastSlowDown = now;
		if (waitMs !== undefined && waitMs > 0) this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
		// Requests that started before the last slow-down were refused for the old level.
		if (ticket.epoch < this.slowDowns) return;
		this.slowDowns += 1;
		this.ceiling = Math.max(1, Math.min(this.ceiling, ticket.concurrency - 1));
		this.limit = Math.max(1, Math.min(this.limit, Math.ceil(this.ceiling / 2)));
	}

	/** The vendor says how many requests are left until `resetAt` (ms epoch): hold when they run out. */
	budget(remaining: number, resetAt: number): void {
		if (!Number.isFinite(remaining) || !Number.isFinite(resetAt)) return;
		if (remaining <= this.inFlight) this.pausedUntil = Math.max(this.pausedUntil, resetAt);
	}

	/** The request failed without a verdict on load (network error, 5xx): free its slot. */
	released(): void {
		this.release();
	}

	/** When the run holds everything until (ms epoch), 0 when it does not. */
	get holdUntil(): number {
		return this.pausedUntil > Date.now() ? this.pausedUntil : 0;
	}

	private release(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		this.pump();
	}

	/**
	 * Wake as many waiting requests as there are free slots (not more: a woken request that
	 * finds no slot would go back to the queue having used up the wake-up).
	 */
	private pump(): void {
		let free = this.limit - this.inFlight;
		while (free > 0 && this.waiters.length > 0) {
			this.waiters.shift()!();
			free -= 1;
		}
	}

	private async waitForRelease(signal?: AbortSignal): Promise<void> {
		await new Promise<void>((resolve) => {
			const done = () => {
				signal?.removeEventListener('abort', done);
				const index = this.waiters.indexOf(done);
				if (index >= 0) this.waiters.splice(index, 1);
				resolve();
			};
			this.waiters.push(done);
			signal?.addEventListener('abort', done, { once: true });
		});
	}
}
