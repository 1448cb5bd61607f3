export * from './enums';
export * from './organisations';
export * from './accounts';
export * from './audit';
export * from './system';
export * from './files';
export * from './profiles';
export * from './discussions';
