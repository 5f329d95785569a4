/**
 * TalkBox audience resources (account, field, contact, tag, subscription, unsubscription, survey,
 * editor) through n8n's real engine against the TalkBox sandbox: exact wire assertions (method,
 * path, query, JSON body, Basic auth) and output items for all 29 operations, plus paging, contact
 * value conversion, errors, the hourly rate limit, retries, Continue On Fail and secret hygiene.
 */
import {
	NodeApiError,
	type IDataObject,
	type INodeParameters,
	type ResourceMapperField,
	type ResourceMapperValue,
} from 'n8n-workflow';

import { TalkBox } from '../../nodes/TalkBox/TalkBox.node';
import { runNode, type RunResult, testCredential, useSandbox } from '../support/harness';
import type { RecordedRequest } from '../support/helpers';
import { AUTH, loadContext, PASSWORD } from './common';

const sandbox = useSandbox({ vendors: ['talkbox'] });

const HOUR = 3_600_000;

const state = () => sandbox.vendor('talkbox').state;
const requests = (): RecordedRequest[] => sandbox.requestsFor('talkbox');
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const json = (result: RunResult) => result.items.map((item) => item.json);

function run(
	parameters: INodeParameters,
	options: { items?: IDataObject[]; continueOnFail?: boolean; password?: string } = {},
) {
	const credentials = sandbox.credentials('talkbox');
	if (options.password !== undefined) credentials.password = options.password;
	return runNode({
		type: 'talkBox',
		parameters: { retry: { initialDelayMs: 10 }, ...parameters },
		credentials: { talkBoxApi: credentials },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** Run, expect success, and return the output JSON. */
async function ok(parameters: INodeParameters, options: { items?: IDataObject[] } = {}) {
	const result = await run(parameters, options);
	if (result.error) throw new Error(`unexpected error: ${result.error.message} / ${result.error.description}`);
	return json(result);
}

/** The one request of a run: exact method, path, query and JSON body, with Basic auth. */
function expectOnly(expected: { method: string; path: string; query?: IDataObject; body?: unknown }) {
	const all = requests();
	expect(all.map((request) => `${request.method} ${request.path}`)).toEqual([`${expected.method} ${expected.path}`]);
	expectWire(all[0], expected);
}

function expectWire(request: RecordedRequest, expected: { method: string; path: string; query?: IDataObject; body?: unknown }) {
	expect(request.method).toBe(expected.method);
	expect(request.path).toBe(expected.path);
	expect(request.query).toEqual(expected.query ?? {});
	expect(request.headers.authorization).toBe(AUTH);
	if (expected.body === undefined) {
		expect(request.rawBody).toBe('');
	} else {
		expect(request.headers['content-type']).toContain('application/json');
		expect(JSON.parse(request.rawBody)).toEqual(expected.body);
	}
}

/** Everything a run shows to a user or operator, for secret checks. */
function visible(result: RunResult): string {
	const parts = (error: any) =>
		error ? [error.message, error.description, JSON.stringify(error), JSON.stringify(error.context), error.stack] : [];
	return [
		JSON.stringify(json(result)),
		...result.items.flatMap((item) => parts(item.error)),
		...parts(result.error),
		JSON.stringify(result.run.data.resultData),
		...result.logs,
	].join('\n');
}

function expectNoSecret(result: RunResult) {
	const text = visible(result);
	expect(text).not.toContain(PASSWORD);
	expect(text).not.toContain(AUTH.slice('Basic '.length));
}

const methods = new TalkBox().methods;

async function contactSchema(): Promise<ResourceMapperField[]> {
	const { fields } = await methods.resourceMapping.getContactFieldMapping.call(loadContext(sandbox));
	return fields;
}

const mapper = (value: ResourceMapperValue['value'], schema: ResourceMapperField[]): ResourceMapperValue => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema,
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

describe('pickers and the contact field mapper', () => {
	test('the resource mapper lists the account fields with their types and choice options', async () => {
		const fields = await contactSchema();
		const byId = Object.fromEntries(fields.map((field) => [field.id, field]));
		expect(fields.slice(0, 4).map((field) => field.id)).toEqual(['email', 'mobile_number', 'first_name', 'last_name']);
		expect(byId.date_of_birth).toMatchObject({ displayName: 'Date of birth (Date)', type: 'dateTime' });
		expect(byId.vip).toMatchObject({ displayName: 'VIP (Boolean)', type: 'boolean' });
		expect(byId.visits).toMatchObject({ displayName: 'Visits (Number)', type: 'number' });
		expect(byId.weekly_spend).toMatchObject({ displayName: 'Weekly spend (Currency)', type: 'number' });
		expect(byId.mobile_number).toMatchObject({ displayName: 'Mobile number (Mobile Number)', type: 'string' });
		expect(byId.preferred_venue).toMatchObject({ type: 'options' });
		expect(byId.favourite_marx_bro.displayName).toBe('Favourite Marx Brother (Multiple Choice)');
		expect(byId.favourite_marx_bro.options).toEqual(
			expect.arrayContaining([
				{ name: 'Harpo', value: 11 },
				{ name: 'Chico', value: 9 },
			]),
		);
		expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual(['GET /fields']);
	});

	test('tag and field pickers list, filter and give IDs / system names', async () => {
		const tags = await methods.listSearch.searchTags.call(loadContext(sandbox), 'ga');
		expect(tags.results).toEqual([{ name: 'Gaming', value: '61' }]);
		const fields = await methods.listSearch.searchFields.call(loadContext(sandbox), 'marx');
		expect(fields.results).toEqual([{ name: 'Favourite Marx Brother (favourite_marx_bro)', value: 'favourite_marx_bro' }]);
		const tagOptions = await methods.loadOptions.getContactTags.call(loadContext(sandbox));
		expect(tagOptions.map((option) => option.value)).toEqual([38, 51, 61, 60]);
		const searchFields = await methods.loadOptions.getContactSearchFields.call(loadContext(sandbox));
		expect(searchFields.map((option) => option.value).sort()).toEqual(
			['email', 'external_identifier', 'first_name', 'last_name', 'mobile_number'].sort(),
		);
	});

	test('pickers send through the one transport: a network failure is a NodeApiError naming TalkBox and the failure, no secret', async () => {
		const context = loadContext(sandbox);
		const sent: Array<Record<string, unknown>> = [];
		(context.helpers as unknown as { httpRequestWithAuthentication: unknown }).httpRequestWithAuthentication = async (
			_type: string,
			options: Record<string, unknown>,
		) => {
			sent.push(options);
			throw Object.assign(new Error(`connect ECONNREFUSED sandbox-user:${PASSWORD}@127.0.0.1`), { code: 'ECONNREFUSED' });
		};
		const failure = await methods.listSearch.searchTags.call(context, '').catch((error: Error) => error);
		expect(failure).toBeInstanceOf(NodeApiError);
		expect((failure as NodeApiError).message).toBe('TalkBox could not be reached: the connection was refused');
		expect(JSON.stringify(failure)).not.toContain(PASSWORD);
		// exchangeOnce's request: the full response whatever its status, JSON, the credential's base URL.
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ method: 'GET', url: '/tags', json: true, returnFullResponse: true, ignoreHttpStatusErrors: true, timeout: 60_000 });
		expect(sent[0].baseURL).toBe(sandbox.credentials('talkbox').baseUrl.replace(/\/+$/, ''));
	});
});

describe('account', () => {
	test('get', async () => {
		const out = await ok({ resource: 'account', operation: 'get' });
		expectOnly({ method: 'GET', path: '/account' });
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ name: 'The Pub On The Corner', contacts_count: 25, timezone: 'Melbourne' });
	});

	test('update sends only the chosen business details', async () => {
		const out = await ok({
			resource: 'account',
			operation: 'update',
			updateFields: { website: 'www.cornerpub.com', publicEmail: 'info@cornerpub.example.com', streetAddress: '1 High St' },
		});
		expectOnly({
			method: 'PUT',
			path: '/account',
			body: { website: 'www.cornerpub.com', public_email: 'info@cornerpub.example.com', street_address: '1 High St' },
		});
		expect(out[0]).toMatchObject({ website: 'www.cornerpub.com', street_address: '1 High St', name: 'The Pub On The Corner' });
		expect(state().account.public_email).toBe('info@cornerpub.example.com');
	});

	test('update with nothing to change is an input error and sends nothing', async () => {
		const result = await run({ resource: 'account', operation: 'update', updateFields: {} });
		expect(result.error?.message).toBe('Update Fields: add at least one field to update [item 0]');
		expect(requests()).toHaveLength(0);
	});
});

