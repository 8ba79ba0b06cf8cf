package dev.flarec.hostabi.launch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InstanceShapesTest {
  @Test
  void callsBothStandInsThroughTheirShapes() {
    assertTrue(InstanceShapes.spin(), "the bound export handle and the reflected constructor ran");
    assertTrue(InstanceShapes.spin(), "a second spin finds the shapes made and still runs");
  }
}
