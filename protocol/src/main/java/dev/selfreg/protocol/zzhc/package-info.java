/**
 * China Telecom self-registration (ZZHC), as specified in ct-zzhc-wire.md.
 *
 * <p>Module side: {@link dev.selfreg.protocol.zzhc.ZzhcReport#v2} then
 * {@link dev.selfreg.protocol.zzhc.ZzhcReport#encode()} builds the request body;
 * {@link dev.selfreg.protocol.zzhc.ZzhcReply#parse} reads the platform's answer. Platform side:
 * {@link dev.selfreg.protocol.zzhc.ZzhcReport#decode} checks a body and gives the
 * {@link dev.selfreg.protocol.zzhc.ZzhcVerdict}, whose {@code reply()} is what to answer.
 */
package dev.selfreg.protocol.zzhc;
