import { idPath } from '../../../shared';

export const voucherId = idPath('/vouchers/{0}', [{ parameter: 'voucherId', label: 'Voucher' }]);
