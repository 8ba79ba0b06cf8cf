package dev.flarec.runtime.exception;

import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.List;

/**
 * A WebAssembly exception tag: what a {@code catch} clause matches on. Tags are compared by
 * identity: each defined tag is a new {@code Tag} per instance, and an imported tag is the very
 * object its exporter (another instance, or host code) offered, so both modules catch each other's
 * exceptions.
 *
 * <p>Host code makes its own tags with {@link #of}, offers them as imports ({@code
 * Imports.Builder.tag}) or takes them from an instance's exports ({@code Instance.tag(name)}), and
 * throws into Wasm with {@link #exception}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#tag-instances">Wasm 3.0
 *     tag instances</a>
 */
public final class Tag {
  private final FunctionType type;

  private Tag(FunctionType type) {
    if (!type.results().isEmpty()) {
      throw new IllegalArgumentException("a tag's type has no results: " + type);
    }
    this.type = type;
  }

  /** A new tag whose payload has the given parameter types ({@code type} has no results). */
  public static Tag of(FunctionType type) {
    return new Tag(type);
  }

  /** A new tag carrying values of {@code params}. */
  public static Tag of(ValueType... params) {
    return new Tag(FunctionType.of(List.of(params), List.of()));
  }

  /** The tag's type: its parameters are the payload, it has no results. */
  public FunctionType type() {
    return type;
  }

  /**
   * A new exception of this tag carrying {@code payload}, one boxed value per parameter ({@code
   * Integer} for i32, {@code Long} for i64, {@code Float}, {@code Double}, any object or null for
   * references); throw it from a host function and Wasm code can catch it.
   *
   * @throws IllegalArgumentException when the payload does not fit the tag's type
   */
  public WasmException exception(Object... payload) {
    List<ValueType> params = type.params();
    if (payload.length != params.size()) {
      throw new IllegalArgumentException(
          "tag " + type + " carries " + params.size() + " values, not " + payload.length);
    }
    for (int i = 0; i < payload.length; i++) {
      ValueType t = params.get(i);
      Object v = payload[i];
      boolean fits = t.isReference() || box(t).isInstance(v);
      if (!fits) {
        throw new IllegalArgumentException(
            "payload value " + i + " of tag " + type + " is not a " + t + ": " + v);
      }
    }
    return new WasmException(this, payload.clone());
  }

  private static Class<?> box(ValueType t) {
    return switch (t) {
      case I32 -> Integer.class;
      case I64 -> Long.class;
      case F32 -> Float.class;
      case F64 -> Double.class;
      default -> t.jvmClass();
    };
  }

  @Override
  public String toString() {
    return "tag" + type;
  }
}
