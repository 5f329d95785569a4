import { operationFactory } from '../../shared';
import { personaClick } from '../profile';

/** The operation builder of every PersonaClick operation (the shared executor with PersonaClick's profile). */
export const operation = operationFactory(personaClick);