describe('field', () => {
	test('get many: one item per field with its system name; limit', async () => {
		const all = await ok({ resource: 'field', operation: 'getAll', returnAll: true });
		expectOnly({ method: 'GET', path: '/fields' });
		expect(all).toHaveLength(12);
		expect(all.find((field) => field.system_name === 'favourite_marx_bro')).toEqual({
			system_name: 'favourite_marx_bro',
			name: 'Favourite Marx Brother',
			field_type: 'MultipleChoice',
			options: { 9: 'Chico', 10: 'Groucho', 11: 'Harpo', 12: 'Zeppo' },
		});
		sandbox.clearRequests();
		const some = await ok({ resource: 'field', operation: 'getAll', returnAll: false, limit: 3 });
		expect(some.map((field) => field.system_name)).toEqual(['first_name', 'last_name', 'email']);
	});

	test('create a choice field with its options', async () => {
		const out = await ok({
			resource: 'field',
			operation: 'create',
			fieldName: 'A choice field',
			fieldType: 'MultipleChoice',
			choices: { choice: [{ name: 'The first one' }, { name: 'The middle one' }, { name: 'The last one' }] },
		});
		expectOnly({
			method: 'POST',
			path: '/fields',
			body: { name: 'A choice field', field_type: 'MultipleChoice', options: ['The first one', 'The middle one', 'The last one'] },
		});
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ system_name: 'a_choice_field', name: 'A choice field', field_type: 'MultipleChoice' });
		expect(Object.values(out[0].options as IDataObject)).toEqual(['The first one', 'The middle one', 'The last one']);
	});

	test('create a date field sends no options', async () => {
		await ok({ resource: 'field', operation: 'create', fieldName: 'Anniversary', fieldType: 'Date' });
		expectOnly({ method: 'POST', path: '/fields', body: { name: 'Anniversary', field_type: 'Date' } });
	});

	test('update renames and replaces options (picked from the list)', async () => {
		const out = await ok({
			resource: 'field',
			operation: 'update',
			fieldId: rl('favourite_marx_bro'),
			fieldName: 'Favourite brother',
			replaceOptions: true,
			choices: { choice: [{ name: 'Groucho' }, { name: 'Gummo' }] },
		});
		expectOnly({
			method: 'PUT',
			path: '/fields/favourite_marx_bro',
			body: { name: 'Favourite brother', options: ['Groucho', 'Gummo'] },
		});
		expect(out[0].system_name).toBe('favourite_marx_bro');
		const options = out[0].options as IDataObject;
		expect(options['10']).toBe('Groucho');
		expect(Object.values(options)).toEqual(['Groucho', 'Gummo']);
	});

	test('update without replacing options sends the name only', async () => {
		await ok({ resource: 'field', operation: 'update', fieldId: rl('visits', 'id'), fieldName: 'Visit count' });
		expectOnly({ method: 'PUT', path: '/fields/visits', body: { name: 'Visit count' } });
	});

	test('delete (by system name) returns what TalkBox returns; a system field is refused with code and description', async () => {
		const out = await ok({ resource: 'field', operation: 'delete', fieldId: rl('vip', 'id') });
		expectOnly({ method: 'DELETE', path: '/fields/vip' });
		expect(out).toEqual([{ system_name: 'vip', name: 'VIP', field_type: 'Boolean', options: {} }]);
		expect(state().fields.has('vip')).toBe(false);

		sandbox.clearRequests();
		const refused = await run({ resource: 'field', operation: 'delete', fieldId: rl('email', 'id') });
		expect(refused.error?.message).toBe('TalkBox error (code 120): email is a system field and cannot be deleted');
		expect(refused.error?.httpCode).toBe('422');
		expect(requests()).toHaveLength(1);
	});
});

