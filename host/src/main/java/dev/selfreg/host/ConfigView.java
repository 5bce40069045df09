package dev.selfreg.host;

/**
 * Which copy of a setting to read: the one in NVRAM, written by the set command, or the one the
 * current boot copied from NVRAM and runs with (spec at-commands.md §2).
 */
public enum ConfigView {
    SAVED,
    RUNNING
}
