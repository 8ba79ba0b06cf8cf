/**
 * The heap frame of functions split across several JVM methods: typed slot access for compiled
 * code.
 *
 * <p>Depends on nothing but the JDK.
 */
package dev.flarec.runtime.frame;