describe('contact', () => {
	test('get', async () => {
		const out = await ok({ resource: 'contact', operation: 'get', contactId: '300' });
		expectOnly({ method: 'GET', path: '/contact/300' });
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ id: 300, first_name: 'Barry', favourite_marx_bro: [9, 10], tags: ['VIP', 'Gaming'] });
	});

	test('get many: Return All pages through every page (page/per_page)', async () => {
		for (let index = 0; index < 230; index++) {
			state().audience.addContact({ email: `bulk${index}@example.com` }, Date.UTC(2025, 0, 1) + index * 1000);
		}
		const out = await ok({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(out).toHaveLength(255);
		expect(new Set(out.map((contact) => contact.id)).size).toBe(255);
		const all = requests();
		expect(all.map((request) => request.query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
			{ page: '3', per_page: '100' },
		]);
		for (const request of all) expectWire(request, { method: 'GET', path: '/contact', query: request.query });
	});

	test('get many: a Limit that ends mid-page stops there', async () => {
		for (let index = 0; index < 230; index++) {
			state().audience.addContact({ email: `bulk${index}@example.com` }, Date.UTC(2025, 0, 1) + index * 1000);
		}
		const out = await ok({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 150 });
		expect(out).toHaveLength(150);
		expect(requests().map((request) => request.query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
		]);
		const expectedIds = [...state().contacts.keys()].sort((a: number, b: number) => a - b).slice(0, 150);
		expect(out.map((contact) => contact.id)).toEqual(expectedIds);
	});

	test('get many: created/updated filters go out as ISO-8601', async () => {
		const out = await ok({
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 50,
			filters: {
				createdAfter: '2024-01-10T00:00:00Z',
				createdBefore: '2024-01-15T00:00:00Z',
				updatedAfter: '2024-01-01T00:00:00',
			},
		});
		expectOnly({
			method: 'GET',
			path: '/contact',
			query: {
				page: '1',
				per_page: '50',
				created_after: '2024-01-10T00:00:00Z',
				created_before: '2024-01-15T00:00:00Z',
				// a picker value without a zone is meant in the workflow's time zone (n8n's default America/New_York)
				updated_after: '2024-01-01T00:00:00-05:00',
			},
		});
		expect(out.map((contact) => contact.id)).toEqual([310, 311, 312, 313]);
	});

	test('get many: a filter that is not a date is an input error', async () => {
		const result = await run({ resource: 'contact', operation: 'getAll', filters: { updatedBefore: '=yesterday' } });
		expect(result.error?.message).toContain('Filters → Updated Before: "yesterday" is not a date and time (e.g. 2024-05-01T09:30:00Z) [item 0]');
		expect(requests()).toHaveLength(0);
	});

	test('create converts every field type to its wire format', async () => {
		const schema = await contactSchema();
		sandbox.clearRequests();
		const out = await ok(
			{
				resource: 'contact',
				operation: 'create',
				contactFields: mapper(
					{
						email: '={{ $json.email }}',
						first_name: 'Julia',
						mobile_number: '+61 412 345 999',
						date_of_birth: '={{ $json.dob }}',
						vip: true,
						visits: '={{ "12" }}',
						weekly_spend: 27.18,
						rating: 4.5,
						preferred_venue: 22,
						favourite_marx_bro: '={{ ["Harpo", 9] }}',
					},
					schema,
				),
				contactOptions: { tagIds: [60, 61], tagString: 'New Tag, Gaming', versionTags: 'n8n, test' },
			},
			{ items: [{ email: 'julia@example.com', dob: '1961-09-29T10:00:00Z' }] },
		);
		expectOnly({
			method: 'POST',
			path: '/contact',
			body: {
				email: 'julia@example.com',
				first_name: 'Julia',
				mobile_number: '+61412345999',
				date_of_birth: '29/09/1961',
				vip: 'true',
				visits: 12,
				weekly_spend: 27.18,
				rating: 4.5,
				preferred_venue: 22,
				favourite_marx_bro: [11, 9],
				tag_ids: '60,61',
				tag_string: 'New Tag,Gaming',
				version_tags: ['n8n', 'test'],
			},
		});
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({
			email: 'julia@example.com',
			date_of_birth: '29/09/1961',
			vip: true,
			favourite_marx_bro: [11, 9],
		});
		expect([...(out[0].tags as string[])].sort()).toEqual(['Gaming', 'New Tag', 'VIP']);
		expect(state().audience.changeLog.at(-1).version_tags).toEqual(['n8n', 'test']);
	});

	test('a bad Date (or other bad value) is rejected before sending, naming the field and item', async () => {
		const schema = await contactSchema();
		sandbox.clearRequests();
		const result = await run(
			{
				resource: 'contact',
				operation: 'create',
				contactFields: mapper({ email: 'x@example.com', date_of_birth: '={{ $json.dob }}' }, schema),
			},
			{ items: [{ dob: '30/02/2024' }] },
		);
		expect(result.error?.message).toBe(
			'Contact Fields → Date of birth (date_of_birth): "30/02/2024" is not a valid date; use an ISO date (2024-03-05) or dd/mm/yyyy [item 0]',
		);
		expect(requests()).toHaveLength(0);

		const currency = await run({
			resource: 'contact',
			operation: 'create',
			contactFields: mapper({ email: 'x@example.com', weekly_spend: '={{ 1.234 }}' }, schema),
		});
		expect(currency.error?.message).toContain('Contact Fields → Weekly spend (weekly_spend): 1.234 has more than 2 decimal places');
		const choice = await run({
			resource: 'contact',
			operation: 'create',
			contactFields: mapper({ email: 'x@example.com', favourite_marx_bro: '=Harpo, Karl' }, schema),
		});
		expect(choice.error?.message).toContain('"Karl" is not one of the field\'s options (options: ');
		expect(requests()).toHaveLength(0);
	});

	test('dd/mm/yyyy dates pass through unchanged', async () => {
		const schema = await contactSchema();
		sandbox.clearRequests();
		await ok({
			resource: 'contact',
			operation: 'create',
			contactFields: mapper({ mobile_number: '61499999999', date_of_birth: '=1/2/1990' }, schema),
		});
		expect(requests()[0].body).toEqual({ mobile_number: '61499999999', date_of_birth: '01/02/1990' });
	});

	test('Map Automatically: input fields the account has are converted and sent', async () => {
		const schema = await contactSchema();
		sandbox.clearRequests();
		const out = await ok(
			{
				resource: 'contact',
				operation: 'upsert',
				contactFields: { ...mapper(null, schema), mappingMode: 'autoMapInputData' },
			},
			{ items: [{ email: 'auto@example.com', date_of_birth: '1980-12-31', vip: 'yes', shoe_size: 44 }] },
		);
		expectOnly({
			method: 'POST',
			path: '/contact/create_or_update',
			body: { email: 'auto@example.com', date_of_birth: '31/12/1980', vip: 'true' },
		});
		expect(out[0]).toMatchObject({ email: 'auto@example.com', date_of_birth: '31/12/1980', vip: true });
	});

	test('create without email, mobile number or external identifier is an input error', async () => {
		const schema = await contactSchema();
		sandbox.clearRequests();
		const result = await run({
			resource: 'contact',
			operation: 'create',
			contactFields: mapper({ first_name: 'Nobody' }, schema),
		});
		expect(result.error?.message).toContain('Contact Fields: set Email or Mobile Number');
		expect(requests()).toHaveLength(0);
	});

	test('create or update: a duplicate email updates that contact (choice options added); a new one is created', async () => {
		const schema = await contactSchema();
		sandbox.clearRequests();
		const existing = state().contacts.get(301);
		const updated = await ok({
			resource: 'contact',
			operation: 'upsert',
			contactFields: mapper({ email: existing.email, last_name: 'Gillard', favourite_marx_bro: '={{ [9] }}' }, schema),
		});
		expectOnly({
			method: 'POST',
			path: '/contact/create_or_update',
			body: { email: existing.email, last_name: 'Gillard', favourite_marx_bro: [9] },
		});
		expect(updated[0]).toMatchObject({ id: 301, last_name: 'Gillard', favourite_marx_bro: [11, 9] });

		sandbox.clearRequests();
		const count = state().contacts.size;
		const created = await ok({
			resource: 'contact',
			operation: 'upsert',
			contactFields: mapper({ email: 'new.person@example.com' }, schema),
		});
		expect(state().contacts.size).toBe(count + 1);
		expect(created[0]).toMatchObject({ email: 'new.person@example.com', tags: [] });
	});

	test('update sends only the mapped fields and the options', async () => {
		const schema = await contactSchema();
		sandbox.clearRequests();
		const out = await ok({
			resource: 'contact',
			operation: 'update',
			contactId: '300',
			contactFields: mapper({ weekly_spend: 27.18, favourite_marx_bro: '={{ [11] }}', last_name: '' }, schema),
			contactOptions: { tagString: 'Drinks Survey', unreachableMobile: false, versionTags: 'mobile_app_v3' },
		});
		expectOnly({
			method: 'PUT',
			path: '/contact/300',
			body: {
				weekly_spend: 27.18,
				favourite_marx_bro: [11],
				tag_string: 'Drinks Survey',
				unreachable_mobile: false,
				version_tags: ['mobile_app_v3'],
			},
		});
		// Multiple Choice options are added; tag_string replaces the tags.
		expect(out[0]).toMatchObject({ id: 300, weekly_spend: 27.18, favourite_marx_bro: [9, 10, 11], tags: ['Drinks Survey'] });
	});

	test('update of a field TalkBox does not know shows code 110 and its description', async () => {
		const schema = await contactSchema();
		sandbox.clearRequests();
		const result = await run({
			resource: 'contact',
			operation: 'update',
			contactId: '300',
			contactFields: mapper({ shoe_size: '44' }, schema),
		});
		expect(result.error?.message).toBe('TalkBox error (code 110): Unknown Field/Attribute: shoe_size');
		expect(result.error?.httpCode).toBe('400');
	});

	test('delete returns the deleted contact as TalkBox returns it', async () => {
		const out = await ok({ resource: 'contact', operation: 'delete', contactId: '302' });
		expectOnly({ method: 'DELETE', path: '/contact/302' });
		expect(out[0]).toMatchObject({ id: 302, deleted: true });
		expect(state().contacts.has(302)).toBe(false);
	});

	test('find first by email and a text field', async () => {
		const out = await ok({
			resource: 'contact',
			operation: 'findFirst',
			searchCriteria: {
				criterion: [
					{ field: 'email', value: 'Julia.Gillard.1@example.com' },
					{ field: 'first_name', value: 'Julia' },
				],
			},
		});
		expectOnly({
			method: 'GET',
			path: '/contact/find_first',
			query: { email: 'Julia.Gillard.1@example.com', first_name: 'Julia' },
		});
		expect(out).toEqual([expect.objectContaining({ id: 301, first_name: 'Julia' })]);
	});

	test('find first by mobile number; no match is a 404 that says what to check', async () => {
		const found = await ok({
			resource: 'contact',
			operation: 'findFirst',
			searchCriteria: { criterion: [{ field: 'mobile_number', value: '61412345003' }] },
		});
		expect(found[0].id).toBe(303);
		const missing = await run({
			resource: 'contact',
			operation: 'findFirst',
			searchCriteria: { criterion: [{ field: 'email', value: 'nobody@example.com' }] },
		});
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.description).toContain('Check the ID: TalkBox has no record under it.');
	});

	test('send resubscription email', async () => {
		const out = await ok({ resource: 'contact', operation: 'sendResubscriptionEmail', contactId: '301' });
		expectOnly({ method: 'POST', path: '/contact/301/send_resubscription_email' });
		expect(out).toEqual([{ message: 'success' }]);
		expect(state().audience.resubscriptionRequests).toEqual([expect.objectContaining({ contact_id: 301, channel: 'email' })]);
	});

	test('send resubscription SMS', async () => {
		state().contacts.get(303).mobile_subscribed = false;
		const out = await ok({ resource: 'contact', operation: 'sendResubscriptionSms', contactId: '303' });
		expectOnly({ method: 'POST', path: '/contact/303/send_resubscription_sms' });
		expect(out).toEqual([{ message: 'success' }]);
	});

	test('a contact ID that is not a number is an input error', async () => {
		const result = await run({ resource: 'contact', operation: 'get', contactId: 'abc' });
		expect(result.error?.message).toBe('Contact ID: "abc" is not a numeric ID [item 0]');
		expect(requests()).toHaveLength(0);
	});
});

