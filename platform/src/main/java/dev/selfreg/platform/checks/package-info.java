/**
 * The certification checks on what the platform observed: each device's records read back from the store (and the
 * boots a lab tells, {@link dev.selfreg.platform.checks.DeviceFacts}) as a
 * {@link dev.selfreg.checks.observed.DeviceObservation}, judged by {@link dev.selfreg.checks.rules.CertificationRules}
 * against the platform's product declaration.
 */
package dev.selfreg.platform.checks;
