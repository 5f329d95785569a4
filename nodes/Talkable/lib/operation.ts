import { operationFactory } from '../../shared';
import { talkable } from '../profile';

/** The shared operation builder, bound to Talkable's vendor profile. */
export const operation = operationFactory(talkable);