describe('tag', () => {
	test('get many and limit', async () => {
		const out = await ok({ resource: 'tag', operation: 'getAll', returnAll: true });
		expectOnly({ method: 'GET', path: '/tags' });
		expect(out).toEqual([
			{ id: 38, name: 'Drinks Survey' },
			{ id: 51, name: 'Eligible for rides' },
			{ id: 60, name: 'VIP' },
			{ id: 61, name: 'Gaming' },
		]);
		expect(await ok({ resource: 'tag', operation: 'getAll', returnAll: false, limit: 2 })).toHaveLength(2);
	});

	test('get (picked from the list) and get (by ID, from an expression)', async () => {
		expect(await ok({ resource: 'tag', operation: 'get', tagId: rl('38') })).toEqual([{ id: 38, name: 'Drinks Survey' }]);
		expectOnly({ method: 'GET', path: '/tags/38' });
		sandbox.clearRequests();
		const out = await ok({ resource: 'tag', operation: 'get', tagId: rl('={{ $json.tag }}', 'id') }, { items: [{ tag: 51 }] });
		expect(out).toEqual([{ id: 51, name: 'Eligible for rides' }]);
		expectOnly({ method: 'GET', path: '/tags/51' });
	});

	test('create', async () => {
		const out = await ok({ resource: 'tag', operation: 'create', tagName: 'New tag via api' });
		expectOnly({ method: 'POST', path: '/tags', body: { name: 'New tag via api' } });
		expect(out).toEqual([{ id: expect.any(Number), name: 'New tag via api' }]);
	});

	test('create with a name that exists shows code and description (422)', async () => {
		const result = await run({ resource: 'tag', operation: 'create', tagName: 'VIP' });
		expect(result.error?.message).toBe('TalkBox error (code 120): Name has already been taken');
		expect(result.error?.httpCode).toBe('422');
	});

	test('update', async () => {
		const out = await ok({ resource: 'tag', operation: 'update', tagId: rl('51', 'id'), tagName: 'updated tag via api' });
		expectOnly({ method: 'PUT', path: '/tags/51', body: { name: 'updated tag via api' } });
		expect(out).toEqual([{ id: 51, name: 'updated tag via api' }]);
	});

	test('delete returns what TalkBox returns', async () => {
		const out = await ok({ resource: 'tag', operation: 'delete', tagId: rl('51') });
		expectOnly({ method: 'DELETE', path: '/tags/51' });
		expect(out).toEqual([{ id: 51, name: 'Eligible for rides', deleted: true }]);
	});

	test('untag all contacts', async () => {
		const out = await ok({ resource: 'tag', operation: 'untagAllContacts', tagId: rl('61') });
		expectOnly({ method: 'PUT', path: '/tags/61/untag_contacts' });
		expect(out).toEqual([{ message: 'success' }]);
		expect(state().tags.get(61).contactIds.size).toBe(0);
	});

	test('get contacts: one item per contact ID; limit', async () => {
		expect(await ok({ resource: 'tag', operation: 'getContacts', tagId: rl('61'), returnAll: true })).toEqual([
			{ id: 300 },
			{ id: 304 },
			{ id: 305 },
		]);
		expectOnly({ method: 'GET', path: '/tags/61/contacts' });
		expect(await ok({ resource: 'tag', operation: 'getContacts', tagId: rl('61'), returnAll: false, limit: 1 })).toEqual([
			{ id: 300 },
		]);
	});

	test('add contact: the empty 200 becomes a success item', async () => {
		const out = await ok({ resource: 'tag', operation: 'addContact', tagId: rl('60'), contactId: '310' });
		expectOnly({ method: 'POST', path: '/tags/60/contacts/310' });
		expect(requests()[0].rawBody).toBe('');
		expect(out).toEqual([{ success: true, action: 'added', tag_id: 60, contact_id: 310 }]);
		expect(state().tags.get(60).contactIds.has(310)).toBe(true);
	});

	test('remove contact: the empty 200 becomes a success item', async () => {
		const out = await ok({ resource: 'tag', operation: 'removeContact', tagId: rl('61', 'id'), contactId: '304' });
		expectOnly({ method: 'DELETE', path: '/tags/61/contacts/304' });
		expect(out).toEqual([{ success: true, action: 'removed', tag_id: 61, contact_id: 304 }]);
		expect(state().tags.get(61).contactIds.has(304)).toBe(false);
	});

	test('add contact to a tag that does not exist: 404 says what to check', async () => {
		const result = await run({ resource: 'tag', operation: 'addContact', tagId: rl('999', 'id'), contactId: '310' });
		expect(result.error?.message).toBe('TalkBox error (code 404): Tag 999 not found');
		expect(result.error?.description).toBe('Check the ID: TalkBox has no record under it.');
	});
});

