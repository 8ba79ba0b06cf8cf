package dev.flarec.benchmarks.realprogram;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What one run of a program produced: its exit status and everything it wrote to stdout. */
public record ProgramOutput(int exitStatus, byte[] stdout) {

  /**
   * Checks this run against the expected output (the native build's).
   *
   * @throws WrongOutput naming the first differing line, so a report can say what went wrong
   */
  public void check(byte[] expected) {
    if (exitStatus != 0) {
      throw new WrongOutput("exit status " + exitStatus + ", expected 0");
    }
    if (Arrays.equals(stdout, expected)) {
      return;
    }
    String[] got = new String(stdout, StandardCharsets.UTF_8).split("\n", -1);
    String[] want = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
    int line = 0;
    while (line < got.length && line < want.length && got[line].equals(want[line])) {
      line++;
    }
    throw new WrongOutput(
        "output differs from the native build's at line "
            + (line + 1)
            + ": got \""
            + excerpt(got, line)
            + "\", expected \""
            + excerpt(want, line)
            + "\"");
  }

  private static String excerpt(String[] lines, int index) {
    if (index >= lines.length) {
      return "<end of output>";
    }
    String line = lines[index];
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }

  /** A run whose output or exit status is not the native build's. */
  public static final class WrongOutput extends RuntimeException {
    public WrongOutput(String message) {
      super(message);
    }
  }
}
