/**
 * The terms the BC260Y-CN's self-registration commands speak, declared once for every side that
 * speaks them: the emulated module answers with them, the host driver reads them back, the
 * CMDMP codecs put them on the wire. Each number names its source: "seed" is Quectel's
 * BC260Y-CN self-registration manual v1.0, "spec" the project's restatement in docs/spec/.
 *
 * <ul>
 *   <li>{@link dev.selfreg.vocabulary.CmeError}: the {@code +CME ERROR} codes and their texts;</li>
 *   <li>{@link dev.selfreg.vocabulary.TerminalType}, {@link dev.selfreg.vocabulary.DmGroup},
 *       {@link dev.selfreg.vocabulary.DmState}: the numbers of {@code AT+QDMPCFG};</li>
 *   <li>{@link dev.selfreg.vocabulary.QdmpcfgLine}: its {@code +QDMPCFG:} answer lines, formatted
 *       and parsed by the same code;</li>
 *   <li>{@link dev.selfreg.vocabulary.TerminalInfoType}, {@link dev.selfreg.vocabulary.TerminalInfoField},
 *       {@link dev.selfreg.vocabulary.QdmpcfgexLine}: the terminal information of
 *       {@code AT+QDMPCFGEX} and where each value goes in CMDMP object 666.</li>
 * </ul>
 *
 * <p>It depends on nothing, so that the AT engine, the codecs, the module and the host can all
 * depend on it. Behaviour stays with its owners: the CMDMP agent decides when a state is
 * entered, the driver how a value is checked before it is sent.
 */
package dev.selfreg.vocabulary;
