package dev.flarec.testsuite;

import static org.junit.jupiter.api.Assertions.fail;

import dev.flarec.compiler.CompileOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the WebAssembly spec test scripts against flarec: one dynamic test per script, which fails
 * if any of the script's commands fails, and a summary table at the end.
 *
 * <p>One test per script (rather than per command) keeps the report readable, about 260 entries
 * instead of 70,000, while the failure message still points at the first failing lines. A script
 * that {@link NotYetScripts} lists runs too, and its test is reported as skipped with the reason
 * and the counts; it fails only if the script passes (so that the list is kept exact).
 *
 * <p>System properties: {@value #ONLY} (comma-separated script names, e.g. {@code
 * i32,exceptions/throw}) runs a subset; {@value #TIMEOUT} (seconds, default {@value
 * #DEFAULT_TIMEOUT_SECONDS}) bounds each command; {@value SpecLocations#PROPERTY} points at the
 * scripts; {@code flarec.spec.methodBudget} sets the compiler's method budget (the build runs the
 * suite a second time with a tiny budget, which forces nearly every function to be split); {@value
 * #PUBLISH} {@code =true} copies the report of a full run to the committed {@code
 * docs/spec-status.md} (otherwise it is only written under {@code testsuite/target/}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecTest {
  static final String ONLY = "flarec.spec.only";
  static final String TIMEOUT = "flarec.spec.timeout";

  /** Set to {@code true} to also refresh the committed {@code docs/spec-status.md}. */
  static final String PUBLISH = "flarec.spec.publish";

  static final long DEFAULT_TIMEOUT_SECONDS = 60;

  private final List<ScriptResult> results = Collections.synchronizedList(new ArrayList<>());
  private Path specDir;
  private int scriptCount;
  private boolean subset;
  private final NotYetScripts notYet = NotYetScripts.load();

  @TestFactory
  Stream<DynamicTest> specScripts() {
    specDir = SpecLocations.specDirectory();
    List<Path> all = SpecLocations.scripts(specDir);
    checkNotYetNamesScripts(all);
    List<Path> selected = select(all);
    scriptCount = all.size();
    Duration timeout = Duration.ofSeconds(Long.getLong(TIMEOUT, DEFAULT_TIMEOUT_SECONDS));
    return selected.stream()
        .map(
            file -> {
              String name = SpecLocations.scriptName(specDir, file);
              return DynamicTest.dynamicTest(
                  name, file.toUri(), () -> runScript(name, file, timeout));
            });
  }

  /** A not-yet line whose script does not exist is a typo that would hide nothing: an error. */
  private void checkNotYetNamesScripts(List<Path> all) {
    Set<String> unknown = new LinkedHashSet<>(notYet.scripts());
    all.forEach(p -> unknown.remove(SpecLocations.scriptName(specDir, p)));
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(
          NotYetScripts.RESOURCE + " names scripts that are not in " + specDir + ": " + unknown);
    }
  }

  private void runScript(String name, Path file, Duration timeout) {
    Script script;
    try {
      script = ScriptReader.read(name, file);
    } catch (RuntimeException e) {
      ScriptResult broken = ScriptResult.broken(name, "cannot read the script: " + e.getMessage());
      results.add(broken);
      throw new AssertionError(broken.failureMessage(), e);
    }
    ScriptResult result;
    try {
      result = new ScriptRunner(script, timeout).run();
    } catch (Throwable t) {
      // Commands are guarded one by one; this is for the runner itself breaking (for example a
      // runtime class missing from the classpath), so that the script still shows in the table.
      ScriptResult broken =
          ScriptResult.broken(name, "the runner failed: " + ScriptRunner.describe(t));
      results.add(broken);
      throw new AssertionError(broken.failureMessage(), t);
    }
    String reason = notYet.reason(name);
    if (reason != null) {
      result = result.notYet(reason);
      results.add(result);
      if (result.failed() == 0) {
        fail(
            name
                + " passes now ("
                + result.passed()
                + " commands): remove its line from testsuite/src/test/resources"
                + NotYetScripts.RESOURCE);
      }
      // Reported as skipped, with the reason and the counts: never as a passed test.
      Assumptions.abort(
          reason + " (" + result.passed() + " passed, " + result.failed() + " failed)");
    }
    results.add(result);
    if (result.failed() > 0) {
      fail(result.failureMessage());
    }
  }

  /** All scripts, or those {@value #ONLY} names; an unknown name is an error, not a silent skip. */
  private List<Path> select(List<Path> all) {
    String only = System.getProperty(ONLY, "").trim();
    subset = !only.isEmpty();
    if (!subset) {
      return all;
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String name : only.split(",")) {
      String n = name.trim();
      for (String suffix : new String[] {".bin.wast", ".wast"}) {
        if (n.endsWith(suffix)) {
          n = n.substring(0, n.length() - suffix.length());
        }
      }
      if (!n.isEmpty()) {
        wanted.add(n);
      }
    }
    List<Path> selected =
        all.stream().filter(p -> wanted.contains(SpecLocations.scriptName(specDir, p))).toList();
    Set<String> unknown = new LinkedHashSet<>(wanted);
    selected.forEach(p -> unknown.remove(SpecLocations.scriptName(specDir, p)));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          ONLY
              + " names no script "
              + unknown
              + " in "
              + specDir
              + "; scripts are: "
              + Arrays.toString(
                  all.stream().map(p -> SpecLocations.scriptName(specDir, p)).toArray()));
    }
    return selected;
  }

  @AfterAll
  // the report is dated with the local calendar day of the run
  @SuppressWarnings("JavaTimeDefaultTimeZone")
  void report() {
    if (results.isEmpty()) {
      return;
    }
    StatusReport report = new StatusReport(results);
    System.out.println();
    System.out.print(report.table());
    System.out.println();
    if (ScriptRunner.METHOD_BUDGET != CompileOptions.DEFAULT_METHOD_BUDGET) {
      System.out.println("(method budget " + ScriptRunner.METHOD_BUDGET + " bytes)");
    }
    System.out.println(report.closingLine());
    // The status document records the default configuration; the small-budget run that proves
    // method splitting exact only prints its table.
    boolean defaultBudget = ScriptRunner.METHOD_BUDGET == CompileOptions.DEFAULT_METHOD_BUDGET;
    if (!subset && defaultBudget && results.size() == scriptCount) {
      Path doc = SpecLocations.statusReport();
      report.write(doc, LocalDate.now(), StatusReport.specVersion(specDir));
      System.out.println("wrote " + doc);
      if (Boolean.getBoolean(PUBLISH)) {
        Path published = SpecLocations.publishedStatusDocument();
        report.write(published, LocalDate.now(), StatusReport.specVersion(specDir));
        System.out.println("wrote " + published);
      }
    }
  }
}
