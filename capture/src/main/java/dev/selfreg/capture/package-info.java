/**
 * Wire captures: a pcap or pcapng file read packet by packet ({@code file}), its frames taken down to UDP datagrams
 * and TCP segments ({@code net}), the ZZHC and CMDMP exchanges found in them by content ({@code exchange}), and here
 * {@link dev.selfreg.capture.CaptureCheck}, which turns a whole capture into one
 * {@link dev.selfreg.checks.observed.DeviceObservation} per device for the certification rules.
 */
package dev.selfreg.capture;
