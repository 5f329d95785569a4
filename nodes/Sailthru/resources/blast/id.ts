/** The blast a call is about: its ID, a number when it is all digits. */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { required, type Read } from '../../lib/helpers';

export const blastId = (ctx: IExecuteSingleFunctions, read: Read) => {
	const id = required(ctx, read, 'blastId', 'Blast');
	return /^\d+$/.test(id) ? Number(id) : id;
};

/** The parameters of a call that takes the blast alone (Get, Delete). */
export function blastIdOnly(this: IExecuteSingleFunctions, read: Read): IDataObject {
	return { blast_id: blastId(this, read) };
}
