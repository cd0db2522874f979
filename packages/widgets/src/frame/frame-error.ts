/**
 * An error a host method throws for the guest: the bridge sends its `code` as the
 * `remoteCode` of the guest's `BridgeError`, so the guest branches on a code, not a message.
 */
export function frameError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}
