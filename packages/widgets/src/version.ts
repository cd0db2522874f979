/** Kit version, kept in lockstep with the package versions (checked by a test). */
export const VERSION = '0.1.0';
