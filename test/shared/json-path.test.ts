/**
 * Expressions that only read a field of the input item are resolved by the runner itself
 * (nodes/shared/jsonPath.ts); everything else is n8n's. These tests pin which is which; the
 * engine tests in speed-counts.test.ts show both give n8n's own value on the wire.
 */
import { FOR_N8N, jsonPathOf, resolveLocally } from '../../nodes/shared/jsonPath';

describe('jsonPathOf: only `={{ $json<path> }}`', () => {
	test.each([
		['={{ $json.email }}', ['email']],
		['={{$json.email}}', ['email']],
		['={{ $json.customer.email }}', ['customer', 'email']],
		['={{ $json["first name"] }}', ['first name']],
		["={{ $json['order-id'] }}", ['order-id']],
		['={{ $json.lines[0].sku }}', ['lines', 0, 'sku']],
		['={{ $json.lines [ 2 ] }}', ['lines', 2]],
		['={{ $json.$id }}', ['$id']],
	])('%s → %j', (expression, steps) => {
		expect(jsonPathOf(expression)).toEqual(steps);
	});

	test.each([
		'{{ $json.email }}', // not an expression (no "=")
		'={{ $json }}', // the whole item
		'={{ $json.email.trim() }}', // a call
		'={{ $json.email + "x" }}', // an operator
		'={{ $json.email }} ', // text after
		'=mailto:{{ $json.email }}', // text before
		'={{ $json.a }}{{ $json.b }}', // two blocks
		'={{ $json["a\\"b"] }}', // an escape
		'={{ $json[key] }}', // a variable key
		'={{ $json.1a }}', // not a name
		'={{ $node["Webhook"].json.email }}', // another variable
		'={{ $input.item.json.email }}',
		'={{ $json?.email }}',
		'={{ $json.a[-1] }}',
	])('%s → left to n8n', (expression) => {
		expect(jsonPathOf(expression)).toBeUndefined();
	});
});

describe('resolveLocally: what n8n would give, or FOR_N8N', () => {
	const item = {
		email: 'ann@example.com',
		id: 300,
		vip: false,
		empty: '',
		nothing: null,
		nested: { 'first name': 'Ann', list: [{ sku: 'A-1' }] },
		when: new Date('2026-01-01T00:00:00Z'),
		huge: Number.POSITIVE_INFINITY,
	};

	test('a scalar field: string, number, boolean, empty string, unchanged', () => {
		expect(resolveLocally('={{ $json.email }}', item)).toBe('ann@example.com');
		expect(resolveLocally('={{ $json.id }}', item)).toBe(300);
		expect(resolveLocally('={{ $json.vip }}', item)).toBe(false);
		expect(resolveLocally('={{ $json.empty }}', item)).toBe('');
		expect(resolveLocally('={{ $json.nested["first name"] }}', item)).toBe('Ann');
		expect(resolveLocally('={{ $json.nested.list[0].sku }}', item)).toBe('A-1');
	});

	test('missing, null, objects, lists, dates, non-finite numbers and other expressions → n8n', () => {
		for (const expression of [
			'={{ $json.missing }}',
			'={{ $json.nothing }}',
			'={{ $json.nested }}',
			'={{ $json.nested.list }}',
			'={{ $json.nested.list[5].sku }}',
			'={{ $json.when }}',
			'={{ $json.huge }}',
			'={{ $json.email.toUpperCase() }}',
			'={{ $json.email.length }}', // a property of a string, not an own field of an object
		]) {
			expect([expression, resolveLocally(expression, item)]).toEqual([expression, FOR_N8N]);
		}
	});

	test('prototype keys and inherited fields are never read here', () => {
		const withProto = JSON.parse('{"__proto__": {"x": "polluted"}, "a": {}}');
		expect(resolveLocally('={{ $json.__proto__.x }}', withProto)).toBe(FOR_N8N);
		expect(resolveLocally('={{ $json.constructor }}', {})).toBe(FOR_N8N);
		expect(resolveLocally('={{ $json.a.toString }}', withProto)).toBe(FOR_N8N);
		expect(resolveLocally('={{ $json.prototype }}', { prototype: 'x' })).toBe(FOR_N8N);
		const inherited = Object.create({ email: 'inherited@example.com' });
		expect(resolveLocally('={{ $json.email }}', inherited)).toBe(FOR_N8N);
		// A class instance is not plain data.
		expect(resolveLocally('={{ $json.x.y }}', { x: new (class { y = 'z' })() })).toBe(FOR_N8N);
		// A null-prototype record (what our triggers output) is plain data.
		const record = Object.assign(Object.create(null), { email: 'a@example.com' });
		expect(resolveLocally('={{ $json.email }}', record)).toBe('a@example.com');
	});

	test('plain values stay as they are; no input item → n8n for any expression', () => {
		expect(resolveLocally('plain text', item)).toBe('plain text');
		expect(resolveLocally(5, item)).toBe(5);
		expect(resolveLocally(true, undefined)).toBe(true);
		expect(resolveLocally(null, item)).toBeNull();
		expect(resolveLocally(undefined, item)).toBe(FOR_N8N);
		expect(resolveLocally('={{ $json.email }}', undefined)).toBe(FOR_N8N);
	});

	test('a collection: every expression in it resolved, a new object; one other expression → all to n8n', () => {
		const stored = { firstName: '={{ $json.nested["first name"] }}', email: '={{ $json.email }}', tags: ['a', '={{ $json.id }}'], unsubscribed: true };
		const resolved = resolveLocally(stored, item);
		expect(resolved).toEqual({ firstName: 'Ann', email: 'ann@example.com', tags: ['a', 300], unsubscribed: true });
		expect(resolved).not.toBe(stored);
		expect(stored.email).toBe('={{ $json.email }}');
		expect(resolveLocally({ ...stored, extra: '={{ $now }}' }, item)).toBe(FOR_N8N);
		expect(resolveLocally({ __rl: true, mode: 'id', value: '={{ $json.id }}' }, item)).toEqual({ __rl: true, mode: 'id', value: 300 });
	});

	test('nesting deeper than 16 levels → n8n (bounded walk)', () => {
		let deep: unknown = 'x';
		for (let i = 0; i < 20; i++) deep = { next: deep };
		expect(resolveLocally(deep, item)).toBe(FOR_N8N);
		let shallow: unknown = 'x';
		for (let i = 0; i < 10; i++) shallow = { next: shallow };
		expect(resolveLocally(shallow, item)).toEqual(shallow);
	});
});
