package dev.selfreg.module;

/**
 * The network as {@code GET /module} and {@code GET /module/network} show it: the module's
 * registration and the conditions around it (interfaces.md).
 *
 * @param stat          the {@code <stat>} of {@code +CEREG}: 0 not registered, 1 registered, 2 searching, 3 denied
 * @param registration  what the network does with a registration: {@code available}, {@code denied} or {@code lost}
 * @param rejectCause   the EMM cause a refusal carries
 * @param attachSeconds how long a network search takes
 * @param signal        what the module measures while a cell is in sight
 * @param psm           what the network grants of a PSM request, as {@link PsmGrant#view()} shows it
 */
public record NetworkStatus(int stat, String registration, int rejectCause, double attachSeconds, RadioSignal signal,
                            Object psm) {
}
