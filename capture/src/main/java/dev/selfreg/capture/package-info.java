/**
 * Wire captures: a pcap or pcapng file read packet by packet ({@code file}), its frames taken down to UDP datagrams
 * and TCP segments ({@code net}), the ZZHC and CMDMP exchanges found in them by content ({@code exchange}), and here
 * {@link dev.selfreg.capture.CaptureCheck}, which judges every device in a capture by the certification rules as its
 * records are found (memory growing with the devices, not the packets), or keeps them all as one
 * {@link dev.selfreg.checks.observed.DeviceObservation} per device.
 */
package dev.selfreg.capture;
