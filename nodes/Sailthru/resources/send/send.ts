/** Send → Send (POST /send): a transactional template to one email address. */
import type { IDataObject } from 'n8n-workflow';

import { requiredText, showFor, type ResourceOperation } from '../../../shared';
import { callParameters, keyValueJson, required, sailthruTime, singleEmail } from '../../lib/helpers';
import { commonOptions, sendOptions, varsProperties } from './options';
import { operation } from '../../lib/operation';

const show = showFor('send');

export const sendOperation: ResourceOperation = {
	option: operation({
		name: 'Send',
		value: 'send',
		action: 'Send a template to one address',
		description: 'Send a transactional template to one email address',
		method: 'POST',
		url: '/send',
		retrySafe: false,
		preSend: [callParameters(function (read) {
			const template = required(this, read, 'template', 'Template');
			const email = singleEmail(this, 'Email', required(this, read, 'email', 'Email'));
			const { options, limit } = sendOptions(this, read);
			return {
				template,
				email,
				vars: keyValueJson(this, read, 'vars', 'Vars'),
				schedule_time: sailthruTime(this, (read('additionalFields', {}) as IDataObject).schedule_time),
				options,
				limit,
			};
		})],
	}),
	fields: [
		requiredText('Email', 'email', 'name@email.com', 'One email address (use Send to Many for several)', show(['send'])),
		...varsProperties('send'),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(['send']),
			options: [
				...commonOptions,
				{
					displayName: 'Limit',
					name: 'limit',
					type: 'fixedCollection',
					default: {},
					placeholder: 'Add Limit',
					description: 'Send at most once per limit name within a time window',
					options: [
						{
							displayName: 'Settings',
							name: 'settings',
							values: [
								{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'shipping-note' },
								{
									displayName: 'Within Time',
									name: 'within_time',
									type: 'string',
									default: '',
									placeholder: '1 day',
									description: 'The window, e.g. "1 day" or "12 hours"',
								},
								{
									displayName: 'Conflict',
									name: 'conflict',
									type: 'options',
									default: 'max',
									description: 'Which send wins when two fall within the window, as Sailthru defines it',
									options: [
										{ name: 'Max', value: 'max' },
										{ name: 'Min', value: 'min' },
									],
								},
							],
						},
					],
				},
			],
		},
	],
};
