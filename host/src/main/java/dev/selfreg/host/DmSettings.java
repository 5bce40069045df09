package dev.selfreg.host;

import dev.selfreg.vocabulary.DmMode;

/**
 * The CMDMP access configuration, as {@code AT+QDMPCFG?} shows it running or
 * {@code AT+QDMPCFG=4,<n>} shows it saved.
 */
public record DmSettings(DmMode mode, DmServer server, DmCredentials credentials) {
}
