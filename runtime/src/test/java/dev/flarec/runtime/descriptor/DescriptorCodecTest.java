package dev.flarec.runtime.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flarec.runtime.descriptor.ModuleDescriptor.GlobalDef;
import dev.flarec.runtime.descriptor.ModuleDescriptor.TableDef;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.Limits;
import dev.flarec.runtime.types.RefType;
import dev.flarec.runtime.types.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Canonical keys, supertypes and written reference types survive the descriptor's encoding. */
class DescriptorCodecTest {
  @Test
  void typeIdentityAndReferenceTypesRoundTrip() {
    FunctionType top = FunctionType.of(List.of(), List.of(), "codec-top.0", null);
    FunctionType sub = FunctionType.of(List.of(), List.of(), "codec-sub.0", top);
    FunctionType plain = FunctionType.of(List.of(ValueType.I32), List.of());
    RefType nonNullSub = new RefType(false, RefType.Heap.DEFINED, sub);
    ModuleDescriptor d =
        new ModuleDescriptor(
            "Codec",
            List.of(top, sub, plain),
            List.of(),
            List.of(),
            List.of(new TableDef(ValueType.FUNCREF, new Limits(1, 2), false, null, nonNullSub)),
            List.of(),
            List.of(
                new GlobalDef(ValueType.FUNCREF, false, false, true, nonNullSub),
                new GlobalDef(ValueType.I32, true, false, true)),
            List.of(),
            ModuleDescriptor.NO_START,
            List.of(),
            List.of());
    ModuleDescriptor back = DescriptorCodec.decode(DescriptorCodec.encode(d));
    assertSame(top, back.types().get(0));
    assertSame(sub, back.types().get(1));
    assertSame(top, back.types().get(1).supertype());
    assertSame(plain, back.types().get(2));
    assertEquals(nonNullSub, back.tables().get(0).refType());
    assertEquals(nonNullSub, back.globals().get(0).refType());
    assertNull(back.globals().get(1).refType());
  }
}
