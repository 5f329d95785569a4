/**
 * /sync/orders takes up to 1,000 orders and 32 MB per request, 40 requests a minute: the node
 * run's input items are the orders, sent together (one request per 1,000) and paced.
 */
export const ORDERS_BATCH = { path: 'orders', maxItems: 1000, maxBytes: 32 * 1024 * 1024 };
export const ORDERS_PACE = { requests: 40, perMs: 60_000 };

export const batchNote =
	'Each input item is one order; the node sends them together, up to 1,000 orders per request, at most 40 requests a minute';
