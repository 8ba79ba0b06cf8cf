package dev.flarec.compiler.decode;

import static dev.flarec.compiler.testing.RawModules.code;
import static dev.flarec.compiler.testing.RawModules.module;
import static dev.flarec.compiler.testing.RawModules.section;
import static dev.flarec.compiler.testing.Rejections.rejected;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.InvalidModuleException;
import dev.flarec.compiler.MalformedModuleException;
import dev.flarec.compiler.UnsupportedModuleException;
import org.junit.jupiter.api.Test;

/**
 * The binary checks of exception handling: the tag section, tag imports and exports, the new
 * instructions' immediates, and the legacy instructions (try/catch/rethrow/delegate), which are not
 * part of 3.0 and are refused as unsupported, never as malformed.
 */
class ExceptionHandlingDecodeTest {
  private static final int TYPE = 1;
  private static final int FUNCTION = 3;
  private static final int GLOBAL = 6;
  private static final int CODE = 10;
  private static final int TAG = 13;

  /** {@code (type (func))}. */
  private static final byte[] VOID_TYPE = section(TYPE, 1, 0x60, 0, 0);

  @Test
  void legacyTryIsUnsupportedAndNamedWithItsPosition() {
    // (func try (catch_all) end): 06 40 19 0b 0b
    byte[] wasm = module(VOID_TYPE, section(FUNCTION, 1, 0), code(0, 0x06, 0x40, 0x19, 0x0B, 0x0B));
    UnsupportedModuleException e =
        rejected(
            UnsupportedModuleException.class,
            wasm,
            "code",
            0,
            23,
            "legacy exception handling (try/catch");
    assertTrue(e.describe().startsWith("unsupported module"), e.describe());
  }

  @Test
  void legacyDelegateAndRethrowAreUnsupportedToo() {
    // a tag, then (func block rethrow 0 end): 02 40 09 00 0b 0b
    byte[] tag = section(TAG, 1, 0, 0);
    byte[] rethrow =
        module(
            VOID_TYPE, section(FUNCTION, 1, 0), tag, code(0, 0x02, 0x40, 0x09, 0x00, 0x0B, 0x0B));
    rejected(UnsupportedModuleException.class, rethrow, "code", 0, 30, "opcode 0x09");
    byte[] delegate = module(VOID_TYPE, section(FUNCTION, 1, 0), tag, code(0, 0x18, 0x00, 0x0B));
    rejected(UnsupportedModuleException.class, delegate, "code", 0, 28, "opcode 0x18");
  }

  @Test
  void aTagWithResultsIsInvalid() {
    byte[] wasm = module(section(TYPE, 1, 0x60, 0, 1, 0x7F), section(TAG, 1, 0, 0));
    rejected(InvalidModuleException.class, wasm, "tag", -1, 19, "non-empty tag result type");
  }

  @Test
  void theTagSectionComesBeforeGlobals() {
    byte[] global = section(GLOBAL, 1, 0x7F, 0, 0x41, 0, 0x0B);
    byte[] wasm = module(VOID_TYPE, global, section(TAG, 1, 0, 0));
    rejected(MalformedModuleException.class, wasm, "tag", -1, 22, "tag section after the global");
  }

  @Test
  void throwOfAnUnknownTagIsInvalid() {
    byte[] wasm = module(VOID_TYPE, section(FUNCTION, 1, 0), code(0, 0x08, 0x00, 0x0B));
    rejected(InvalidModuleException.class, wasm, "code", 0, 23, "unknown tag 0");
  }

  @Test
  void aCatchLabelBeyondTheEnclosingBlocksIsInvalid() {
    // (tag) (func try_table (catch_all 1) end): 1f 40 01 02 01 0b 0b
    byte[] wasm =
        module(
            VOID_TYPE,
            section(FUNCTION, 1, 0),
            section(TAG, 1, 0, 0),
            code(0, 0x1F, 0x40, 0x01, 0x02, 0x01, 0x0B, 0x0B));
    rejected(InvalidModuleException.class, wasm, "code", 0, 28, "unknown label 1");
  }

  @Test
  void aTryTableCatchingItsOwnTagCompiles() {
    // (tag) (func block try_table (catch 0 0) throw 0 end end)
    byte[] wasm =
        module(
            VOID_TYPE,
            section(FUNCTION, 1, 0),
            section(TAG, 1, 0, 0),
            code(0, 0x02, 0x40, 0x1F, 0x40, 0x01, 0x00, 0x00, 0x00, 0x08, 0x00, 0x0B, 0x0B, 0x0B));
    Flarec.compile(wasm).load().instantiate();
  }
}
