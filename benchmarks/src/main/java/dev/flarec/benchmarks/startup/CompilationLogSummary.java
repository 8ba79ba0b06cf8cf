package dev.flarec.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the JIT did during a run, read from HotSpot's {@code -XX:+LogCompilation} file: for the
 * methods whose class name starts with PREFIX (the compiled module's, {@code flarec.module} by
 * default), how many were compiled, how many compiles each tier made and of how much bytecode, how
 * long the compiler threads took over them, how much of that was compiling a method again at a
 * level it had already reached (after a deoptimisation), and the uncommon traps that deoptimised
 * compiled code, by reason and by bytecode site.
 *
 * <pre>
 * java -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=jit.log ... FirstRunProbe ...
 * CompilationLogSummary jit.log [PREFIX] [TOP=15]
 * </pre>
 *
 * <p>Compile times are the compiler thread's wall clock between a task's start and end stamps: on a
 * loaded machine they include waiting for a core, so compare them within one log or between
 * interleaved runs, not with other machines.
 */
public final class CompilationLogSummary {
  private static final Pattern TASK =
      Pattern.compile("<task ([^>]*)>(.*?)<task_done ([^>]*)/>", Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)='([^']*)'");
  private static final Pattern TRAP =
      Pattern.compile(
          "<uncommon_trap thread='\\d+' reason='(\\w+)' action='(\\w+)'[^>]*>\\s*"
              + "<jvms bci='(\\d+)' method='([^']*)'");

  private CompilationLogSummary() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: CompilationLogSummary LOGFILE [CLASS_PREFIX] [TOP]");
      System.exit(2);
    }
    String log = Files.readString(Path.of(args[0]));
    String prefix = args.length > 1 ? args[1] : "flarec.module";
    int top = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    System.out.print(summarise(log, prefix, top));
  }

  /** The summary of one log, as printed. */
  static String summarise(String log, String prefix, int top) {
    var tiers = new TreeMap<String, Tally>();
    Set<String> methods = new HashSet<>();
    Map<String, Integer> compilesSoFar = new HashMap<>();
    Map<String, Double> seconds = new HashMap<>();
    Matcher task = TASK.matcher(log);
    while (task.find()) {
      Map<String, String> start = attributes(task.group(1));
      Map<String, String> done = attributes(task.group(3));
      String method = start.get("method").replace('/', '.');
      if (!method.startsWith(prefix) || !done.containsKey("stamp")) {
        continue;
      }
      String level = start.getOrDefault("level", "4");
      String tier = "tier " + level + ("osr".equals(start.get("compile_kind")) ? " OSR" : "");
      double taken = Double.parseDouble(done.get("stamp")) - Double.parseDouble(start.get("stamp"));
      Tally tally = tiers.computeIfAbsent(tier, t -> new Tally());
      tally.compiles++;
      tally.bytes += Long.parseLong(start.getOrDefault("bytes", "0"));
      tally.seconds += taken;
      String key = method + " @" + tier;
      if (compilesSoFar.merge(key, 1, Integer::sum) > 1) {
        tally.again++;
        tally.secondsAgain += taken;
      }
      methods.add(method);
      seconds.merge(key, taken, Double::sum);
    }

    var out = new StringBuilder();
    out.append(String.format("methods of %s compiled: %d%n", prefix, methods.size()));
    out.append("tier        compiles  bytecode bytes  thread s  again (same method, same tier)\n");
    tiers.forEach(
        (tier, t) ->
            out.append(
                String.format(
                    "%-10s %9d %15d %9.2f  %d compiles, %.2f s%n",
                    tier, t.compiles, t.bytes, t.seconds, t.again, t.secondsAgain)));

    Map<String, Integer> reasons = new TreeMap<>();
    Map<String, Integer> sites = new LinkedHashMap<>();
    Matcher trap = TRAP.matcher(log);
    while (trap.find()) {
      reasons.merge(trap.group(1) + " / " + trap.group(2), 1, Integer::sum);
      sites.merge(trap.group(4).replace('/', '.') + " bci " + trap.group(3), 1, Integer::sum);
    }
    out.append(
        String.format(
            "uncommon traps (deoptimisations): %d%n",
            reasons.values().stream().mapToInt(Integer::intValue).sum()));
    reasons.forEach((reason, n) -> out.append(String.format("  %4d %s%n", n, reason)));
    out.append("trap sites:\n");
    sites.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> out.append(String.format("  %4d %s%n", e.getValue(), e.getKey())));
    out.append("longest compiles (thread s, all compiles of the method at that tier):\n");
    List<Map.Entry<String, Double>> longest = new ArrayList<>(seconds.entrySet());
    longest.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    longest.stream()
        .limit(top)
        .forEach(e -> out.append(String.format("  %6.3f %s%n", e.getValue(), e.getKey())));
    return out.toString();
  }

  private static Map<String, String> attributes(String text) {
    Map<String, String> attributes = new HashMap<>();
    Matcher m = ATTRIBUTE.matcher(text);
    while (m.find()) {
      attributes.put(m.group(1), m.group(2));
    }
    return attributes;
  }

  private static final class Tally {
    int compiles;
    long bytes;
    double seconds;
    int again;
    double secondsAgain;
  }
}
