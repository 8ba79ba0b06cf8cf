package dev.flarec.benchmarks.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time from starting a server process to its first successful HTTP response, or from starting a
 * command to its exit: {@code RUNS} times, printed as one JSON object with the median.
 *
 * <pre>
 * StartupProbe http LABEL PORT RUNS command...   (polls GET / on 127.0.0.1:PORT every 2 ms)
 * StartupProbe exit LABEL RUNS command...        (waits for exit status 0)
 * </pre>
 */
public final class StartupProbe {
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String label = args[1];
    boolean http = mode.equals("http");
    int port = http ? Integer.parseInt(args[2]) : 0;
    int runs = Integer.parseInt(args[http ? 3 : 2]);
    List<String> command = Arrays.asList(args).subList(http ? 4 : 3, args.length);
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      millis[i] = http ? untilFirstResponse(command, port) : untilExit(command);
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    List<String> each = new ArrayList<>();
    for (double m : millis) {
      each.add(String.format("%.1f", m));
    }
    System.out.printf(
        "{\"label\": \"%s\", \"median_ms\": %.1f, \"min_ms\": %.1f, \"runs_ms\": [%s]}%n",
        label, sorted[runs / 2], sorted[0], String.join(", ", each));
  }

  private static double untilFirstResponse(List<String> command, int port) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                Path.of(System.getProperty("java.io.tmpdir"), "startup-probe.log").toFile())
            .start();
    long start = System.nanoTime();
    try {
      while (System.nanoTime() - start < TIMEOUT_NANOS) {
        if (!process.isAlive()) {
          throw new IllegalStateException(command + " exited with " + process.exitValue());
        }
        if (getOk(port)) {
          return (System.nanoTime() - start) / 1e6;
        }
        Thread.sleep(2);
      }
      throw new IllegalStateException(command + " gave no response within 60 s");
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** One GET / over a fresh connection; true on a 200 status line. */
  private static boolean getOk(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] status = in.readNBytes(12);
      return new String(status, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
    } catch (IOException e) {
      return false; // not listening yet
    }
  }

  private static double untilExit(List<String> command) throws Exception {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    int status = process.waitFor();
    double ms = (System.nanoTime() - start) / 1e6;
    if (status != 0) {
      throw new IllegalStateException(command + " exited with " + status);
    }
    return ms;
  }
}
