package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.guest.Guest;
import dev.flarec.hostabi.invocation.Invocation;

/**
 * What the host functions of one pooled instance share: the guest (set once, right after
 * instantiation), the invocation in progress (set before each call, cleared after), and the node's
 * services. One instance serves one invocation at a time, so no synchronisation.
 */
public final class FlareContext {
  private final HostServices services;
  private Guest guest;
  private Invocation invocation;

  public FlareContext(HostServices services) {
    this.services = services;
  }

  public HostServices services() {
    return services;
  }

  public Guest guest() {
    return guest;
  }

  public void attach(Guest guest) {
    this.guest = guest;
  }

  /** The invocation in progress; a host function called outside one is a host bug. */
  public Invocation invocation() {
    if (invocation == null) {
      throw new IllegalStateException("host function called outside an invocation");
    }
    return invocation;
  }

  public void begin(Invocation invocation) {
    this.invocation = invocation;
  }

  public void end() {
    this.invocation = null;
  }
}
