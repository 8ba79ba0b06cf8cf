package dev.flarec.testsuite.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * V8's {@code WebAssembly.validate}, in one long-lived node process: the second opinion asked when
 * flarec and wasm-validate disagree. V8 also knows proposals beyond 2.0, so it is only an arbiter:
 * a mismatch counts when flarec disagrees with both references.
 */
final class NodeValidator implements AutoCloseable {
  private final Process process;
  private final PrintWriter requests;
  private final BufferedReader answers;

  NodeValidator(Path node, Path script) {
    try {
      process =
          new ProcessBuilder(node.toString(), script.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node", e);
    }
    requests = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    answers =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  boolean accepts(Path wasm) {
    requests.println(wasm.toAbsolutePath());
    try {
      String answer = answers.readLine();
      if (answer == null || !(answer.equals("valid") || answer.equals("invalid"))) {
        throw new IllegalStateException("node's validator answered " + answer);
      }
      return answer.equals("valid");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    requests.close();
    process.destroy();
  }
}
