import { operationFactory } from '../shared';
import { talkBox } from './vendor';

/** The shared operation builder, bound to TalkBox's vendor profile. */
export const operation = operationFactory(talkBox);
