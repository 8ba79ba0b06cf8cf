package dev.flarec.runtime.instance;

/**
 * The imports of one module name, made when an instance asks for them rather than all beforehand:
 * for a host API of many functions of which a module imports a few, such as WASI's, where binding
 * every function for every instance was most of a small program's first run.
 *
 * <p>Called once per import of each instantiation, possibly from several threads at once for
 * different instances; a source that binds on demand keeps what it made.
 */
@FunctionalInterface
public interface ImportSource {
  /**
   * The value for the field {@code name} (a {@link FunctionRef}, memory, table, global or tag), or
   * null when this source offers none by that name.
   */
  Object resolve(String name);
}
