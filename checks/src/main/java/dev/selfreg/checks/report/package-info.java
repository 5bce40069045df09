/**
 * Checklists as a test engineer hands them on: JSON (the platform's API, read back by {@code selfreg checks}), JUnit
 * XML (one test case per rule per device) and one self-contained HTML page.
 */
package dev.selfreg.checks.report;
