package dev.flarec.testsuite;

import dev.flarec.compiler.CompileException;
import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.InvalidModuleException;
import dev.flarec.compiler.MalformedModuleException;
import dev.flarec.compiler.layout.MethodSizes;
import dev.flarec.runtime.exception.WasmException;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.LinkException;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.testsuite.Command.Action;
import dev.flarec.testsuite.Command.ActionCommand;
import dev.flarec.testsuite.Command.AssertException;
import dev.flarec.testsuite.Command.AssertExhaustion;
import dev.flarec.testsuite.Command.AssertInvalid;
import dev.flarec.testsuite.Command.AssertMalformed;
import dev.flarec.testsuite.Command.AssertReturn;
import dev.flarec.testsuite.Command.AssertTrap;
import dev.flarec.testsuite.Command.AssertUninstantiable;
import dev.flarec.testsuite.Command.AssertUnlinkable;
import dev.flarec.testsuite.Command.ModuleBinary;
import dev.flarec.testsuite.Command.ModuleCommand;
import dev.flarec.testsuite.Command.ModuleDefinition;
import dev.flarec.testsuite.Command.ModuleInstance;
import dev.flarec.testsuite.Command.ModuleSource;
import dev.flarec.testsuite.Command.RegisterCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs one script's commands in order against flarec, as the reference interpreter would, and
 * counts the outcomes.
 *
 * <p>The state a script builds up (its module definitions and instances, their names, the
 * registered modules, the {@code spectest} host module) lives in one runner and goes with it: a
 * runner is made per script and dropped after, which is what lets the generated classes of its
 * modules be unloaded.
 *
 * <p>Every command is isolated: whatever it throws becomes that command's failure, so one compiler
 * bug does not hide the results of the rest of the script. A definition that fails to compile, or
 * an instance that fails to instantiate, stays bound to its name (and as the latest) in its failed
 * state, so the commands that use it fail too, saying why, rather than silently running against an
 * earlier module.
 *
 * <p>A command that runs longer than the timeout is stopped through {@link Instance#interrupt()}
 * and fails; a miscompiled branch can loop forever, and that should cost one command, not the whole
 * suite.
 */
final class ScriptRunner {
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "spec-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final Script script;
  private final Duration timeout;
  private final Imports spectest = SpecTestHost.create();
  private final Map<String, Instance> registered = new LinkedHashMap<>();
  private final Map<String, InstanceState> named = new HashMap<>();
  private final Map<String, DefinitionState> definitions = new HashMap<>();

  /** Every instance made so far, for the watchdog to interrupt (from its own thread). */
  private final List<Instance> live = new CopyOnWriteArrayList<>();

  private InstanceState latest;
  private DefinitionState latestDefinition;

  ScriptRunner(Script script, Duration timeout) {
    this.script = script;
    this.timeout = timeout;
  }

  /** What became of a module definition: a compiled module, or a failure. */
  private sealed interface DefinitionState {
    /** The module compiled. */
    record Ready(Module module) implements DefinitionState {}

    /** The definition at {@code line} failed to compile; {@code reason} says how. */
    record Failed(int line, String reason) implements DefinitionState {}
  }

  /** What became of an instantiation: an instance, or a failure. */
  private sealed interface InstanceState {
    /** The module instantiated. */
    record Ready(Instance instance) implements InstanceState {}

    /** The instantiation at {@code line} failed; {@code reason} says how. */
    record Failed(int line, String reason) implements InstanceState {}
  }

  /** Runs every command and tallies them. */
  ScriptResult run() {
    int passed = 0;
    int failed = 0;
    List<String> failures = new ArrayList<>();
    for (Command command : script.commands()) {
      Outcome outcome = runGuarded(command);
      switch (outcome.status()) {
        case PASSED -> passed++;
        case FAILED -> {
          failed++;
          if (failures.size() < ScriptResult.MAX_REPORTED) {
            failures.add(
                "line " + command.line() + ": " + command.describe() + ": " + outcome.detail());
          }
        }
      }
    }
    return new ScriptResult(script.name(), passed, failed, List.copyOf(failures));
  }

  /** Runs one command under the watchdog, turning anything it throws into its failure. */
  private Outcome runGuarded(Command command) {
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> alarm =
        WATCHDOG.schedule(
            () -> {
              timedOut.set(true);
              live.forEach(Instance::interrupt);
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    Outcome outcome;
    try {
      outcome = execute(command);
    } catch (Throwable t) {
      outcome = Outcome.fail("got unexpected " + describe(t));
    } finally {
      alarm.cancel(false);
    }
    if (timedOut.get()) {
      live.forEach(Instance::clearInterrupt);
      String then = outcome.detail() == null ? "" : " (" + outcome.detail() + ")";
      return Outcome.fail("timed out after " + timeout.toSeconds() + " s" + then);
    }
    return outcome;
  }

  private Outcome execute(Command command) {
    if (command instanceof ModuleDefinition c) {
      return define(c.line(), c.name(), c.module());
    } else if (command instanceof ModuleInstance c) {
      return instantiate(c.line(), c.instance(), c.definition());
    } else if (command instanceof ModuleCommand c) {
      Outcome defined = define(c.line(), c.name(), c.module());
      Outcome instantiated = instantiate(c.line(), c.name(), c.name());
      return defined.status() == Outcome.Status.FAILED ? defined : instantiated;
    } else if (command instanceof RegisterCommand c) {
      return register(c);
    } else if (command instanceof ActionCommand c) {
      return action(c);
    } else if (command instanceof AssertReturn c) {
      return assertReturn(c);
    } else if (command instanceof AssertTrap c) {
      return assertTrap(c);
    } else if (command instanceof AssertExhaustion c) {
      return assertExhaustion(c);
    } else if (command instanceof AssertException c) {
      return assertException(c);
    } else if (command instanceof AssertInvalid c) {
      return assertRejected(c.module(), c.text(), "an invalid");
    } else if (command instanceof AssertMalformed c) {
      return assertRejected(c.module(), c.text(), "a malformed");
    } else if (command instanceof AssertUnlinkable c) {
      return assertUnlinkable(c);
    } else if (command instanceof AssertUninstantiable c) {
      return assertUninstantiable(c);
    }
    throw new IllegalStateException("unhandled command " + command);
  }

  // ---- modules ----

  private Outcome define(int line, String name, ModuleBinary binary) {
    DefinitionState state;
    Outcome outcome;
    try {
      state = new DefinitionState.Ready(compile(line, binary));
      outcome = Outcome.pass();
    } catch (Throwable t) {
      state = new DefinitionState.Failed(line, describe(t));
      outcome = Outcome.fail("expected the module to compile, got " + describe(t));
    }
    latestDefinition = state;
    if (name != null) {
      definitions.put(name, state);
    }
    return outcome;
  }

  private Outcome instantiate(int line, String name, String definition) {
    InstanceState state;
    Outcome outcome;
    DefinitionState source = definition == null ? latestDefinition : definitions.get(definition);
    if (source instanceof DefinitionState.Ready ready) {
      try {
        state = new InstanceState.Ready(instantiate(ready.module()));
        outcome = Outcome.pass();
      } catch (Throwable t) {
        state = new InstanceState.Failed(line, describe(t));
        outcome = Outcome.fail("expected the module to instantiate, got " + describe(t));
      }
    } else {
      String why = missingDefinition(definition, source);
      state = new InstanceState.Failed(line, why);
      outcome = Outcome.fail(why);
    }
    latest = state;
    if (name != null) {
      named.put(name, state);
    }
    return outcome;
  }

  private static String missingDefinition(String name, DefinitionState state) {
    if (state instanceof DefinitionState.Failed f) {
      return "no module: the definition at line " + f.line() + " failed (" + f.reason() + ")";
    }
    return name == null ? "no module defined yet" : "no module named " + name;
  }

  /** The module an instantiation assertion names, compiled; throws if there is none. */
  private Module moduleOf(int line, ModuleSource source) {
    if (source instanceof ModuleSource.Inline inline) {
      return compile(line, inline.module());
    }
    String name = ((ModuleSource.Definition) source).name();
    DefinitionState state = name == null ? latestDefinition : definitions.get(name);
    if (state instanceof DefinitionState.Ready ready) {
      return ready.module();
    }
    throw new IllegalStateException(missingDefinition(name, state));
  }

  private Outcome register(RegisterCommand c) {
    return withInstance(
        c.name(),
        instance -> {
          registered.put(c.as(), instance);
          return Outcome.pass();
        });
  }

  /**
   * Method budget for compiled modules: {@code -Dflarec.spec.methodBudget=500} forces nearly every
   * function to be split, which tests that splitting keeps Wasm semantics exact.
   */
  static final int METHOD_BUDGET =
      Integer.getInteger("flarec.spec.methodBudget", CompileOptions.DEFAULT_METHOD_BUDGET);

  /** Every generated method must stay within the budget, or HotSpot would never compile it. */
  private static void checkMethodBudget(CompiledModule compiled) {
    for (Map.Entry<String, byte[]> c : compiled.classFiles().entrySet()) {
      for (Map.Entry<String, Integer> m : MethodSizes.of(c.getValue()).entrySet()) {
        if (m.getValue() > METHOD_BUDGET) {
          throw new IllegalStateException(
              "method "
                  + c.getKey()
                  + "."
                  + m.getKey()
                  + " has "
                  + m.getValue()
                  + " bytes of bytecode, over the budget of "
                  + METHOD_BUDGET);
        }
      }
    }
  }

  private Module compile(int line, ModuleBinary binary) {
    CompiledModule compiled =
        Flarec.compile(
            binary.bytes(),
            CompileOptions.defaults()
                .withClassName(className(line))
                .withMethodBudget(METHOD_BUDGET));
    checkMethodBudget(compiled);
    return compiled.load();
  }

  private Instance instantiate(Module module) {
    Imports.Builder imports = Imports.builder().addAll(spectest);
    registered.forEach(imports::instance);
    Instance instance = module.instantiate(imports.build());
    live.add(instance);
    return instance;
  }

  /** A class name per module that says where it came from, for stack traces of failures. */
  private String className(int line) {
    StringBuilder id = new StringBuilder();
    for (char ch : script.name().toCharArray()) {
      id.append(Character.isLetterOrDigit(ch) || ch == '_' ? ch : '_');
    }
    if (id.length() == 0 || !Character.isJavaIdentifierStart(id.charAt(0))) {
      id.insert(0, '_');
    }
    return "spec." + id + ".Line" + line;
  }

  private static Outcome assertRejected(ModuleBinary binary, String text, String kind) {
    String expected = "expected " + kind + " module (\"" + text + "\"), got ";
    try {
      Flarec.compile(binary.bytes());
    } catch (MalformedModuleException | InvalidModuleException e) {
      // The spec tests do not agree with every decoder on which phase catches what (a bad
      // section order is "malformed" to one, "invalid" to another): rejecting is what counts.
      return Outcome.pass();
    } catch (Throwable t) {
      return Outcome.fail(expected + describe(t));
    }
    return Outcome.fail(expected + "a module that compiled");
  }

  private Outcome assertUnlinkable(AssertUnlinkable c) {
    String expected = "expected link error \"" + c.text() + "\", got ";
    Module module;
    try {
      module = moduleOf(c.line(), c.module());
    } catch (Throwable t) {
      return Outcome.fail(expected + describe(t));
    }
    try {
      instantiate(module);
    } catch (LinkException e) {
      return Outcome.pass();
    } catch (Throwable t) {
      return Outcome.fail(expected + describe(t));
    }
    return Outcome.fail(expected + "an instance");
  }

  private Outcome assertUninstantiable(AssertUninstantiable c) {
    String expected = "expected trap \"" + c.text() + "\" while instantiating, got ";
    Module module;
    try {
      module = moduleOf(c.line(), c.module());
    } catch (Throwable t) {
      return Outcome.fail(expected + describe(t));
    }
    try {
      instantiate(module);
    } catch (WasmTrap trap) {
      return trapMatches(trap, c.text()) ? Outcome.pass() : Outcome.fail(expected + describe(trap));
    } catch (Throwable t) {
      return Outcome.fail(expected + describe(t));
    }
    return Outcome.fail(expected + "an instance");
  }

  // ---- actions ----

  private Outcome action(ActionCommand c) {
    return withInstance(
        c.action().module(),
        instance -> {
          try {
            perform(instance, c.action());
            return Outcome.pass();
          } catch (Throwable t) {
            return Outcome.fail("expected to complete, got " + describe(t));
          }
        });
  }

  private Outcome assertReturn(AssertReturn c) {
    return withInstance(
        c.action().module(),
        instance -> {
          List<Expected> expected = c.expected();
          Object[] results;
          try {
            results = perform(instance, c.action());
          } catch (Throwable t) {
            return Outcome.fail("expected " + expected + ", got " + describe(t));
          }
          boolean ok = results.length == expected.size();
          for (int i = 0; ok && i < results.length; i++) {
            ok = expected.get(i).matches(results[i]);
          }
          return ok
              ? Outcome.pass()
              : Outcome.fail("expected " + expected + ", got " + describe(results));
        });
  }

  private Outcome assertTrap(AssertTrap c) {
    return withInstance(
        c.action().module(),
        instance -> {
          String expected = "expected trap \"" + c.text() + "\", got ";
          try {
            return Outcome.fail(expected + describe(perform(instance, c.action())));
          } catch (WasmTrap trap) {
            return trapMatches(trap, c.text())
                ? Outcome.pass()
                : Outcome.fail(expected + describe(trap));
          } catch (Throwable t) {
            return Outcome.fail(expected + describe(t));
          }
        });
  }

  private Outcome assertExhaustion(AssertExhaustion c) {
    return withInstance(
        c.action().module(),
        instance -> {
          String expected = "expected trap \"" + c.text() + "\", got ";
          try {
            return Outcome.fail(expected + describe(perform(instance, c.action())));
          } catch (WasmTrap trap) {
            return trap.kind() == TrapKind.CALL_STACK_EXHAUSTED && trapMatches(trap, c.text())
                ? Outcome.pass()
                : Outcome.fail(expected + describe(trap));
          } catch (Throwable t) {
            return Outcome.fail(expected + describe(t));
          }
        });
  }

  private Outcome assertException(AssertException c) {
    return withInstance(
        c.action().module(),
        instance -> {
          String expected = "expected a WebAssembly exception, got ";
          try {
            return Outcome.fail(expected + describe(perform(instance, c.action())));
          } catch (WasmException e) {
            return Outcome.pass();
          } catch (Throwable t) {
            return Outcome.fail(expected + describe(t));
          }
        });
  }

  /** Invokes the function or reads the global; results boxed, in order. */
  private static Object[] perform(Instance instance, Action action) {
    if (action.kind() == Action.Kind.GET) {
      return new Object[] {instance.global(action.field()).get()};
    }
    Object[] args = new Object[action.args().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = action.args().get(i).boxed();
    }
    return instance.function(action.field()).call(args);
  }

  /**
   * Runs {@code body} on the named instance (null: the latest), or fails saying why there is none.
   */
  private Outcome withInstance(String name, Function<Instance, Outcome> body) {
    InstanceState state = name == null ? latest : named.get(name);
    if (state instanceof InstanceState.Ready ready) {
      return body.apply(ready.instance());
    } else if (state instanceof InstanceState.Failed f) {
      return Outcome.fail(
          "no instance: the module at line " + f.line() + " failed (" + f.reason() + ")");
    }
    return Outcome.fail(name == null ? "no module defined yet" : "no module named " + name);
  }

  /**
   * Spec trap texts may be prefixes of the interpreter's message ("uninitialized element" of
   * "uninitialized element 2"), so a trap matches if its message starts with the expected text.
   */
  private static boolean trapMatches(WasmTrap trap, String text) {
    return trap.getMessage() != null && trap.getMessage().startsWith(text);
  }

  // ---- descriptions for failure messages ----

  private static String describe(Object[] results) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < results.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(ValueCodec.describe(results[i]));
    }
    return sb.append(']').toString();
  }

  /** What went wrong, briefly; for unexpected exceptions, also where they were thrown. */
  static String describe(Throwable t) {
    if (t instanceof WasmTrap trap) {
      return "trap \"" + trap.getMessage() + "\"";
    } else if (t instanceof CompileException e) {
      return e.describe();
    } else if (t instanceof LinkException e) {
      return "link error \"" + e.getMessage() + "\"";
    }
    StringBuilder sb = new StringBuilder(t.getClass().getName());
    if (t.getMessage() != null) {
      sb.append(": ").append(t.getMessage());
    }
    StackTraceElement[] trace = t.getStackTrace();
    if (trace.length > 0) {
      sb.append(" at ").append(trace[0]);
    }
    if (t.getCause() != null && t.getCause() != t) {
      sb.append(", caused by ").append(describe(t.getCause()));
    }
    return sb.toString();
  }
}
