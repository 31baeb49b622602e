/**
 * @packageDocumentation
 */
export const PACKAGE_NAME = "@sipansos/store-fs";
