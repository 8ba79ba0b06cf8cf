package dev.flarec.testsuite.flare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server started as a process of its own, its output collected line by line: a test waits for the
 * port it logs, talks to it, stops it with SIGTERM and reads what it logged meanwhile.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Thread reader;

  private ServerProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::collect);
    reader.start();
  }

  /** Starts {@code command} (output and errors together). */
  static ServerProcess start(ProcessBuilder command) throws IOException {
    return new ServerProcess(command.redirectErrorStream(true).start());
  }

  private void collect() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** The port in group 1 of the first line {@code serving} finds, waiting at most 60 s. */
  int awaitPort(Pattern serving) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < until) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        seen.append(line).append('\n');
        Matcher m = serving.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
    }
    throw new AssertionError("no serving line within 60 s:\n" + seen);
  }

  /**
   * Stops the server with SIGTERM, asserts that it exits within 30 s, and returns the lines it
   * printed after the serving line.
   */
  List<String> stop() throws InterruptedException {
    // SIGTERM through the handle: Process.destroy() would also close our end of its output
    process.toHandle().destroy();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped after SIGTERM");
    reader.join(5000);
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
