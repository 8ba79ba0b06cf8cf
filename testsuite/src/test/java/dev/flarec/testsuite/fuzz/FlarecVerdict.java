package dev.flarec.testsuite.fuzz;

import dev.flarec.compiler.CompileException;
import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.UnsupportedModuleException;
import java.util.Map;

/**
 * What flarec makes of one input, compiled in process: accepted (and every generated class loads
 * and passes the JVM's verifier), rejected with a clean one-line error that has a position, refused
 * as unsupported, or a crash: any other exception, a message without a position or on several
 * lines, or generated code that does not load.
 */
record FlarecVerdict(Kind kind, String detail) {
  enum Kind {
    ACCEPTED,
    REJECTED,
    UNSUPPORTED,
    CRASH
  }

  static FlarecVerdict of(byte[] wasm, CompileOptions options) {
    CompiledModule compiled;
    try {
      compiled = Flarec.compile(wasm, options);
    } catch (CompileException e) {
      String line = e.describe();
      if (line.contains("\n")) {
        return new FlarecVerdict(Kind.CRASH, "message on several lines: " + line);
      }
      if (e.byteOffset() == CompileException.UNKNOWN
          && e.section() == null
          && e.functionIndex() == CompileException.UNKNOWN) {
        return new FlarecVerdict(Kind.CRASH, "message without a position: " + line);
      }
      return new FlarecVerdict(
          e instanceof UnsupportedModuleException ? Kind.UNSUPPORTED : Kind.REJECTED, line);
    } catch (Throwable t) {
      return new FlarecVerdict(Kind.CRASH, "compile threw " + describe(t));
    }
    try {
      load(compiled.classFiles());
      compiled.load();
    } catch (Throwable t) {
      return new FlarecVerdict(Kind.CRASH, "generated code does not load: " + describe(t));
    }
    return new FlarecVerdict(Kind.ACCEPTED, "");
  }

  /** Defines and initialises every generated class, so that the verifier sees all of them. */
  @SuppressWarnings("ReturnValueIgnored") // getDeclaredMethods is called to link the class
  private static void load(Map<String, byte[]> classFiles) throws ClassNotFoundException {
    ClassLoader loader =
        new ClassLoader(FlarecVerdict.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classFiles.get(name);
            if (b == null) {
              throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
          }
        };
    for (String name : classFiles.keySet()) {
      Class.forName(name, false, loader).getDeclaredMethods(); // links: verifies
    }
  }

  static String describe(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return t + (trace.length > 0 ? " at " + trace[0] : "");
  }
}
