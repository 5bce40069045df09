/**
 * The rules of certification-checks.md, one class each ({@code CT-1} to {@code CT-9}, {@code DM-1} to {@code DM-7}),
 * and {@link dev.selfreg.checks.rules.CertificationRules}, which lists them in the spec's order and judges a device
 * by all of them.
 */
package dev.selfreg.checks.rules;
