import { defineResource, requiredText, showFor, trimBodyText, type NodeResource } from '../../../shared';
import { checkOperation } from './check';
import { confirmEmailOperation } from './confirmEmail';
import { getChangesOperation } from './getChanges';
import { manageOperation } from './manage';
import { reportEventOperation } from './reportEvent';

const show = showFor('subscription');

export const subscriptionResource: NodeResource = defineResource({
	name: 'Subscription',
	value: 'subscription',
	operations: [checkOperation, getChangesOperation, manageOperation, reportEventOperation, confirmEmailOperation],
	defaultOperation: manageOperation,
	fields: [
		// The email of Report Event and Send Confirmation Email.
		{
			...requiredText('Email', 'email', 'name@email.com', 'The email address to report or to send the confirmation to'),
			displayOptions: show(['reportEvent', 'confirmEmail']),
			routing: { send: { type: 'body', property: 'email', preSend: [trimBodyText('email')] } },
		},
	],
});
