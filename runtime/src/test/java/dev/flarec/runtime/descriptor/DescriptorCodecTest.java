package dev.flarec.runtime.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flarec.runtime.descriptor.ConstExpr.Op;
import dev.flarec.runtime.descriptor.ModuleDescriptor.DataSegment;
import dev.flarec.runtime.descriptor.ModuleDescriptor.ElementSegment;
import dev.flarec.runtime.descriptor.ModuleDescriptor.GlobalDef;
import dev.flarec.runtime.descriptor.ModuleDescriptor.SegmentMode;
import dev.flarec.runtime.descriptor.ModuleDescriptor.TableDef;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.Limits;
import dev.flarec.runtime.types.RefType;
import dev.flarec.runtime.types.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the descriptor's encoding must keep: canonical type keys, supertypes and written reference
 * types, and the constant expressions of WebAssembly 3.0 (trees, table initialisers).
 */
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

  private static ConstExpr leaf(Op op, long operand) {
    return new ConstExpr(op, operand);
  }

  @Test
  void extendedConstantExpressionsAndTableInitialisersRoundTrip() {
    // (i32.sub (i32.mul (global.get 0) (i32.const 3)) (i32.const -1))
    ConstExpr offset =
        ConstExpr.arithmetic(
            Op.I32_SUB,
            ConstExpr.arithmetic(Op.I32_MUL, leaf(Op.GLOBAL_GET, 0), leaf(Op.I32_CONST, 3)),
            leaf(Op.I32_CONST, -1));
    ConstExpr item =
        ConstExpr.arithmetic(Op.I64_ADD, leaf(Op.I64_CONST, 1L << 40), leaf(Op.I64_CONST, 2));
    ModuleDescriptor d =
        new ModuleDescriptor(
            "t.M",
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new TableDef(ValueType.FUNCREF, new Limits(1, 2), false, leaf(Op.REF_FUNC, 0)),
                new TableDef(ValueType.EXTERNREF, new Limits(0, Limits.NO_MAX), false)),
            List.of(),
            List.of(),
            List.of(),
            ModuleDescriptor.NO_START,
            List.of(
                new ElementSegment(
                    SegmentMode.ACTIVE, 0, offset, ValueType.FUNCREF, List.of(item))),
            List.of(new DataSegment(SegmentMode.ACTIVE, 0, offset, new byte[] {1})));

    ModuleDescriptor back = DescriptorCodec.decode(DescriptorCodec.encode(d));

    assertEquals(d.tables(), back.tables());
    assertNull(back.tables().get(1).init());
    assertEquals(offset, back.elements().get(0).offset());
    assertEquals(List.of(item), back.elements().get(0).items());
    assertEquals(offset, back.data().get(0).offset());
  }
}
