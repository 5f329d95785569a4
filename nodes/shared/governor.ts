import { sleep } from 'n8n-workflow';

import { STEP_MS, cancelledError } from './pause';

/**
 * The request governor: one per vendor account (credential) in this n8n process, shared by every
 * node run that uses the credential (see `sharedGovernor`), so that fifty executions at once do
 * not start fifty requests at once, and a 429 seen by one of them holds all of them.
 *
 * n8n's declarative routing starts every item's request at once; the governor decides when each
 * may really go out:
 * - at most the request's own cap is in flight on the account (the user's *Max Concurrent
 *   Requests*), and never more than the vendor has shown it accepts;
 * - when the vendor says "slow down" (429, Sailthru error 43), every waiting and later request
 *   holds until the wait it asked for has passed; then few requests go at once and the number in
 *   flight ramps back up (one more per success) to the level the vendor accepted, and only probes
 *   above that level after a quiet period;
 * - when the vendor announces its remaining budget (Sailthru's X-Rate-Limit-Remaining / -Reset),
 *   requests hold before the budget runs out instead of after;
 * - an operation may ask for a fixed pace (e.g. 40 requests a minute).
 *
 * Waiting costs O(1) per request: waiters sit in insertion-ordered queues; one sleeper per
 * governor waits out a hold or a pace step (never one timer per request); and each execution's
 * cancel signal gets one listener per governor while it has requests waiting, which wakes all of
 * them at once (they then throw).
 */
export interface GovernorOptions {
	/** Most requests in flight at once, for requests that bring no cap of their own. */
	maxConcurrent?: number;
	/** Least time between the starts of two requests (a documented pace), in ms. */
	minIntervalMs?: number;
	/** Quiet time after a slow-down before the governor tries one more request in flight. */
	probeAfterMs?: number;
	/** Called when the governor holds nothing any more (nothing in flight, waiting or held). */
	onIdle?: () => void;
	/** Longest single sleep of the one sleeper (STEP_MS; shorter only in benchmarks). */
	stepMs?: number;
}

export interface Ticket {
	/** Requests in flight when this one started (itself included). */
	readonly concurrency: number;
	/** The slow-downs seen before it started: one refused wave lowers the ceiling once. */
	readonly epoch: number;
}

/** The vendor asked the account to hold for longer than the caller may wait. */
export class HoldTooLong extends Error {
	constructor(readonly waitMs: number) {
		super(`The vendor asked to hold for ${Math.ceil(waitMs / 1000)} s`);
	}
}

interface Waiter {
	/** Arrival order, across the queues. */
	seq: number;
	cap: number;
	maxWaitMs: number;
	signal?: AbortSignal;
	resolve: (ticket: Ticket) => void;
	reject: (error: Error) => void;
}

interface Watch {
	onAbort: () => void;
	waiting: number;
}

export class Governor {
	/** The cap of requests that bring none. */
	private readonly cap: number;

	/** What the vendor has shown it accepts (unlimited until it refuses something). */
	private ceiling: number;

	/** What may be in flight now (ramps up to the ceiling after a slow-down). */
	private limit: number;

	private inFlight = 0;

	private pausedUntil = 0;

	private lastSlowDown = 0;

	private nextStartAt = 0;

	/**
	 * Requests waiting to start, one first-come-first-served queue per cap (a node run's *Max
	 * Concurrent Requests*; there are few distinct caps), so that a request held back by its own
	 * cap is never looked at again and again while others start.
	 */
	private readonly queues = new Map<number, Set<Waiter>>();

	private waiterCount = 0;

	private seq = 0;

	/** One abort listener per cancel signal that has requests waiting. */
	private readonly watches = new Map<AbortSignal, Watch>();

	/** Whether the one sleeper (a hold or a pace step) is running. */
	private sleeping = false;

	private readonly minIntervalMs: number;

	private readonly probeAfterMs: number;

	private readonly onIdle?: () => void;

	private readonly stepMs: number;

	/** Peak of requests in flight (for benchmarks and tests). */
	maxInFlight = 0;

	/** How often the vendor asked to slow down while this governor lived. */
	slowDowns = 0;

