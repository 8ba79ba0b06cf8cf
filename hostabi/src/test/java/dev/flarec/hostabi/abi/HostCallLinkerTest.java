package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.types.FunctionType;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

class HostCallLinkerTest {
  @Test
  void everyHostFunctionsTypeHasACallSite() {
    for (HostFunctionIndex.Entry e : HostFunctionIndex.ENTRIES) {
      FunctionType type =
          FunctionType.ofJavaMethod(HostFunctionBinder.method(e, e.family().implementation()));
      assertTrue(HostCallLinker.link(type.methodType()), e.name() + " " + type);
    }
  }

  @Test
  void aTypeWithoutACallSiteIsLeftToTheBridge() {
    assertFalse(HostCallLinker.link(MethodType.methodType(double.class, double.class)));
    assertFalse(HostCallLinker.link(MethodType.methodType(long.class, long.class, long.class)));
  }
}
