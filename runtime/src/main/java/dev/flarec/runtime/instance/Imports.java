package dev.flarec.runtime.instance;

import dev.flarec.runtime.exception.Tag;
import dev.flarec.runtime.global.Global;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.memory.Memory64;
import dev.flarec.runtime.table.Table;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an instance is given to satisfy its imports: functions ({@link FunctionRef}), memories,
 * tables and globals, by module and field name; whole instances, whose exports then serve every
 * import naming that module; and {@link ImportSource}s, which make a module's imports when asked.
 *
 * <pre>{@code
 * Imports imports = Imports.builder()
 *     .function("env", "add", FunctionRef.of((IntBinaryOperator) (a, b) -> a + b))
 *     .memory("env", "memory", new Memory(new Limits(1, 4)))
 *     .instance("lib", libInstance)
 *     .build();
 * }</pre>
 */
public final class Imports {
  private static final Imports EMPTY = new Imports(Map.of(), Map.of(), Map.of());

  private final Map<String, Map<String, Object>> values;
  private final Map<String, Instance> instances;
  private final Map<String, ImportSource> sources;

  private Imports(
      Map<String, Map<String, Object>> values,
      Map<String, Instance> instances,
      Map<String, ImportSource> sources) {
    this.values = values;
    this.instances = instances;
    this.sources = sources;
  }

  public static Imports empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The value offered for {@code module.name} (a FunctionRef, Memory, Table, Global or Tag), or
   * null.
   */
  public Object lookup(String module, String name) {
    Map<String, Object> byName = values.get(module);
    if (byName != null && byName.containsKey(name)) {
      return byName.get(name);
    }
    Instance instance = instances.get(module);
    if (instance != null) {
      return instance.export(name);
    }
    ImportSource source = sources.get(module);
    return source == null ? null : source.resolve(name);
  }

  /** Builds an {@link Imports}; later definitions of the same name replace earlier ones. */
  public static final class Builder {
    private final Map<String, Map<String, Object>> values = new HashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, ImportSource> sources = new HashMap<>();

    private Builder put(String module, String name, Object value) {
      // no computeIfAbsent: its lambda is one more class spun while a flare starts
      Map<String, Object> byName = values.get(module);
      if (byName == null) {
        byName = new HashMap<>();
        values.put(module, byName);
      }
      byName.put(name, value);
      return this;
    }

    public Builder function(String module, String name, FunctionRef function) {
      return put(module, name, function);
    }

    public Builder memory(String module, String name, Memory memory) {
      return put(module, name, memory);
    }

    /** A 64-bit memory, for a module that imports one ({@code (memory i64 ...)}). */
    public Builder memory(String module, String name, Memory64 memory) {
      return put(module, name, memory);
    }

    public Builder table(String module, String name, Table table) {
      return put(module, name, table);
    }

    public Builder global(String module, String name, Global global) {
      return put(module, name, global);
    }

    /** A tag: exceptions of it thrown by either side are caught by the other's clauses. */
    public Builder tag(String module, String name, Tag tag) {
      return put(module, name, tag);
    }

    /** Every export of {@code instance} becomes importable under module name {@code module}. */
    public Builder instance(String module, Instance instance) {
      instances.put(module, instance);
      return this;
    }

    /**
     * Imports naming {@code module} that no value or instance given here provides are asked of
     * {@code source}.
     */
    public Builder source(String module, ImportSource source) {
      sources.put(module, source);
      return this;
    }

    /** Adds everything {@code other} offers; entries already here win. */
    public Builder addAll(Imports other) {
      other.values.forEach(
          (module, byName) ->
              byName.forEach(
                  (name, v) ->
                      values.computeIfAbsent(module, m -> new HashMap<>()).putIfAbsent(name, v)));
      other.instances.forEach(instances::putIfAbsent);
      other.sources.forEach(sources::putIfAbsent);
      return this;
    }

    public Imports build() {
      Map<String, Map<String, Object>> copy = new HashMap<>();
      for (Map.Entry<String, Map<String, Object>> e : values.entrySet()) {
        copy.put(e.getKey(), Map.copyOf(e.getValue()));
      }
      return new Imports(copy, Map.copyOf(instances), Map.copyOf(sources));
    }
  }
}
