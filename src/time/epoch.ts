/**
 * The latest epoch second memtrail accepts from a bundle: 9999-12-31T23:59:59Z. A later stamp is
 * corruption, not a time: left in, it overflows Date (±8.64e15 ms) when the timeline or a renderer
 * formats it, and the whole report failed (found by fuzzing the hostile corpus).
 */
export const MAX_EPOCH_S = 253_402_300_799;

export const isPlausibleEpoch = (seconds: number): boolean => seconds > 0 && seconds <= MAX_EPOCH_S;
