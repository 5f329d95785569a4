import { operationFactory } from '../../shared';
import { sailthru } from '../profile';

/** The shared operation builder, bound to Sailthru's vendor profile. */
export const operation = operationFactory(sailthru);