	constructor(options: GovernorOptions = {}) {
		this.cap = Math.max(1, Math.floor(options.maxConcurrent ?? Number.POSITIVE_INFINITY));
		this.ceiling = this.cap;
		this.limit = this.cap;
		this.minIntervalMs = Math.max(0, options.minIntervalMs ?? 0);
		this.probeAfterMs = options.probeAfterMs ?? 30_000;
		this.onIdle = options.onIdle;
		this.stepMs = options.stepMs ?? STEP_MS;
	}

	/**
	 * Wait for a slot (and for any hold or pace) and take it. `cap`: most requests in flight on
	 * the account for this request to start. A hold longer than `maxWaitMs` is not waited out:
	 * HoldTooLong is thrown (at once, or as soon as a later slow-down makes the hold that long).
	 */
	async acquire(signal?: AbortSignal, maxWaitMs = Number.POSITIVE_INFINITY, cap = this.cap): Promise<Ticket> {
		if (signal?.aborted) throw cancelledError();
		const now = Date.now();
		if (this.pausedUntil - now > maxWaitMs) throw new HoldTooLong(this.pausedUntil - now);
		const waiter: Omit<Waiter, 'resolve' | 'reject'> = { seq: this.seq++, cap: Math.max(1, Math.floor(cap)), maxWaitMs, signal };
		if (this.waiterCount === 0) {
			const ticket = this.tryStart(now, waiter.cap);
			if (ticket) return ticket;
		}
		return await new Promise<Ticket>((resolve, reject) => {
			const queued = Object.assign(waiter, { resolve, reject });
			let queue = this.queues.get(queued.cap);
			if (!queue) this.queues.set(queued.cap, (queue = new Set()));
			queue.add(queued);
			this.waiterCount += 1;
			if (signal) this.watch(signal);
			this.pump();
		});
	}

	/** The request got an answer the vendor did not refuse for load. */
	succeeded(ticket: Ticket): void {
		if (this.limit < this.ceiling) {
			this.limit += 1;
		} else if (this.ceiling < this.cap && Date.now() - this.lastSlowDown > this.probeAfterMs) {
			this.ceiling += 1;
			this.limit = this.ceiling;
			this.lastSlowDown = Date.now();
		}
		this.release();
		void ticket;
	}

	/**
	 * The vendor refused the request for load: hold everything for `waitMs` (when it said how
	 * long), lower the ceiling below the concurrency at which it refused, restart slowly.
	 */
	slowDown(ticket: Ticket, waitMs: number | undefined): void {
		const now = Date.now();
		this.lastSlowDown = now;
		if (waitMs !== undefined && waitMs > 0) this.extendHold(now + waitMs);
		// Requests that started before the last slow-down were refused for the old level.
		if (ticket.epoch >= this.slowDowns) {
			this.slowDowns += 1;
			this.ceiling = Math.max(1, Math.min(this.ceiling, ticket.concurrency - 1));
			this.limit = Math.max(1, Math.min(this.limit, Math.ceil(this.ceiling / 2)));
		}
		this.release();
	}

	/** The vendor says how many requests are left until `resetAt` (ms epoch): hold when they run out. */
	budget(remaining: number, resetAt: number): void {
		if (!Number.isFinite(remaining) || !Number.isFinite(resetAt)) return;
		if (remaining <= this.inFlight) this.extendHold(resetAt);
	}

	/** The request failed without a verdict on load (network error, 5xx): free its slot. */
	released(): void {
		this.release();
	}

	/** When the account holds everything until (ms epoch), 0 when it does not. */
	get holdUntil(): number {
		return this.pausedUntil > Date.now() ? this.pausedUntil : 0;
	}

	/** Requests waiting to start (for tests and benchmarks). */
	get waiting(): number {
		return this.waiterCount;
	}

	/** Abort listeners this governor has on cancel signals now (for tests). */
	get listeners(): number {
		return this.watches.size;
	}

	private extendHold(until: number): void {
		if (until <= this.pausedUntil) return;
		this.pausedUntil = until;
		// Waiters that may not wait this long give up now rather than at the end of the hold.
		const hold = until - Date.now();
		for (const waiter of this.allWaiters()) {
			if (hold > waiter.maxWaitMs) this.remove(waiter).reject(new HoldTooLong(hold));
		}
	}

