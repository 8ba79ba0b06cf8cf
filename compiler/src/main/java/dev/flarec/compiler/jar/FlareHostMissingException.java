package dev.flarec.compiler.jar;

/**
 * A flare cannot be written: this flarec was built without the flare host (for example by building
 * the compiler module alone). Building the whole project embeds it.
 */
public final class FlareHostMissingException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public FlareHostMissingException() {
    super(
        "the module is a flare (it imports flaron/v1 or exports handle_request or ws_open), but"
            + " this flarec was built without the flare host; build flarec with"
            + " 'mvn install' from the repository root");
  }
}
