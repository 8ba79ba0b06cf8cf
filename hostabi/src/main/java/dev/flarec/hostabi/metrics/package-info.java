/**
 * What an operator scrapes: counters and histograms the server keeps while it serves ({@link
 * dev.flarec.hostabi.metrics.ServerMetrics}), written in the Prometheus text exposition format on
 * {@code /__flarec/metrics} when {@code server.metrics} is on.
 */
package dev.flarec.hostabi.metrics;