describe('subscription and unsubscription', () => {
	test('subscriptions: get many with limit and created filters', async () => {
		const out = await ok({
			resource: 'subscription',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			subscriptionFilters: { createdAfter: '2024-01-02T00:00:00Z', createdBefore: '2024-02-01T00:00:00Z' },
		});
		expectOnly({
			method: 'GET',
			path: '/subscriptions',
			query: { page: '1', per_page: '3', created_after: '2024-01-02T00:00:00Z', created_before: '2024-02-01T00:00:00Z' },
		});
		expect(out).toHaveLength(3);
		expect(out[0]).toMatchObject({ contact_id: 302, channel: 'email', subscribed: false });
	});

	test('subscriptions: Return All across pages', async () => {
		const contact = state().contacts.get(300);
		for (let index = 0; index < 150; index++) {
			state().subscriptions.push({
				id: 100_000 + index,
				contact_id: 300,
				external_identifier: 'ext-300',
				recipient_id: 50_300,
				channel: 'email',
				subscribed: index % 2 === 0,
				destination: contact.email,
				created_at: '2025-02-01T00:00:00Z',
			});
		}
		const out = await ok({ resource: 'subscription', operation: 'getAll', returnAll: true });
		expect(out).toHaveLength(184);
		expect(requests().map((request) => request.query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
		]);
	});

	test('subscriptions: Return All', async () => {
		const out = await ok({ resource: 'subscription', operation: 'getAll', returnAll: true });
		expect(out).toHaveLength(34);
		expectOnly({ method: 'GET', path: '/subscriptions', query: { page: '1', per_page: '100' } });
	});

	test('unsubscription by email changes the contact and shows up in subscriptions', async () => {
		const contact = state().contacts.get(305);
		const out = await ok({ resource: 'unsubscription', operation: 'create', channel: 'email', contactInfo: contact.email });
		expectOnly({ method: 'POST', path: '/unsubscriptions', body: { channel: 'email', contact_info: contact.email } });
		expect(out).toEqual([{ channel: 'email', contact_info: contact.email, contact_id: 305, source: 'api' }]);
		expect(contact.email_subscribed).toBe(false);
		const latest = await ok({ resource: 'subscription', operation: 'getAll', returnAll: true });
		expect(latest.at(-1)).toMatchObject({ contact_id: 305, channel: 'email', subscribed: false, destination: contact.email });
	});

	test('unsubscription by external identifier (mobile)', async () => {
		const out = await ok({
			resource: 'unsubscription',
			operation: 'create',
			channel: 'mobile',
			identifyBy: 'externalIdentifier',
			externalIdentifier: 'ext-303',
		});
		expectOnly({ method: 'POST', path: '/unsubscriptions', body: { channel: 'mobile', external_identifier: 'ext-303' } });
		expect(out[0]).toMatchObject({ contact_id: 303, source: 'api' });
		expect(state().contacts.get(303).mobile_subscribed).toBe(false);
	});

	test('unsubscription with a bad email is an input error', async () => {
		const result = await run({ resource: 'unsubscription', operation: 'create', channel: 'email', contactInfo: 'not-an-email' });
		expect(result.error?.message).toBe('Email: "not-an-email" is not a valid email address [item 0]');
		expect(requests()).toHaveLength(0);
	});
});

