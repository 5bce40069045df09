/** Capture files: pcap and pcapng read one packet at a time ({@link dev.selfreg.capture.file.CaptureReader}), pcapng written. */
package dev.selfreg.capture.file;
