package dev.selfreg.checks.observed;

/**
 * What takes a device's records one at a time, in time order: a known boot before a report or message of the same
 * moment (a record at the moment of an attach belongs to that boot), China Telecom reports before China Mobile
 * messages of the same moment.
 */
public interface RecordFold {

    /** A boot of the device, at its attach. */
    void boot(Boot boot);

    /** A China Telecom report, refused ones too. */
    void report(CtReport report);

    /** A China Mobile exchange, or the end of a registration. */
    void message(DmMessage message);
}
