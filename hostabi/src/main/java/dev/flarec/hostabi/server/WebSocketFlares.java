package dev.flarec.hostabi.server;

import dev.flarec.hostabi.pool.WebSocketEntry;
import dev.flarec.runtime.descriptor.ExternKind;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.types.FunctionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What makes a flare a WebSocket flare: it exports {@code ws_open}, {@code ws_message} and {@code
 * ws_close} as functions taking no parameters, whatever their result (flaron-abi.md §1.1, §8
 * decision 1). No configuration is needed; {@code kind = "websocket"} only says so.
 */
final class WebSocketFlares {
  private WebSocketFlares() {}

  static boolean isWebSocketFlare(ModuleDescriptor module) {
    return missing(module).isEmpty();
  }

  /** The entry points {@code module} lacks, for the start-up error, as "ws_open, ws_close". */
  static String missingExports(ModuleDescriptor module) {
    return String.join(", ", missing(module));
  }

  /** Whether an {@code Upgrade} header asks for WebSocket (RFC 6455 §4.1: case-insensitive). */
  static boolean isUpgrade(String upgradeHeader) {
    return upgradeHeader != null && upgradeHeader.toLowerCase(Locale.ROOT).contains("websocket");
  }

  private static List<String> missing(ModuleDescriptor module) {
    List<String> missing = new ArrayList<>();
    for (WebSocketEntry entry : WebSocketEntry.values()) {
      boolean found = false;
      for (ModuleDescriptor.Export e : module.exports()) {
        if (e.name().equals(entry.exportName())
            && e.kind() == ExternKind.FUNCTION
            && typeOf(module, e.index()).params().isEmpty()) {
          found = true;
        }
      }
      if (!found) {
        missing.add(entry.exportName());
      }
    }
    return missing;
  }

  private static FunctionType typeOf(ModuleDescriptor module, int function) {
    return module.types().get(module.functions().get(function).typeIndex());
  }
}