describe('survey and editor', () => {
	test('surveys: get many within a range', async () => {
		const out = await ok({
			resource: 'survey',
			operation: 'getAll',
			returnAll: true,
			surveyRange: { from: '2015-01-01T00:00:00Z', to: '2015-01-15T00:00:00Z' },
		});
		expectOnly({ method: 'GET', path: '/surveys', query: { from: '2015-01-01T00:00:00Z', to: '2015-01-15T00:00:00Z' } });
		expect(out).toEqual([
			expect.objectContaining({ id: 1, score: 9 }),
			expect.objectContaining({ id: 2, score: 10 }),
			expect.objectContaining({ id: 3, score: 7 }),
		]);
	});

	test('surveys: get score (all, then a range)', async () => {
		expect(await ok({ resource: 'survey', operation: 'getScore' })).toEqual([{ score: 25 }]);
		expectOnly({ method: 'GET', path: '/surveys/score' });
		sandbox.clearRequests();
		expect(
			await ok({ resource: 'survey', operation: 'getScore', surveyRange: { from: '2015-01-01T00:00:00Z', to: '2015-01-15T00:00:00Z' } }),
		).toEqual([{ score: 67 }]);
		expectOnly({ method: 'GET', path: '/surveys/score', query: { from: '2015-01-01T00:00:00Z', to: '2015-01-15T00:00:00Z' } });
	});

	test('editor: get session at /editors/block/session (the doc example path); the bare key becomes session_key', async () => {
		const out = await ok({
			resource: 'editor',
			operation: 'getSession',
			callbackUrl: 'http://example.com/documents/3',
			contentSource: 'templates',
			contentSourceUrl: 'http://example.com/tags/{tag_id}/templates.json',
			sessionOptions: {
				callbackMethod: 'PUT',
				templateTagsUrl: 'http://example.com/tags.json',
				saveButtons: { button: [{ name: 'my_button', text: 'My Button', primary: true }] },
			},
		});
		expectOnly({
			method: 'GET',
			path: '/editors/block/session',
			query: {
				callback_url: 'http://example.com/documents/3',
				templates_url: 'http://example.com/tags/{tag_id}/templates.json',
				callback_method: 'PUT',
				template_tags_url: 'http://example.com/tags.json',
				save_buttons: JSON.stringify([{ name: 'my_button', text: 'My Button', class: 'primary' }]),
			},
		});
		expect(out).toEqual([{ session_key: state().audience.editorSessions[0].key }]);
		expect(String(out[0].session_key)).toMatch(/^2--/);
	});

	test('editor: a callback URL that is not a URL is an input error', async () => {
		const result = await run({
			resource: 'editor',
			operation: 'getSession',
			callbackUrl: 'documents/3',
			contentSourceUrl: 'http://example.com/s.json',
		});
		expect(result.error?.message).toBe('Callback URL: "documents/3" is not an http(s) URL [item 0]');
		expect(requests()).toHaveLength(0);
	});
});

