/** The ZZHC and CMDMP exchanges found in a capture's segments, as the certification checks' observed records. */
package dev.selfreg.capture.exchange;
