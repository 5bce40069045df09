/**
 * Certification checks (certification-checks.md): would this device pass the carriers' acceptance tests?
 *
 * <p>A {@link dev.selfreg.checks.CertificationRule} judges what was observed of one device
 * ({@link dev.selfreg.checks.observed.DeviceObservation}) against what the device is meant to be (the
 * {@link dev.selfreg.checks.Product} declaration) and gives a {@link dev.selfreg.checks.CheckResult}: a
 * {@link dev.selfreg.checks.Verdict} with the {@link dev.selfreg.checks.Evidence} behind it. The rules themselves are
 * in {@code dev.selfreg.checks.rules}, the JUnit and HTML reports in {@code dev.selfreg.checks.report}.
 *
 * <p>Nothing here opens a socket, reads a store or looks at a clock: the lab platform, a capture reader or a test
 * builds the observation, so the same rules judge all of them.
 */
package dev.selfreg.checks;
