/**
 * Pure wire codecs for the carriers' self-registration: China Telecom ZZHC ({@code zzhc}) and China Mobile
 * CMDMP DM 2.0 ({@code cmdmp}).
 *
 * <p>Nothing here opens a socket, reads a file, looks at a clock or logs: the emulated module uses these types to
 * build requests, the lab platform to parse and check them. Malformed input never throws; it comes back as a
 * typed rejection with a reason.
 */
package dev.selfreg.protocol;
