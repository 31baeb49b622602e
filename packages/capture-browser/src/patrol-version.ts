/** The adapter id every patrol capture carries. */
export const PATROL_ADAPTER_ID = 'patrol';
/** Version of the patrol capture builder, recorded in each capture. */
export const PATROL_ADAPTER_VERSION = '0.1.0';
