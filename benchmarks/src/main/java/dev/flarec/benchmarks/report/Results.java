package dev.flarec.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one run of benchmarks/run.sh measured, read from its results directory. */
final class Results {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path dir;
  final List<JmhScore> jmh;
  final Map<String, JsonNode> nativeByKernel;
  final Map<String, JsonNode> nodeByKernel;
  final List<JsonNode> wrk;
  final List<JsonNode> startup;
  final JsonNode compile;
  final Map<String, String> machine;

  private Results(Path dir) throws IOException {
    this.dir = dir;
    this.jmh = readJmh(dir.resolve("jmh.json"));
    this.nativeByKernel = fasterPass(dir, "native");
    this.nodeByKernel = fasterPass(dir, "node");
    this.wrk = lines(dir.resolve("wrk.jsonl"));
    this.startup = lines(dir.resolve("startup.jsonl"));
    List<JsonNode> compiles = lines(dir.resolve("compile.json"));
    this.compile = compiles.isEmpty() ? null : compiles.get(0);
    this.machine = readMachine(dir.resolve("machine.txt"));
  }

  static Results read(Path dir) throws IOException {
    return new Results(dir);
  }

  /** The JMH score of {@code benchmark} whose parameters include all of {@code params}. */
  Optional<JmhScore> score(String benchmark, Map<String, String> params) {
    return jmh.stream()
        .filter(s -> s.benchmark().equals(benchmark))
        .filter(
            s -> params.entrySet().stream().allMatch(e -> e.getValue().equals(s.param(e.getKey()))))
        .findFirst();
  }

  /** Why a whole part was not measured, from the {@code *.skipped} marker run.sh leaves. */
  Optional<String> skipped(String part) throws IOException {
    Path marker = dir.resolve(part + ".skipped");
    return Files.exists(marker) ? Optional.of(Files.readString(marker).trim()) : Optional.empty();
  }

  private static List<JmhScore> readJmh(Path file) throws IOException {
    List<JmhScore> scores = new ArrayList<>();
    if (!Files.exists(file)) {
      return scores;
    }
    for (JsonNode run : JSON.readTree(file.toFile())) {
      String name = run.get("benchmark").asText();
      String[] parts = name.split("\\.");
      Map<String, String> params = new LinkedHashMap<>();
      JsonNode p = run.get("params");
      if (p != null) {
        p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      }
      JsonNode metric = run.get("primaryMetric");
      double error = metric.get("scoreError").asDouble();
      List<Double> iterations = new ArrayList<>();
      JsonNode raw = metric.get("rawData");
      if (raw != null && raw.size() > 0) {
        raw.get(0).forEach(v -> iterations.add(v.asDouble()));
      }
      scores.add(
          new JmhScore(
              parts[parts.length - 2],
              params,
              metric.get("score").asDouble(),
              Double.isNaN(error) ? 0 : error,
              metric.get("scoreUnit").asText(),
              List.copyOf(iterations)));
    }
    return scores;
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    if (!Files.exists(file)) {
      return nodes;
    }
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("{")) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  /**
   * Each kernel's result from {@code <part>-1.jsonl} or {@code <part>-2.jsonl} (run before and
   * after JMH), whichever pass was faster: the one less disturbed by other work on the machine.
   */
  private static Map<String, JsonNode> fasterPass(Path dir, String part) throws IOException {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    for (String pass : List.of("-1", "-2", "")) {
      for (JsonNode n : lines(dir.resolve(part + pass + ".jsonl"))) {
        String kernel = n.get("kernel").asText();
        JsonNode old = map.get(kernel);
        if (old == null || n.get("mean_ns").asDouble() < old.get("mean_ns").asDouble()) {
          map.put(kernel, n);
        }
      }
    }
    return map;
  }

  static Map<String, String> readMachine(Path file) throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          map.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
      }
    }
    return map;
  }
}
