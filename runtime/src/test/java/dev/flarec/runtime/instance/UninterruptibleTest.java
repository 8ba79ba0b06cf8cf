package dev.flarec.runtime.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.runtime.launch.CommandLineProcess;
import dev.flarec.runtime.trap.WasmTrap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances of a JVM that declared them uninterruptible ({@link Instance#INTERRUPTIBLE_PROPERTY}),
 * as the command-line launchers do: the check compiled code makes never traps, and {@link
 * Instance#interrupt()} refuses, naming the property. Each case runs in a JVM of its own, since the
 * runtime reads the property once.
 */
class UninterruptibleTest {
  @TempDir Path dir;

  /** Runs in the child JVM: what the check and {@code interrupt()} do there. */
  public static final class Probe {
    private Probe() {}

    public static void main(String[] args) throws Throwable {
      if (args[1].equals("declare")) {
        CommandLineProcess.declareUninterruptible();
      }
      Instance instance = InterruptGateTest.emptyModule(Path.of(args[0])).instantiate();
      // what interrupt() sets, set directly: does the check look at it?
      instance.interruptRequested = true;
      try {
        Instance.checkInterrupt(instance);
        System.out.println("check: passed");
      } catch (WasmTrap trap) {
        System.out.println("check: " + trap.kind());
      }
      instance.interruptRequested = false;
      try {
        instance.interrupt();
        System.out.println("interrupt: accepted");
      } catch (IllegalStateException e) {
        System.out.println("interrupt: refused: " + e.getMessage());
      }
    }
  }

  private String probe(String property, String declare) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (property != null) {
      command.add("-D" + Instance.INTERRUPTIBLE_PROPERTY + "=" + property);
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Probe.class.getName(),
            dir.toString(),
            declare));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!child.waitFor(60, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new AssertionError("the probe JVM did not finish");
    }
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, child.exitValue(), output);
    return output.strip();
  }

  private static final String REFUSED =
      "check: passed\n"
          + "interrupt: refused: cannot interrupt: this JVM runs compiled code without interrupt"
          + " checks (flarec.interruptible=false)";

  @Test
  void byDefaultTheCheckTrapsAndInterruptIsAccepted() throws Exception {
    assertEquals("check: INTERRUPTED\ninterrupt: accepted", probe(null, "-"));
  }

  @Test
  void withThePropertyFalseThereIsNoCheck() throws Exception {
    assertEquals(REFUSED, probe("false", "-"));
  }

  @Test
  void theCommandLineLaunchersDeclareIt() throws Exception {
    assertEquals(REFUSED, probe(null, "declare"));
  }

  @Test
  void aPropertyGivenOnTheCommandLineWins() throws Exception {
    assertEquals("check: INTERRUPTED\ninterrupt: accepted", probe("true", "declare"));
  }
}
