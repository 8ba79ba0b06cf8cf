/**
 * Support for control instructions whose direct translation would be too large for one method.
 *
 * <p>Depends on nothing but the JDK. Follows WebAssembly 2.0 §4.4.8 ({@code br_table}).
 */
package dev.flarec.runtime.control;
