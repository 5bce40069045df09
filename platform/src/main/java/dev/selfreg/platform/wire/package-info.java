/**
 * The platform's wire journal: each device's datagrams and HTTP exchanges as its listeners saw them, attributed to
 * the device by what they carry, bounded, kept in memory ({@link dev.selfreg.platform.wire.WireJournal}), and
 * decoded per device for the dashboard's timeline ({@link dev.selfreg.platform.wire.DeviceTimeline}).
 */
package dev.selfreg.platform.wire;
