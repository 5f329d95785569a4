export * from './describe';
export * from './errors';
export * from './execute';
export * from './redact';
export * from './retry';
export * from './validate';
export * from './vendors';
export * from './request';
