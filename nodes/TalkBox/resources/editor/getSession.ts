import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, showFor, text, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

const show = showFor('editor');

/** Optional editor-session URLs: parameter name → query name. */
const OPTIONAL_URLS: Array<{ displayName: string; name: string; key: string; description: string }> = [
	{
		displayName: 'Exit URL',
		name: 'exitUrl',
		key: 'exit_url',
		description: 'Where to go when the user exits without saving (adds an "Exit without saving" button)',
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		key: 'image_url',
		description: 'URL containing {guid} that accepts a PUT with the data of an uploaded image',
	},
	{
		displayName: 'Images URL',
		name: 'imagesUrl',
		key: 'images_url',
		description: 'URL that lists images (name, URL and GUID of each) for the editor',
	},
	{
		displayName: 'Template Tags URL',
		name: 'templateTagsUrl',
		key: 'template_tags_url',
		description: 'URL that lists template tags; the templates URL must then contain {tag_id}',
	},
	{
		displayName: 'Version URL',
		name: 'versionUrl',
		key: 'version_url',
		description: 'URL to which the editor POSTs regular autosaves of the structure',
	},
	{
		displayName: 'Versions URL',
		name: 'versionsUrl',
		key: 'versions_url',
		description: 'URL that lists saved versions (name and URL of each) of the structure',
	},
];

const isHttpUrl = (value: string) => /^https?:\/\/\S+$/i.test(value);

/** The session query: the callback, the initial content source, the optional URLs and save buttons. */
async function sessionQuery(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const qs: IDataObject = {};
	const url = (value: string, label: string) => {
		if (!isHttpUrl(value)) fail(this, label, `"${value}" is not an http(s) URL`);
		return value;
	};
	const callbackUrl = text(this, 'callbackUrl');
	if (callbackUrl === '') fail(this, 'Callback URL', 'a value is required but this item has none');
	qs.callback_url = url(callbackUrl, 'Callback URL');
	const source = text(this, 'contentSource');
	const sourceUrl = text(this, 'contentSourceUrl');
	const sourceLabel = source === 'templates' ? 'Templates URL' : 'Structure URL';
	if (sourceUrl === '') fail(this, sourceLabel, 'a value is required but this item has none');
	qs[source === 'templates' ? 'templates_url' : 'structure_url'] = url(sourceUrl, sourceLabel);

	const extra = (this.getNodeParameter('sessionOptions', {}) as IDataObject) ?? {};
	if (typeof extra.callbackMethod === 'string' && extra.callbackMethod !== '') qs.callback_method = extra.callbackMethod;
	for (const entry of OPTIONAL_URLS) {
		const value = String(extra[entry.name] ?? '').trim();
		if (value !== '') qs[entry.key] = url(value, `Options → ${entry.displayName}`);
	}
	const buttons = ((extra.saveButtons as IDataObject | undefined)?.button as IDataObject[] | undefined) ?? [];
	if (buttons.length > 0) {
		const list = buttons.map((button, index) => {
			const name = String(button.name ?? '').trim();
			const label = String(button.text ?? '').trim();
			if (name === '' || label === '') fail(this, `Options → Save Buttons → button ${index + 1}`, 'name and text are required');
			return { name, text: label, ...(button.primary === true ? { class: 'primary' } : {}) };
		});
		qs.save_buttons = JSON.stringify(list);
	}
	options.qs = { ...(options.qs ?? {}), ...qs };
	return options;
}

export const getSessionOperation: ResourceOperation = {
	option: operation({
		name: 'Get Session',
		value: 'getSession',
		action: 'Get an editor session key',
		description:
			'Get a key for a drag and drop (block) editor session, valid for 5 minutes, to open the editor with',
		method: 'GET',
		// The doc gives two paths: /editor/block/session in its resource table and
		// /editors/block/session in its usage text and example. The example's path is sent
		// first; a 404 there is answered by sending the table's path once.
		url: '/editors/block/session',
		fallbackUrl: '/editor/block/session',
		preSend: [sessionQuery],
		// TalkBox answers with the bare key (not JSON).
		output: { textBody: 'session_key' },
	}),
	fields: [
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/documents/3',
			description: 'URL that receives the edited structure (a JSON string in the parameter structure) when the user saves',
			displayOptions: show(['getSession']),
		},
		{
			displayName: 'Initial Content',
			name: 'contentSource',
			type: 'options',
			default: 'structure',
			description: 'Where the editor gets what to edit',
			displayOptions: show(['getSession']),
			options: [
				{
					name: 'Structure URL',
					value: 'structure',
					description: 'A URL that returns the structure to edit (from an earlier session)',
				},
				{
					name: 'Templates URL',
					value: 'templates',
					description: 'A URL that returns templates to start from',
				},
			],
		},
		{
			displayName: 'Structure URL',
			name: 'contentSourceUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/documents/3/structure.json',
			description: 'URL that answers a GET with the JSON structure to edit',
			displayOptions: show(['getSession'], { contentSource: ['structure'] }),
		},
		{
			displayName: 'Templates URL',
			name: 'contentSourceUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/templates.json',
			description: 'URL that answers a GET with a list of templates (ID, name, structure, optional thumbnail URL)',
			displayOptions: show(['getSession'], { contentSource: ['templates'] }),
		},
		{
			displayName: 'Options',
			name: 'sessionOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show(['getSession']),
			options: [
				{
					displayName: 'Callback Method',
					name: 'callbackMethod',
					type: 'options',
					default: 'POST',
					description: 'HTTP method used to call the callback URL',
					options: [
						{ name: 'POST', value: 'POST' },
						{ name: 'PUT', value: 'PUT' },
					],
				},
				...OPTIONAL_URLS.map((entry) => ({
					displayName: entry.displayName,
					name: entry.name,
					type: 'string' as const,
					default: '',
					description: entry.description,
				})),
				{
					displayName: 'Save Buttons',
					name: 'saveButtons',
					type: 'fixedCollection',
					placeholder: 'Add Button',
					default: {},
					typeOptions: { multipleValues: true },
					description: 'Custom save buttons; a click submits to the callback URL with an extra parameter named after the button',
					options: [
						{
							displayName: 'Button',
							name: 'button',
							values: [
								{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. my_button' },
								{ displayName: 'Text', name: 'text', type: 'string', default: '', placeholder: 'e.g. My Button' },
								{
									displayName: 'Primary',
									name: 'primary',
									type: 'boolean',
									default: false,
									description: 'Whether to show the button in orange, like "Save and finish"',
								},
							],
						},
					],
				},
			],
		},
	],
};
