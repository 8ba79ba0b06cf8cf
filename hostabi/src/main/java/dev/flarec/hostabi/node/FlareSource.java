package dev.flarec.hostabi.node;

import dev.flarec.runtime.instance.Module;
import java.nio.file.Path;

/**
 * Turns a flare file of a node's directory ({@code .jar}, or {@code .wasm} when it can compile)
 * into a module.
 */
@FunctionalInterface
public interface FlareSource {
  /**
   * Loads {@code file}.
   *
   * @throws Exception with a one-line message when the file is not a flare this node can serve
   */
  Module load(Path file) throws Exception;
}
