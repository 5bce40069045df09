/**
 * What a selfreg process sends and receives, written as pcapng while it runs: each UDP listener's datagrams at its
 * Californium connector ({@link dev.selfreg.capture.record.WireRecorder#udp}), each HTTP exchange as a TCP connection
 * of its own, stamped with the process's clock (module time in a lab); the same traffic told to a
 * {@link dev.selfreg.capture.record.WireTap}, with or without a file.
 */
package dev.selfreg.capture.record;