	private tryStart(now: number, cap: number): Ticket | undefined {
		if (now < this.pausedUntil) return undefined;
		if (this.inFlight >= Math.min(this.limit, cap)) return undefined;
		if (this.minIntervalMs > 0 && now < this.nextStartAt) return undefined;
		this.nextStartAt = Math.max(now, this.nextStartAt) + this.minIntervalMs;
		this.inFlight += 1;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		return { concurrency: this.inFlight, epoch: this.slowDowns };
	}

	private release(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		this.pump();
	}

	private *allWaiters(): Generator<Waiter> {
		for (const queue of [...this.queues.values()]) yield* [...queue];
	}

	/** The waiter that came first among those whose own cap lets them start now. */
	private next(): Waiter | undefined {
		let first: Waiter | undefined;
		for (const [cap, queue] of this.queues) {
			if (cap <= this.inFlight) continue;
			const head = queue.values().next().value as Waiter | undefined;
			if (head && (!first || head.seq < first.seq)) first = head;
		}
		return first;
	}

	/** Start as many waiting requests as may go now, in order; sleep when time holds them back. */
	private pump(): void {
		const now = Date.now();
		while (this.inFlight < this.limit) {
			const waiter = this.next();
			if (!waiter) break;
			const ticket = this.tryStart(now, waiter.cap);
			// Only time (a hold or the pace) can stop the first startable waiter: it stops everyone.
			if (!ticket) break;
			this.remove(waiter).resolve(ticket);
		}
		const wakeAt = Math.max(this.pausedUntil, this.minIntervalMs > 0 ? this.nextStartAt : 0);
		if (this.waiterCount > 0 && wakeAt > now) this.sleepUntilFree();
		if (this.waiterCount === 0 && this.inFlight === 0 && now >= this.pausedUntil && now >= this.nextStartAt) {
			this.onIdle?.();
		}
	}

	/** The one sleeper: waits out a hold or pace step for all waiters, then starts them. */
	private sleepUntilFree(): void {
		if (this.sleeping) return;
		this.sleeping = true;
		void (async () => {
			try {
				for (;;) {
					const left = Math.max(this.pausedUntil, this.nextStartAt) - Date.now();
					if (left <= 0 || this.waiterCount === 0) break;
					await sleep(Math.min(left, this.stepMs));
				}
			} finally {
				this.sleeping = false;
				this.pump();
			}
		})();
	}

	private remove(waiter: Waiter): Waiter {
		const queue = this.queues.get(waiter.cap);
		if (queue?.delete(waiter)) this.waiterCount -= 1;
		if (queue?.size === 0) this.queues.delete(waiter.cap);
		const watch = waiter.signal ? this.watches.get(waiter.signal) : undefined;
		if (watch && --watch.waiting === 0) {
			waiter.signal!.removeEventListener('abort', watch.onAbort);
			this.watches.delete(waiter.signal!);
		}
		return waiter;
	}

	private watch(signal: AbortSignal): void {
		const existing = this.watches.get(signal);
		if (existing) {
			existing.waiting += 1;
			return;
		}
		const onAbort = () => {
			for (const waiter of this.allWaiters()) {
				if (waiter.signal === signal) this.remove(waiter).reject(cancelledError());
			}
			this.pump();
		};
		signal.addEventListener('abort', onAbort, { once: true });
		this.watches.set(signal, { onAbort, waiting: 1 });
	}
}

const SHARED = new Map<string, Governor>();

/**
 * The governor of one vendor account in this process: `key` names the credential (its type and
 * id, never a secret) and anything that changes the rules (an operation's pace). Created when
 * first asked for and dropped when idle, so nothing outlives the last request that used it.
 */
export function sharedGovernor(key: string, options: Omit<GovernorOptions, 'onIdle'> = {}): Governor {
	const existing = SHARED.get(key);
	if (existing) return existing;
	const governor: Governor = new Governor({
		...options,
		onIdle: () => {
			if (SHARED.get(key) === governor) SHARED.delete(key);
		},
	});
	SHARED.set(key, governor);
	return governor;
}

/** How many account governors are alive (for tests: idle ones are dropped). */
export const sharedGovernorCount = (): number => SHARED.size;
