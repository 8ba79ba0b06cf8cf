-- wrk script: after the run, print one JSON line with throughput, latency percentiles and errors
-- (benchmarks/run.sh keeps the line starting with '{'). Latencies are microseconds.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "rps": %.1f, "p50_us": %d, "p90_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "socket_errors": %d, "non_2xx": %d}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout, e.status))
end
