/**
 * Structured logging for the flare host: one line per event, {@code key=value} fields (logfmt), on
 * {@code java.util.logging}. Three loggers: {@link dev.flarec.hostabi.log.Loggers#ACCESS} (one line
 * per request), {@link dev.flarec.hostabi.log.Loggers#FLARE} (what flares log through {@code
 * log_*}) and {@link dev.flarec.hostabi.log.Loggers#HOST} (the server's own events).
 *
 * <p>Depends on the JDK only; everything else in hostabi may use it.
 */
package dev.flarec.hostabi.log;
