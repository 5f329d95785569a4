import { operationFactory, talkBox } from '../shared';

/** The shared operation builder, bound to TalkBox's vendor profile. */
export const operation = operationFactory(talkBox);
