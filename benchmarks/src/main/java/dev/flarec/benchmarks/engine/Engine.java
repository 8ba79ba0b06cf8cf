package dev.flarec.benchmarks.engine;

import dev.flarec.benchmarks.handwritten.HandwrittenKernels;
import dev.flarec.benchmarks.kernel.Kernel;
import dev.flarec.compiler.CompileOptions;

/** The ways to run a kernel that the benchmarks compare. */
public enum Engine {
  /** flarec with its default method budget: functions over 8,000 bytes are split. */
  FLAREC("flarec") {
    @Override
    public KernelRunner load(Kernel kernel) {
      return FlarecRunner.load(kernel.wasm(), CompileOptions.defaults());
    }
  },
  /** flarec with the largest budget the JVM allows (65,535): big functions stay whole. */
  FLAREC_UNSPLIT("flarec, unsplit (budget 65535)") {
    @Override
    public KernelRunner load(Kernel kernel) {
      return FlarecRunner.load(kernel.wasm(), CompileOptions.defaults().withMethodBudget(65535));
    }
  },
  CHICORY_COMPILER("Chicory 1.7.5 compiler") {
    @Override
    public KernelRunner load(Kernel kernel) {
      return ChicoryRunner.compiled(kernel.wasm());
    }
  },
  CHICORY_INTERPRETER("Chicory 1.7.5 interpreter") {
    @Override
    public KernelRunner load(Kernel kernel) {
      return ChicoryRunner.interpreted(kernel.wasm());
    }
  },
  /** The same algorithm written in Java: what the JVM does at best. */
  JAVA("hand-written Java") {
    @Override
    public KernelRunner load(Kernel kernel) {
      return HandwrittenKernels.forKernel(kernel.name());
    }
  };

  private final String label;

  Engine(String label) {
    this.label = label;
  }

  /** How reports name this engine. */
  public String label() {
    return label;
  }

  /** Prepares {@code kernel} to run; compile time is not part of what is measured. */
  public abstract KernelRunner load(Kernel kernel);

  /** Loads {@code kernel} and checks both of its answers before anything is timed. */
  public KernelRunner loadChecked(Kernel kernel) {
    KernelRunner runner = load(kernel);
    kernel.check(label, kernel.checkN(), runner.run(kernel.checkN()));
    kernel.check(label, kernel.benchN(), runner.run(kernel.benchN()));
    return runner;
  }
}
