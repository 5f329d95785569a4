/**
 * TalkBox contact UX (issue 15): the Create or Update mapper says which field decides a duplicate
 * and offers Map Automatically; Get / Get Many / Find First have the Output choice (Simplified,
 * Raw, Selected Fields). Runs through n8n's real engine against the stateful TalkBox sandbox.
 */
import {
	NodeHelpers,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type ResourceMapperField,
	type ResourceMapperValue,
} from 'n8n-workflow';

import { CONTACT_SIMPLIFIED_KEYS, DUPLICATE_RULE, MAPPER_DESCRIPTIONS } from '../../nodes/TalkBox/resources/contact/fields';
import { TalkBox } from '../../nodes/TalkBox/TalkBox.node';
import { runNode, type RunResult, useSandbox } from '../support/harness';
import { everythingVisible, type RecordedRequest } from '../support/helpers';
import { AUTH, loadContext, PASSWORD } from './common';

const sandbox = useSandbox({ vendors: ['talkbox'] });

const description = new TalkBox().description;
const state = () => sandbox.vendor('talkbox').state;
const requests = (): RecordedRequest[] => sandbox.requestsFor('talkbox');
const json = (result: RunResult) => result.items.map((item) => item.json);

function run(parameters: INodeParameters, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}) {
	return runNode({
		type: 'talkBox',
		parameters: { retry: { initialDelayMs: 10 }, ...parameters },
		credentials: { talkBoxApi: sandbox.credentials('talkbox') },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

async function ok(parameters: INodeParameters, options: { items?: IDataObject[] } = {}) {
	const result = await run(parameters, options);
	if (result.error) throw new Error(`unexpected error: ${result.error.message} / ${result.error.description}`);
	expect(everythingVisible(result)).not.toContain(PASSWORD);
	return json(result);
}

/** The properties n8n shows for these parameter values (its own display logic). */
function visible(parameters: INodeParameters): INodeProperties[] {
	const node = { id: 'n', name: 'TalkBox', type: 'talkBox', typeVersion: 1, position: [0, 0], parameters } as INode;
	const values = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
	return description.properties.filter((property) =>
		NodeHelpers.displayParameter(values as INodeParameters, property, node, description),
	);
}

async function contactSchema(): Promise<ResourceMapperField[]> {
	const { fields } = await new TalkBox().methods!.resourceMapping!.getContactFieldMapping.call(loadContext(sandbox));
	sandbox.clearRequests();
	return fields;
}

const autoMap = (schema: ResourceMapperField[]): ResourceMapperValue => ({
	mappingMode: 'autoMapInputData',
	value: null,
	matchingColumns: [],
	schema,
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

describe('Create or Update: which field decides a duplicate', () => {
	test('a notice above the mapper says it, only for Create or Update', () => {
		const upsert = visible({ resource: 'contact', operation: 'upsert' });
		const notice = upsert.find((property) => property.type === 'notice');
		expect(notice?.displayName).toBe(DUPLICATE_RULE);
		expect(DUPLICATE_RULE).toContain('same Email or the same Mobile Number');
		// The notice comes right before the mapper.
		const names = upsert.map((property) => property.name);
		expect(names.indexOf('contactFields')).toBe(names.indexOf('upsertNotice') + 1);
		for (const operation of ['create', 'update', 'get', 'getAll', 'findFirst']) {
			expect(visible({ resource: 'contact', operation }).some((property) => property.name === 'upsertNotice')).toBe(false);
		}
	});

	test.each([
		['upsert', 'add', true],
		['create', 'add', true],
		['update', 'map', false],
	])('%s: the mapper describes its rule, lists fields (%s mode) and offers Map Automatically', (operation, mode, addAll) => {
		const mappers = visible({ resource: 'contact', operation }).filter((property) => property.type === 'resourceMapper');
		expect(mappers).toHaveLength(1);
		const [mapper] = mappers;
		expect(mapper.description).toBe(MAPPER_DESCRIPTIONS[operation as keyof typeof MAPPER_DESCRIPTIONS]);
		expect(mapper.description).toContain('Map Automatically');
		if (operation === 'upsert') expect(mapper.description).toContain(DUPLICATE_RULE);
		else expect(mapper.description).not.toContain('duplicate');
		expect(mapper.description).toMatch(operation === 'update' ? /only the fields you map/ : /map Email or Mobile Number/i);
		expect(mapper.typeOptions?.resourceMapper).toMatchObject({
			resourceMapperMethod: 'getContactFieldMapping',
			mode,
			supportAutoMap: true,
			addAllFields: addAll,
		});
	});

	test('Map Automatically, same mobile number: the existing contact is updated, nothing else is sent', async () => {
		const schema = await contactSchema();
		const existing = state().contacts.get(303);
		const count = state().contacts.size;
		const out = await ok(
			{ resource: 'contact', operation: 'upsert', contactFields: autoMap(schema) },
			{ items: [{ mobile_number: existing.mobile_number, first_name: 'Renamed', not_a_talkbox_field: 'dropped' }] },
		);
		const wire = requests();
		expect(wire.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /contact/create_or_update']);
		expect(JSON.parse(wire[0].rawBody)).toEqual({ mobile_number: existing.mobile_number, first_name: 'Renamed' });
		expect(wire[0].headers.authorization).toBe(AUTH);
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ id: 303, first_name: 'Renamed', email: existing.email, mobile_number: existing.mobile_number });
		expect(out[0]).not.toHaveProperty('not_a_talkbox_field');
		expect(state().contacts.size).toBe(count);
	});

	test('Map Automatically, same email: that contact is updated; a new email and mobile number create a contact', async () => {
		const schema = await contactSchema();
		const existing = state().contacts.get(301);
		const count = state().contacts.size;
		const out = await ok(
			{ resource: 'contact', operation: 'upsert', contactFields: autoMap(schema) },
			{
				items: [
					{ email: existing.email, last_name: 'Updated' },
					{ email: 'brand.new@example.com', mobile_number: '61499000111', first_name: 'Brand' },
				],
			},
		);
		expect(requests().map((request) => JSON.parse(request.rawBody))).toEqual([
			{ email: existing.email, last_name: 'Updated' },
			{ email: 'brand.new@example.com', mobile_number: '61499000111', first_name: 'Brand' },
		]);
		expect(out[0]).toMatchObject({ id: 301, last_name: 'Updated' });
		expect(out[1]).toMatchObject({ email: 'brand.new@example.com', first_name: 'Brand' });
		expect(out[1].id).not.toBe(301);
		expect(state().contacts.size).toBe(count + 1);
	});

	test('Map Automatically without email or mobile number among the input fields is an input error', async () => {
		const schema = await contactSchema();
		const result = await run(
			{ resource: 'contact', operation: 'upsert', contactFields: autoMap(schema) },
			{ items: [{ first_name: 'Nobody', Email: 'wrong-case@example.com' }], continueOnFail: true },
		);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toEqual(expect.stringContaining('set Email or Mobile Number'));
		expect(requests()).toHaveLength(0);
	});
});

describe('Output: Simplified, Raw, Selected Fields', () => {
	test.each(['get', 'getAll', 'findFirst'])('%s offers the Output choice (default Raw) and Fields for Selected Fields', (operation) => {
		const shown = visible({ resource: 'contact', operation });
		const mode = shown.find((property) => property.name === 'outputMode');
		expect(mode?.default).toBe('raw');
		expect((mode?.options as Array<{ value: string }>).map((option) => option.value).sort()).toEqual(['raw', 'selected', 'simplified']);
		expect(shown.some((property) => property.name === 'outputFields')).toBe(false);
		const selected = visible({ resource: 'contact', operation, outputMode: 'selected' });
		expect(selected.some((property) => property.name === 'outputFields')).toBe(true);
	});

	test.each(['create', 'upsert', 'update', 'delete'])('%s has no Output choice', (operation) => {
		expect(visible({ resource: 'contact', operation }).some((property) => property.name === 'outputMode')).toBe(false);
	});

	test('Get, Raw (default): every field of the contact', async () => {
		const out = await ok({ resource: 'contact', operation: 'get', contactId: '300' });
		expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual(['GET /contact/300']);
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ id: 300, favourite_marx_bro: [9, 10], weekly_spend: 10.5, tags: expect.any(Array) });
	});

	test('Get, Simplified: only the simplified keys, in order', async () => {
		const out = await ok({ resource: 'contact', operation: 'get', contactId: '300', outputMode: 'simplified' });
		expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual(['GET /contact/300']);
		const contact = state().contacts.get(300);
		expect(Object.keys(out[0])).toEqual(CONTACT_SIMPLIFIED_KEYS.filter((key) => key in out[0]));
		expect(out[0]).toEqual({
			id: 300,
			first_name: contact.first_name,
			last_name: contact.last_name,
			email: contact.email,
			mobile_number: contact.mobile_number,
			external_identifier: 'ext-300',
			tags: expect.any(Array),
			updated_at: contact.updated_at,
		});
		expect(out[0]).not.toHaveProperty('favourite_marx_bro');
	});

	test('Get Many, Simplified: one simplified item per contact, paging unchanged', async () => {
		const out = await ok({ resource: 'contact', operation: 'getAll', returnAll: true, outputMode: 'simplified' });
		expect(out).toHaveLength(state().contacts.size);
		for (const item of out) {
			expect(Object.keys(item).every((key) => (CONTACT_SIMPLIFIED_KEYS as readonly string[]).includes(key))).toBe(true);
			expect(item).toHaveProperty('id');
		}
		expect(requests()[0].query).toMatchObject({ page: '1', per_page: '100' });
	});

	test('Find First, Selected Fields: only the named fields', async () => {
		const contact = state().contacts.get(302);
		const out = await ok({
			resource: 'contact',
			operation: 'findFirst',
			searchCriteria: { criterion: [{ field: 'email', value: contact.email }] },
			outputMode: 'selected',
			outputFields: 'id, email, weekly_spend, no_such_field',
		});
		expect(requests()[0].query).toEqual({ email: contact.email });
		expect(out).toEqual([{ id: 302, email: contact.email, weekly_spend: contact.weekly_spend }]);
	});
});
