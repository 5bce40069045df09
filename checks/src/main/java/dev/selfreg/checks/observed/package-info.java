/**
 * What was observed of one device, without the transport it came over: its China Telecom reports, its China Mobile
 * messages, and what is known of its boots. The lab platform builds it from its store, a capture reader from the
 * packets, a test by hand; the certification rules read nothing else.
 */
package dev.selfreg.checks.observed;