describe('errors, rate limit, retries, credentials', () => {
	test('401: says to check the credential; the password appears nowhere', async () => {
		const result = await run({ resource: 'contact', operation: 'get', contactId: '300' }, { password: 'wrong-pass' });
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('TalkBox error (code 401): Authentication failed');
		expect(result.error?.description).toBe('Check the username and password in the TalkBox credential.');
		expect(visible(result)).not.toContain('wrong-pass');
	});

	test('403: says to check the account access', async () => {
		sandbox.fault('talkbox', { path: '/account', status: 403, body: { code: 403, description: 'Access denied' } });
		const result = await run({ resource: 'account', operation: 'get' });
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.message).toBe('TalkBox error (code 403): Access denied');
		expect(result.error?.description).toBe('Check that this TalkBox account may use this part of the API.');
	});

	test('404: says to check the ID', async () => {
		const result = await run({ resource: 'contact', operation: 'get', contactId: '999999' });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('TalkBox error (code 404): Contact 999999 not found');
		expect(result.error?.description).toBe('Check the ID: TalkBox has no record under it.');
		expectNoSecret(result);
	});

	test('429 at HH:59:59: waits ~1 s for the UTC-hour reset, then succeeds', async () => {
		const base = Math.floor(Date.now() / HOUR) * HOUR + HOUR - 1000;
		const started = Date.now();
		state().clock = () => base + (Date.now() - started);
		state().rate.limit = 5;
		state().rate.hour = Math.floor(base / HOUR);
		state().rate.count = 5;
		const result = await run({ resource: 'tag', operation: 'get', tagId: rl('38') });
		const elapsed = Date.now() - started;
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([{ id: 38, name: 'Drinks Survey' }]);
		expect(requests()).toHaveLength(2);
		expect(elapsed).toBeGreaterThanOrEqual(900);
		expect(elapsed).toBeLessThan(5000);
		expect(result.logs.some((line) => /HTTP 429; retry 1 of \d+ in (9\d\d|1\d\d\d) ms/.test(line))).toBe(true);
		expectNoSecret(result);
	});

	test('429 with a Max Wait shorter than the reset: gives up at once and says so', async () => {
		const base = Math.floor(Date.now() / HOUR) * HOUR + HOUR - 30_000;
		state().clock = () => base;
		state().rate.limit = 5;
		state().rate.hour = Math.floor(base / HOUR);
		state().rate.count = 5;
		const started = Date.now();
		const result = await run({
			resource: 'contact',
			operation: 'create',
			contactFields: mapper({ email: 'late@example.com' }, []),
			retry: { initialDelayMs: 10, maxWaitSeconds: 5 },
		});
		expect(Date.now() - started).toBeLessThan(3000);
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toContain('asked to wait 30 s, longer than the Max Wait of 5 s');
		expect(result.error?.description).toContain('TalkBox allows 10,000 requests an hour');
		expect(requests()).toHaveLength(1);
	});

	test('a create (POST) is not sent again after a 500; a read (GET) is retried', async () => {
		sandbox.fault('talkbox', { method: 'POST', path: '/tags', status: 500, body: { message: 'boom' }, times: 1 });
		const result = await run({ resource: 'tag', operation: 'create', tagName: 'Once only' });
		expect(result.error?.httpCode).toBe('500');
		expect(result.error?.description).toContain('Not retried');
		expect(requests().filter((request) => request.method === 'POST')).toHaveLength(1);
		expect([...state().tags.values()].some((entry: any) => entry.name === 'Once only')).toBe(false);

		sandbox.clearRequests();
		sandbox.fault('talkbox', { method: 'GET', path: '/tags/38', status: 500, body: { message: 'boom' }, times: 1 });
		const read = await run({ resource: 'tag', operation: 'get', tagId: rl('38') });
		expect(read.error).toBeUndefined();
		expect(requests()).toHaveLength(2);
	});

	test('credential test: OK with the right password, an error with a wrong one', async () => {
		const good = await testCredential('talkBoxApi', 'talkBox', sandbox.credentials('talkbox'));
		expect(good.status).toBe('OK');
		expect(requests().at(-1)).toMatchObject({ method: 'GET', path: '/account' });
		expect(requests().at(-1)!.headers.authorization).toBe(AUTH);
		const bad = await testCredential('talkBoxApi', 'talkBox', { ...sandbox.credentials('talkbox'), password: 'nope-nope' });
		expect(bad.status).toBe('Error');
		expect(bad.message).toBe('TalkBox refused the API username or password');
		expect(requests().at(-1)!.headers.authorization).not.toBe(AUTH);
	});

	test('credential test: an error envelope with HTTP 200 is a failure, not a success', async () => {
		sandbox.fault('talkbox', { status: 200, body: { code: 500, description: 'Service unavailable' } });
		const outcome = await testCredential('talkBoxApi', 'talkBox', sandbox.credentials('talkbox'));
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toBe('TalkBox did not return the account: check the API username, the password and the Base URL');
	});

	test('Continue On Fail: one output per input item, errors paired to their item', async () => {
		const result = await run(
			{ resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
			{ items: [{ id: 300 }, { id: 999999 }, { id: 'abc' }, { id: 302 }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toMatchObject({ id: 300 });
		expect(result.items[1].json.error).toBe('TalkBox error (code 404): Contact 999999 not found');
		expect(result.items[2].json.error).toBe('Contact ID: "abc" is not a numeric ID [item 2]');
		expect(result.items[3].json).toMatchObject({ id: 302 });
		// The bad ID was never sent.
		expect(requests().map((request) => request.path)).toEqual(['/contact/300', '/contact/999999', '/contact/302']);
		expectNoSecret(result);
	});

	test('Continue On Fail with a list operation and an empty-body operation', async () => {
		const result = await run(
			{ resource: 'tag', operation: 'addContact', tagId: rl('={{ $json.tag }}', 'id'), contactId: '={{ $json.contact }}' },
			{ items: [{ tag: 60, contact: 310 }, { tag: 60, contact: 999 }], continueOnFail: true },
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json).toEqual({ success: true, action: 'added', tag_id: 60, contact_id: 310 });
		expect(result.items[1].json.error).toBe('TalkBox error (code 404): Contact 999 not found');
	});
});
