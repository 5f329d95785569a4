import { idPath } from '../../../shared';

export const sectionId = idPath('/sections/{0}', [{ parameter: 'sectionId', label: 'Section' }]);
