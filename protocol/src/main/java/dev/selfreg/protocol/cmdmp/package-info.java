/**
 * China Mobile CMDMP self-registration, DM 2.0 profile of LwM2M 1.0, as specified in cmcc-dm-wire.md.
 *
 * <p>Everything secret travels encrypted with {@link dev.selfreg.protocol.cmdmp.DmCipher}: the identity inside the
 * endpoint name ({@link dev.selfreg.protocol.cmdmp.DmEndpointName}), the Update's {@code epi}
 * ({@link dev.selfreg.protocol.cmdmp.DmEpi}) and every value of object 666
 * ({@link dev.selfreg.protocol.cmdmp.TerminalInfo}). The module builds them; the lab platform parses them and, when
 * it knows the application's password, verifies them.
 */
package dev.selfreg.protocol.cmdmp;
