import { operationFactory } from '../../shared';
import { talkBox } from '../profile';

/** The shared operation builder, bound to TalkBox's vendor profile. */
export const operation = operationFactory(talkBox);
