package dev.flarec.hostabi.abi;

import dev.flarec.runtime.instance.Imports;
import java.lang.invoke.MethodHandles;

/**
 * Assembles the whole {@code flaron/v1} import module (and AssemblyScript's {@code env.abort}) for
 * one pooled instance. The linker takes the imports a flare declares and ignores the rest.
 */
public final class FlaronImports {
  /** The import module name of the ABI. */
  public static final String MODULE = "flaron/v1";

  private FlaronImports() {}

  /** Every host function, bound to {@code context}. */
  public static Imports create(FlareContext context) {
    Imports.Builder imports = Imports.builder();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    for (Object family :
        new Object[] {
          new RequestImports(context),
          new ResponseImports(context),
          new LogImports(context),
          new WebSocketImports(context),
          new AbortImport(context),
          new BeamImports(context),
          new SparkImports(context),
          new PlasmaImports(context),
          new SecretImports(context),
          new CryptoImports(context),
          new EncodingImports(context),
          new IdImports(context),
          new TimeImports(context),
        }) {
      HostFunctionBinder.bind(family, lookup, imports);
    }
    return imports.build();
  }
}
