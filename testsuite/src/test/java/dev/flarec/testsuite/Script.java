package dev.flarec.testsuite;

import java.nio.file.Path;
import java.util.List;

/**
 * A converted spec test script: its commands, in order, and the directory holding the module files
 * they name.
 *
 * @param name the script's file name without {@code .wast}, e.g. {@code i32}
 * @param directory where wast2json wrote the JSON and the {@code .wasm} files
 * @param commands the commands in script order
 */
public record Script(String name, Path directory, List<Command> commands) {
  /** The path of a module file the script names. */
  Path resolve(Command.ModuleFile file) {
    return directory.resolve(file.filename());
  }
}
