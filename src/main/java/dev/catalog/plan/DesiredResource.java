package dev.catalog.plan;

import dev.catalog.state.Address;

/** A resolved declaration: an instance or a binding, as apply will create it. */
public sealed interface DesiredResource
    permits DesiredResource.OfInstance, DesiredResource.OfBinding {
  /** The resource's address. */
  Address address();

  /** A declared instance. */
  record OfInstance(DesiredInstance instance) implements DesiredResource {
    @Override
    public Address address() {
      return instance.address();
    }
  }

  /** A declared binding. */
  record OfBinding(DesiredBinding binding) implements DesiredResource {
    @Override
    public Address address() {
      return binding.address();
    }
  }
}
