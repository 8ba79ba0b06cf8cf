/**
 * Turns the files benchmarks/run.sh leaves in {@code benchmarks/target/results} into
 * docs/benchmarks.md and its charts. Ratios are always between numbers from the same run. The
 * findings section is benchmarks/report/findings.md, written by a person after reading a run and
 * its profiles, and copied in as it is.
 */
package dev.flarec.benchmarks.report;
